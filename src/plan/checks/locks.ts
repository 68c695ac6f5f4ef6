/**
 * LK6xx and TX401: statements that hold strong locks on tables that already have rows, or that
 * break inside a transaction. With --online the planner replaces most of them by their lock-light
 * variants (src/plan/safety.ts marks them, src/ddl/safe.ts writes them), and these checks fall silent.
 */
import type { Change, ChangeOf } from '../../diff/changes';
import { changeObject } from '../../diff/describe';
import type { Column, QualifiedName, Table } from '../../schema/model';
import { formatQualified } from '../../sql/quote';
import type { WarningCode } from '../rules';
import type { HazardContext, Pass, Warning } from './context';
import { plural, warn } from './context';

/** Functions whose value differs per row, so a default using them is computed for every existing row. */
const VOLATILE = /\b(gen_random_uuid|uuid_generate_v1|uuid_generate_v1mc|uuid_generate_v4|random|clock_timestamp|timeofday|nextval|txid_current)\s*\(/i;

function rowsOf(ctx: HazardContext, c: Change, table: QualifiedName, code: WarningCode, what: string): Warning {
  const n = ctx.count({ kind: 'rows', table: ctx.live.table(table) });
  if (n === undefined) return warn(c, code, 'warning', what);
  return warn(c, code, n === 0 ? 'info' : 'warning', `${what} (${n === 0 ? 'the table is empty' : plural(n, 'row')})`, n);
}

function lockingAdd(ctx: HazardContext, c: Change): Warning[] {
  if (!('table' in c) || typeof c.table !== 'object' || !ctx.existed(c.table) || ('online' in c && c.online)) return [];
  const object = changeObject(c);
  switch (c.kind) {
    case 'createIndex':
      return [rowsOf(ctx, c, c.table, 'LK601', `index ${object} is built without CONCURRENTLY, blocking writes until it is done`)];
    case 'addForeignKey':
      return [rowsOf(ctx, c, c.table, 'LK602', `foreign key ${object} is added without NOT VALID: the table is scanned while writes to it and to ${c.foreignKey.references.schema}.${c.foreignKey.references.name} wait`)];
    case 'setNotNull':
      return ctx.columnExisted(c.table, c.column)
        ? [rowsOf(ctx, c, c.table, 'LK603', `SET NOT NULL on ${object} scans the table under an ACCESS EXCLUSIVE lock`)]
        : [];
    case 'addCheck':
      return [rowsOf(ctx, c, c.table, 'LK604', `check ${object} is added without NOT VALID: the table is scanned under an ACCESS EXCLUSIVE lock`)];
    case 'addUnique':
    case 'addPrimaryKey':
      return [rowsOf(ctx, c, c.table, 'LK606', `${c.kind === 'addUnique' ? 'unique constraint' : 'primary key'} ${object} builds its index while blocking writes`)];
    default:
      return [];
  }
}

/** Why adding this column computes a value for every existing row, if it does. */
function rewritingSource(column: Column): string | undefined {
  const s = column.valueSource;
  if (s.kind === 'default' && VOLATILE.test(s.expression)) return `its volatile default ${s.expression}`;
  if (s.kind === 'serial' || s.kind === 'identity') return `its ${s.kind} sequence`;
  if (s.kind === 'generated') return 'its stored generation expression';
  return undefined;
}

function volatileDefault(ctx: HazardContext, c: ChangeOf<'addColumn'>): Warning[] {
  const source = rewritingSource(c.column);
  if (!ctx.existed(c.table) || source === undefined) return [];
  return [rowsOf(ctx, c, c.table, 'LK605', `column ${changeObject(c)} is added with ${source}, computed for every row while the table is rewritten`)];
}

/** Once per plan: the online variants took the migration out of its transaction. */
const outsideTransaction: Pass = (ctx) => {
  const first = ctx.changes.find((c) => 'online' in c && c.online);
  if (!first) return [];
  return [warn(first, 'LK607', 'info', 'the migration runs outside a transaction (online variants), with lock_timeout and statement_timeout set')];
};

const columnExpressions = (c: Column): string[] =>
  c.valueSource.kind === 'default' || c.valueSource.kind === 'generated' ? [c.valueSource.expression] : [];

const tableExpressions = (t: Pick<Table, 'columns' | 'checks' | 'indexes'>): string[] => [
  ...t.columns.flatMap(columnExpressions),
  ...t.checks.map((c) => c.expression),
  ...t.indexes.flatMap((i) => [...(i.where !== undefined ? [i.where] : []), ...i.elements.filter((e) => e.kind === 'expression').map((e) => e.value)]),
];

/** Expressions a change makes Postgres parse, where a just-added enum value could appear. */
function expressionsOf(change: Change): string[] {
  switch (change.kind) {
    case 'setDefault':
      return [change.to];
    case 'alterDomainDefault':
      return change.to !== undefined ? [change.to] : [];
    case 'addColumn':
      return columnExpressions(change.column);
    case 'alterColumnType':
    case 'alterColumnValueSource':
      return columnExpressions(change.to);
    case 'createTable':
      return tableExpressions(change.table);
    case 'addCheck':
    case 'addDomainCheck':
      return [change.check.expression];
    case 'createIndex':
      return tableExpressions({ columns: [], checks: [], indexes: [change.index] });
    case 'createDomain':
      return [...(change.domain.default !== undefined ? [change.domain.default] : []), ...change.domain.checks.map((c) => c.expression)];
    case 'setNotNull':
      return change.backfill !== undefined ? [change.backfill] : [];
    default:
      return [];
  }
}

/**
 * Postgres 12+ runs ALTER TYPE … ADD VALUE in a transaction, but rejects the new value until that
 * transaction commits. Text matching: an expression naming the type and containing the value.
 * A migration already outside a transaction (online) has nothing to fear.
 */
const newEnumValueUse: Pass = (ctx) => {
  if (ctx.changes.some((c) => 'online' in c && c.online)) return [];
  return ctx.changes
    .filter((c): c is ChangeOf<'addEnumValue'> => c.kind === 'addEnumValue')
    .flatMap((add) => {
      const typeName = formatQualified(add.enum);
      const literal = add.value.replace(/'/g, "''");
      return ctx.changes
        .filter((c) => expressionsOf(c).some((e) => e.includes(typeName) && e.includes(literal)))
        .map((user) =>
          warn(add, 'TX401', 'error', `new value '${add.value}' of enum ${changeObject(add)} is used in the same transaction by ${changeObject(user)}`),
        );
    });
};

export const lockPasses: Pass[] = [
  (ctx) => ctx.changes.flatMap((c) => lockingAdd(ctx, c)),
  (ctx) => ctx.changes.flatMap((c) => (c.kind === 'addColumn' ? volatileDefault(ctx, c) : [])),
  outsideTransaction,
  newEnumValueUse,
];
