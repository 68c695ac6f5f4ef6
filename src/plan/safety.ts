/**
 * Planner passes that pick the safer form of a change, from the model alone (pure): the
 * expand/contract template for a type change no cast can do, a temporary
 * default for a NOT NULL column added to a table that may hold rows, where the column's meaning gives
 * one, and with --online the lock-light variants of index, constraint and NOT NULL changes on tables
 * that exist before the plan.
 */
import type { Change, ChangeOf, TypeChangeForm } from '../diff/changes';
import { classifyTypeChange } from '../diff/typechange';
import { columnKey } from '../diff/keys';
import { qualifiedKey } from '../schema/model';
import type { Column, ColumnRole, ColumnRoleOf } from '../schema/model';

const VERSION_NAME = /^(version|ver|revision|lock_?version|row_?version|record_?version)$/i;
const STAMP_NAME =
  /^((created|updated|modified|inserted|changed)(_?(at|on|date|time|timestamp|ts))?|(create|update|modify|insert|change)_?(date|time|timestamp|ts)|date_?(created|updated|modified))$/i;
const INTEGER = /^(smallint|integer|bigint|numeric.*)$/;
const DATE_TIME = /^(date|timestamp.*)$/;

/**
 * A version column starts at 1; a create/update date column at now(); other columns have no obvious
 * value. The role comes from the entities (TypeORM's @VersionColumn, @CreateDateColumn…); without
 * one, as for a plan between two catalogs, the column's name and type stand in for it.
 */
export function meaningfulDefault(column: Column, role?: ColumnRole | 'none'): string | undefined {
  if (column.arrayDims > 0) return undefined;
  if (role !== undefined) {
    if (role === 'version' && INTEGER.test(column.dataType)) return '1';
    if ((role === 'createDate' || role === 'updateDate') && DATE_TIME.test(column.dataType)) return 'now()';
    return undefined;
  }
  if (VERSION_NAME.test(column.name) && INTEGER.test(column.dataType)) return '1';
  if (STAMP_NAME.test(column.name) && DATE_TIME.test(column.dataType)) return 'now()';
  return undefined;
}

const createdTables = (changes: Change[]): Set<string> =>
  new Set(changes.flatMap((c) => (c.kind === 'createTable' ? [qualifiedKey(c.table)] : [])));

export function withTemporaryDefaults(changes: Change[], roles?: readonly ColumnRoleOf[]): Change[] {
  const created = createdTables(changes);
  // Made for the first NOT NULL column added without a default: most plans have none, and every column has a role.
  let roleOf: Map<string, ColumnRole> | undefined;
  const roleOfColumn = (c: ChangeOf<'addColumn'>): ColumnRole | 'none' | undefined => {
    if (!roles) return undefined;
    roleOf ??= new Map(roles.map((r) => [columnKey(r.table, r.column), r.role]));
    return roleOf.get(columnKey(c.table, c.column.name)) ?? 'none';
  };
  return changes.map((c) => {
    if (c.kind !== 'addColumn' || created.has(qualifiedKey(c.table))) return c;
    if (c.column.nullable || c.column.valueSource.kind !== 'none') return c;
    const role = roleOfColumn(c);
    const temporaryDefault = meaningfulDefault(c.column, role);
    return temporaryDefault === undefined ? c : { ...c, temporaryDefault };
  });
}

/**
 * The one decision that a type change runs as the expand/contract template: no cast exists and the
 * user gave no conversion. The ddl renders the form the change carries, and TC204 (and DS105's
 * SQLSTATE) read it from there.
 */
export function typeChangeForm(c: ChangeOf<'alterColumnType'>): TypeChangeForm {
  return c.using === undefined && classifyTypeChange(c.from, c.to).class === 'impossible' ? 'expand-contract' : 'direct';
}

export function withTypeChangeForms(changes: Change[]): Change[] {
  return changes.map((c) => (c.kind === 'alterColumnType' ? { ...c, form: typeChangeForm(c) } : c));
}

const ONLINE_KINDS = new Set<Change['kind']>([
  'createIndex',
  'dropIndex',
  'addForeignKey',
  'addCheck',
  'addUnique',
  'addPrimaryKey',
  'setNotNull',
]);

export function withOnlineVariants(changes: Change[]): Change[] {
  const created = createdTables(changes);
  return changes.map((c) =>
    ONLINE_KINDS.has(c.kind) && 'table' in c && !created.has(qualifiedKey(c.table)) ? ({ ...c, online: true } as Change) : c,
  );
}
