/**
 * DD5xx: changes whose success depends on the rows already there. Each counts the rows in the way
 * and names the way out; a check whose count is zero says nothing.
 */
import type { Change, ChangeOf } from '../../diff/changes';
import { changeObject } from '../../diff/describe';
import type { QualifiedName } from '../../schema/model';
import { quoteIdent } from '../../sql/quote';
import type { HazardContext, Pass, Warning } from './context';
import { plural, warn } from './context';

function setNotNull(ctx: HazardContext, c: ChangeOf<'setNotNull'>): Warning[] {
  if (!ctx.columnExisted(c.table, c.column)) return [];
  const object = changeObject(c);
  const n = ctx.count({ kind: 'nulls', table: ctx.live.table(c.table), column: ctx.live.column(c.table, c.column) });
  if (c.backfill !== undefined) {
    const fill = `take its default ${c.backfill} first`;
    if (n === undefined) return [warn(c, 'DD501', 'warning', `${object} becomes NOT NULL: rows holding NULL ${fill}`)];
    return [
      n > 0
        ? warn(c, 'DD501', 'warning', `${object} becomes NOT NULL: ${plural(n, 'row')} holding NULL ${fill}`, n)
        : warn(c, 'DD501', 'info', `${object} becomes NOT NULL: no row holds NULL (any would ${fill})`, n),
    ];
  }
  if (n === undefined) return [warn(c, 'DD501', 'warning', `${object} becomes NOT NULL: it fails if any row holds NULL`)];
  return n > 0 ? [warn(c, 'DD501', 'error', `${object} becomes NOT NULL but ${plural(n, 'row')} hold NULL: the migration fails`, n)] : [];
}

function addColumn(ctx: HazardContext, c: ChangeOf<'addColumn'>): Warning[] {
  if (!ctx.existed(c.table) || c.column.nullable || c.column.valueSource.kind !== 'none') return [];
  const object = changeObject(c);
  const n = ctx.count({ kind: 'rows', table: ctx.live.table(c.table) });
  if (c.temporaryDefault !== undefined) {
    const what = `gets the temporary default ${c.temporaryDefault} (dropped again once it is added)`;
    if (n === undefined) return [warn(c, 'DD502', 'warning', `NOT NULL column ${object} ${what} for the rows already there`)];
    return [warn(c, 'DD502', n > 0 ? 'warning' : 'info', `NOT NULL column ${object} ${what} for ${plural(n, 'existing row')}`, n)];
  }
  if (n === undefined) return [warn(c, 'DD502', 'warning', `NOT NULL column ${object} has no default: adding it fails if the table has rows`)];
  return n > 0
    ? [warn(c, 'DD502', 'error', `NOT NULL column ${object} has no default but the table has ${plural(n, 'row')}: adding it fails`, n)]
    : [];
}

/** The key of a unique constraint, primary key or unique index, as SQL over the live column names. */
function uniqueKey(ctx: HazardContext, c: Change): { table: QualifiedName; keys: string[]; nullsDistinct: boolean; where?: string; columns: string[] } | undefined {
  const col = (t: QualifiedName, name: string) => quoteIdent(ctx.live.column(t, name));
  switch (c.kind) {
    case 'addUnique':
      return { table: c.table, keys: c.unique.columns.map((n) => col(c.table, n)), nullsDistinct: !c.unique.nullsNotDistinct, columns: c.unique.columns };
    case 'addPrimaryKey':
      return { table: c.table, keys: c.primaryKey.columns.map((n) => col(c.table, n)), nullsDistinct: true, columns: c.primaryKey.columns };
    case 'createIndex': {
      if (!c.index.unique) return undefined;
      const keys = c.index.elements.map((e) => (e.kind === 'column' ? col(c.table, e.value) : `(${ctx.live.expression(c.table, e.value)})`));
      const columns = c.index.elements.filter((e) => e.kind === 'column').map((e) => e.value);
      const where = c.index.where !== undefined ? { where: ctx.live.expression(c.table, c.index.where) } : {};
      return { table: c.table, keys, nullsDistinct: !c.index.nullsNotDistinct, columns, ...where };
    }
    default:
      return undefined;
  }
}

function duplicates(ctx: HazardContext, c: Change): Warning[] {
  const key = uniqueKey(ctx, c);
  if (!key || !ctx.existed(key.table) || !key.columns.every((n) => ctx.columnExisted(key.table, n))) return [];
  const { table: _t, columns: _c, ...shape } = key;
  const n = ctx.count({ kind: 'duplicates', table: ctx.live.table(key.table), ...shape });
  if (n === undefined || n === 0) return [];
  return [warn(c, 'DD503', 'error', `${changeObject(c)}: ${plural(n, 'row')} share their key with another row, so it cannot be created`, n)];
}

function orphans(ctx: HazardContext, c: ChangeOf<'addForeignKey'>): Warning[] {
  const fk = c.foreignKey;
  const parent = { schema: fk.references.schema, name: fk.references.name };
  if (!ctx.existed(c.table) || !ctx.existed(parent)) return [];
  if (!fk.columns.every((n) => ctx.columnExisted(c.table, n)) || !fk.references.columns.every((n) => ctx.columnExisted(parent, n))) return [];
  const n = ctx.count({
    kind: 'orphans',
    table: ctx.live.table(c.table),
    columns: fk.columns.map((n) => ctx.live.column(c.table, n)),
    references: { ...ctx.live.table(parent), columns: fk.references.columns.map((n) => ctx.live.column(parent, n)) },
    match: fk.match,
  });
  if (n === undefined || n === 0) return [];
  const target = `${parent.schema}.${parent.name}`;
  return [warn(c, 'DD504', 'error', `foreign key ${changeObject(c)}: ${plural(n, 'row')} point at no row of ${target}`, n)];
}

function violations(ctx: HazardContext, c: ChangeOf<'addCheck'>): Warning[] {
  if (!ctx.existed(c.table)) return [];
  const n = ctx.count({ kind: 'violations', table: ctx.live.table(c.table), expression: ctx.live.expression(c.table, c.check.expression) });
  if (n === undefined || n === 0) return [];
  return [warn(c, 'DD505', 'error', `check ${changeObject(c)} ${c.check.expression}: ${plural(n, 'row')} violate it`, n)];
}

export const dataPasses: Pass[] = [
  (ctx) => ctx.changes.flatMap((c) => (c.kind === 'setNotNull' ? setNotNull(ctx, c) : [])),
  (ctx) => ctx.changes.flatMap((c) => (c.kind === 'addColumn' ? addColumn(ctx, c) : [])),
  (ctx) => ctx.changes.flatMap((c) => duplicates(ctx, c)),
  (ctx) => ctx.changes.flatMap((c) => (c.kind === 'addForeignKey' ? orphans(ctx, c) : [])),
  (ctx) => ctx.changes.flatMap((c) => (c.kind === 'addCheck' ? violations(ctx, c) : [])),
];
