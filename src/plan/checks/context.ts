/**
 * What a hazard check sees: the ordered changes, the facts counted so far, which tables and columns
 * exist before the plan runs, and the live (pre-rename) names to ask the database about.
 */
import type { Change } from '../../diff/changes';
import { changeObject } from '../../diff/describe';
import { renameIdentifier } from '../../diff/expressions';
import { columnKey } from '../../diff/keys';
import { qualifiedKey } from '../../schema/model';
import type { RenameAmbiguity } from '../../diff/renames/detect';
import type { QualifiedName, UnmanagedObject } from '../../schema/model';
import type { ObjectUse } from '../../schema/uses';
import type { Fact } from '../facts';
import { RULES, type Severity, type WarningCode, type WarningGroup } from '../rules';

export interface Warning {
  code: WarningCode;
  group: WarningGroup;
  severity: Severity;
  /** One line naming the object and, once counted, the numbers. */
  message: string;
  object: string;
  /** The safer way. */
  help: string;
  /** The change the warning is about (the same object as in Plan.changes and Statement.change). */
  change: Change;
  /** The number the message is about (rows, values), when it was counted on the live database. */
  count?: number;
}

export interface HazardOptions {
  /** Whether the plan uses the online variants (src/plan/safety.ts marks them, src/ddl/safe.ts writes them). */
  online?: boolean;
  /** Rename candidates the detector could not decide between (RN304). */
  ambiguities?: RenameAmbiguity[];
  /**
   * The database's unmanaged objects as read (the `actual` model's list), with what they depend on:
   * DS105 names those a drop or type change would run into. Without it nothing is known of them.
   */
  unmanaged?: readonly UnmanagedObject[];
  /**
   * What objects outside the managed set use (pg_depend, see src/schema/uses.ts): drops they stop are
   * left out of the plan (DS106), and drops of tables and columns they use are flagged (DS105).
   */
  uses?: readonly ObjectUse[];
  /** The drops left out of the plan because of `uses`, with their users (set by planChanges). */
  left?: readonly { change: Change; users: ObjectUse['user'][] }[];
}

/** The database's current names for what the plan's changes call by their new names. */
export interface LiveNames {
  table(t: QualifiedName): QualifiedName;
  column(t: QualifiedName, column: string): string;
  type(t: QualifiedName): QualifiedName;
  enumValue(type: QualifiedName, value: string): string;
  /** An expression over a table's columns, with renamed columns called by their current names. */
  expression(t: QualifiedName, expression: string): string;
}

export interface HazardContext {
  changes: Change[];
  /** The counted answer, or undefined when the fact was not (or could not be) counted. */
  count(fact: Fact): number | undefined;
  /** Whether the table exists before the plan runs (it is not created by it). */
  existed(t: QualifiedName): boolean;
  /** Whether the column holds data before the plan runs (its table existed and it is not added). */
  columnExisted(t: QualifiedName, column: string): boolean;
  live: LiveNames;
  options: HazardOptions;
}

export type Pass = (ctx: HazardContext) => Warning[];

export function warn(change: Change, code: WarningCode, severity: Severity, message: string, count?: number): Warning {
  return {
    code,
    group: RULES[code].group,
    severity,
    message,
    object: changeObject(change),
    help: RULES[code].help,
    change,
    ...(count !== undefined ? { count } : {}),
  };
}

/** `n rows`, `1 row`. */
export const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function liveNames(changes: Change[]): LiveNames {
  const tables = new Map<string, string>();
  const columns = new Map<string, string>();
  const types = new Map<string, string>();
  const values = new Map<string, string>();
  for (const c of changes) {
    if (c.kind === 'renameTable') tables.set(qualifiedKey({ schema: c.schema, name: c.to }), c.from);
    if (c.kind === 'renameColumn') columns.set(columnKey(c.table, c.to), c.from);
    if (c.kind === 'renameEnum') types.set(qualifiedKey({ schema: c.schema, name: c.to }), c.from);
    if (c.kind === 'renameEnumValue') values.set(columnKey(c.enum, c.to), c.from);
  }
  const column = (t: QualifiedName, name: string) => columns.get(columnKey(t, name)) ?? name;
  return {
    table: (t) => ({ schema: t.schema, name: tables.get(qualifiedKey(t)) ?? t.name }),
    column,
    type: (t) => ({ schema: t.schema, name: types.get(qualifiedKey(t)) ?? t.name }),
    enumValue: (type, value) => values.get(columnKey(type, value)) ?? value,
    expression: (t, expression) =>
      changes.reduce(
        (e, c) => (c.kind === 'renameColumn' && qualifiedKey(c.table) === qualifiedKey(t) ? renameIdentifier(e, c.to, c.from) : e),
        expression,
      ),
  };
}

export function createdSets(changes: Change[]): { tables: Set<string>; columns: Set<string> } {
  const tables = new Set<string>();
  const columns = new Set<string>();
  for (const c of changes) {
    if (c.kind === 'createTable') tables.add(qualifiedKey(c.table));
    if (c.kind === 'addColumn') columns.add(columnKey(c.table, c.column.name));
    // A column rebuilt as generated holds computed values, not the old ones.
    if (c.kind === 'alterColumnValueSource' && c.to.valueSource.kind === 'generated') columns.add(columnKey(c.table, c.to.name));
  }
  return { tables, columns };
}
