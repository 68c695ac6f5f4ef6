/** DS1xx: changes that delete data — counted, so the message says how much — or that objects outside the model stop. */
import type { ChangeOf } from '../../diff/changes';
import { changeObject } from '../../diff/describe';
import { formatEnumMapHint, refOf } from '../../diff/renames/hints';
import type { HazardContext, Pass, Warning } from './context';
import { dependentsPass } from './dependents';
import { plural, warn } from './context';

const dropTable: Pass = (ctx) =>
  ctx.changes.flatMap((c) => {
    if (c.kind !== 'dropTable') return [];
    const n = ctx.count({ kind: 'rows', table: ctx.live.table(c.table) });
    const object = changeObject(c);
    if (n === undefined) return [warn(c, 'DS101', 'warning', `drop table ${object} (every row in it is deleted)`)];
    return [
      n > 0
        ? warn(c, 'DS101', 'error', `drop table ${object} deletes its ${plural(n, 'row')}`, n)
        : warn(c, 'DS101', 'warning', `drop table ${object} (it is empty)`, n),
    ];
  });

function droppedValues(ctx: HazardContext, c: ChangeOf<'dropColumn'> | ChangeOf<'alterColumnValueSource'>, verb: string): Warning {
  const column = c.kind === 'dropColumn' ? c.column.name : c.from.name;
  const object = changeObject(c);
  const n = ctx.count({ kind: 'nonNulls', table: ctx.live.table(c.table), column: ctx.live.column(c.table, column) });
  if (n === undefined) return warn(c, 'DS102', 'warning', `${verb} ${object} (its values are deleted)`);
  return n > 0
    ? warn(c, 'DS102', 'error', `${verb} ${object} deletes ${plural(n, 'non-null value')}`, n)
    : warn(c, 'DS102', 'warning', `${verb} ${object} (it holds no values)`, n);
}

const dropColumn: Pass = (ctx) =>
  ctx.changes.flatMap((c) => {
    if (c.kind === 'dropColumn' && ctx.existed(c.table)) return [droppedValues(ctx, c, 'drop column')];
    if (c.kind === 'alterColumnValueSource' && c.to.valueSource.kind === 'generated' && c.from.valueSource.kind !== 'generated') {
      const w = droppedValues(ctx, c, 'drop column');
      return [{ ...w, message: `${w.message}, to re-add it as a generated column` }];
    }
    return [];
  });

function enumRecreate(ctx: HazardContext, c: ChangeOf<'recreateEnum'>): Warning {
  const object = changeObject(c);
  const removed = c.from.values.filter((v) => !c.to.values.includes(v));
  const uses = c.columns.map((u) => `${u.table.schema}.${u.table.name}.${u.column}`).join(', ') || 'no columns';
  if (removed.length === 0) return warn(c, 'DS103', 'info', `enum ${object} is recreated to reorder its values; ${uses} converted`);
  const mapped = new Map((c.valueMap ?? []).map((m) => [m.from, m.to]));
  const type = ctx.live.type(c.to);
  const counts = removed.map((v) => ({ value: v, n: ctx.count({ kind: 'enumValueUses', type, value: ctx.live.enumValue(c.to, v) }) }));
  const values = removed.map((v) => `'${v}'`).join(', ');
  const head = `enum ${object} loses value${removed.length > 1 ? 's' : ''} ${values}`;
  if (counts.some((x) => x.n === undefined)) {
    const maps = [...mapped].map(([f, t]) => `'${f}' → '${t}'`).join(', ');
    return warn(c, 'DS103', 'warning', `${head}; the type is recreated and ${uses} converted${maps ? ` (rows mapped: ${maps})` : ''}`);
  }
  const stranded = counts.filter((x) => x.n! > 0 && !mapped.has(x.value));
  const moved = counts.filter((x) => x.n! > 0 && mapped.has(x.value));
  const total = counts.reduce((sum, x) => sum + x.n!, 0);
  if (stranded.length > 0) {
    const hints = stranded.map((x) => `--enum-map ${formatEnumMapHint({ type: refOf(c.to), from: x.value, to: '<value>' })}`);
    const held = stranded.map((x) => `${plural(x.n!, 'row')} hold '${x.value}'`).join(', ');
    return warn(c, 'DS103', 'error', `${head}: ${held}, so the conversion fails; map them with ${hints.join(' ')}`, total);
  }
  if (moved.length > 0) {
    const held = moved.map((x) => `${plural(x.n!, 'row')} move from '${x.value}' to '${mapped.get(x.value)}'`).join(', ');
    return warn(c, 'DS103', 'warning', `${head}: ${held}`, total);
  }
  return warn(c, 'DS103', 'warning', `${head}; no row holds ${removed.length > 1 ? 'them' : 'it'}`, 0);
}

const enumValueRemoval: Pass = (ctx) => ctx.changes.flatMap((c) => (c.kind === 'recreateEnum' ? [enumRecreate(ctx, c)] : []));

const dropSchema: Pass = (ctx) =>
  ctx.changes.flatMap((c) => (c.kind === 'dropSchema' ? [warn(c, 'DS104', 'warning', `drop schema ${c.schema}`)] : []));

export const destructivePasses: Pass[] = [dropTable, dropColumn, enumValueRemoval, dropSchema, dependentsPass];
