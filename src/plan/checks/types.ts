/** TC2xx: every column type change, classified, with the rows it would fail or change counted. */
import type { ChangeOf } from '../../diff/changes';
import { changeObject, columnTypeText } from '../../diff/describe';
import { classifyTypeChange, defaultUsing, isTextual, narrowedTextLimit } from '../../diff/typechange';
import { quoteIdent, quoteLiteral } from '../../sql/quote';
import type { HazardContext, Pass, Warning } from './context';
import { plural, warn } from './context';

const sqlType = (c: { dataType: string; arrayDims: number }): string => c.dataType + '[]'.repeat(c.arrayDims);

/** The values of the scalar enum a column moves to, when this plan creates that enum. */
function newEnumValues(ctx: HazardContext, c: ChangeOf<'alterColumnType'>): string[] | undefined {
  const target = c.to.enumType;
  if (!target || c.to.arrayDims > 0) return undefined;
  const created = ctx.changes.find((x) => x.kind === 'createEnum' && x.enum.schema === target.schema && x.enum.name === target.name);
  return created?.kind === 'createEnum' ? created.enum.values : undefined;
}

/** Failures and changed values of a conversion, as a phrase and a total; undefined when not counted. */
function lossCounts(ctx: HazardContext, c: ChangeOf<'alterColumnType'>): { text: string; total: number } | undefined {
  const table = ctx.live.table(c.table);
  const column = ctx.live.column(c.table, c.to.name);
  const limit = narrowedTextLimit(c.from, c.to);
  if (c.using === undefined && limit !== undefined) {
    const n = ctx.count({ kind: 'violations', table, expression: `char_length(${quoteIdent(column)}) <= ${limit}` });
    return n === undefined ? undefined : { text: `${plural(n, 'value')} longer than ${limit} characters (the migration fails on them)`, total: n };
  }
  const values = c.using === undefined ? newEnumValues(ctx, c) : undefined;
  if (values !== undefined) {
    // The type does not exist yet, so nothing can be cast to it: count the values it will not hold.
    const list = values.map(quoteLiteral).join(', ');
    const n = ctx.count({ kind: 'violations', table, expression: `${quoteIdent(column)}::text IN (${list})` });
    return n === undefined ? undefined : { text: `${plural(n, 'value')} would not convert`, total: n };
  }
  const expression =
    c.using !== undefined ? ctx.live.expression(c.table, c.using) : defaultUsing(c.from, c.to, quoteIdent(column))!;
  const failures = ctx.count({ kind: 'castFailures', table, column, expression });
  if (c.using !== undefined || isTextual(c.from)) {
    if (failures === undefined) return undefined;
    const text = c.using !== undefined ? `the given conversion fails on ${plural(failures, 'row')}` : `${plural(failures, 'value')} would not convert`;
    return { text, total: failures };
  }
  const changes = ctx.count({ kind: 'castChanges', table, column, expression, sourceType: sqlType(c.from) });
  if (failures === undefined || changes === undefined) return undefined;
  return {
    text: `${plural(failures, 'value')} would not convert, ${plural(changes, 'value')} would be cut or rounded`,
    total: failures + changes,
  };
}

/**
 * What every type change that converts the values costs the table: Postgres rewrites it (and its
 * indexes) under an ACCESS EXCLUSIVE lock, reads and writes waiting meanwhile. TC202 is about that
 * alone; TC203 and TC204 carry it after their own concern. `(0 rows)` when the table is empty.
 */
function rewrite(ctx: HazardContext, c: ChangeOf<'alterColumnType'>): { text: string; rows?: number } {
  const n = ctx.count({ kind: 'rows', table: ctx.live.table(c.table) });
  return { text: `rewrites the table${n === undefined ? '' : ` (${plural(n, 'row')})`} under an ACCESS EXCLUSIVE lock`, rows: n };
}

function typeChange(ctx: HazardContext, c: ChangeOf<'alterColumnType'>): Warning {
  const verdict = classifyTypeChange(c.from, c.to);
  const head = `type change ${changeObject(c)}: ${columnTypeText(c.from)} → ${columnTypeText(c.to)}`;
  if (c.using !== undefined || verdict.class === 'lossy') {
    const how = c.using !== undefined ? `with the given conversion USING (${c.using})` : verdict.reason;
    const counted = lossCounts(ctx, c);
    const lock = `; it ${rewrite(ctx, c).text}`;
    if (counted === undefined) return warn(c, 'TC203', 'warning', `${head} (${how})${lock}`);
    return warn(c, 'TC203', counted.total > 0 ? 'error' : 'warning', `${head} (${how}): ${counted.text}${lock}`, counted.total);
  }
  // The planner's decision, which the statements render too: the template is there exactly when this warning is.
  if (c.form === 'expand-contract') {
    const n = ctx.count({ kind: 'nonNulls', table: ctx.live.table(c.table), column: ctx.live.column(c.table, c.to.name) });
    const values = n === undefined ? '' : ` for ${plural(n, 'value')}`;
    // The template's swap (ALTER … TYPE … USING the backfilled column) is itself a rewrite.
    const lock = `; its swap ${rewrite(ctx, c).text}`;
    return warn(c, 'TC204', 'error', `${head} has no cast: the migration holds an expand/contract template to complete${values}${lock}`, n);
  }
  if (verdict.class === 'rewrite') {
    const { text, rows } = rewrite(ctx, c);
    return warn(c, 'TC202', rows === 0 ? 'info' : 'warning', `${head} ${text}`, rows);
  }
  return warn(c, 'TC201', 'info', `${head} (in place: ${verdict.reason})`);
}

export const typePasses: Pass[] = [
  (ctx) => ctx.changes.flatMap((c) => (c.kind === 'alterColumnType' ? [typeChange(ctx, c)] : [])),
];
