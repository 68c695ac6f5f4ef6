/**
 * Folds successive recreates of one enum into one. They arise on the way down from several added
 * values (each inverts to a recreate without it); one recreate moves every column once.
 */
import type { Change, ChangeOf, EnumColumnUse } from '../diff/changes';
import { columnKey } from '../diff/keys';
import { qualifiedKey } from '../schema/model';

function merge(first: ChangeOf<'recreateEnum'>, next: ChangeOf<'recreateEnum'>): ChangeOf<'recreateEnum'> {
  const later = new Map(next.columns.map((c) => [columnKey(c.table, c.column), c]));
  const columns = first.columns.map((c): EnumColumnUse => {
    const { toDefault: _old, ...rest } = c;
    const toDefault = later.get(columnKey(c.table, c.column))?.toDefault;
    return { ...rest, ...(toDefault !== undefined ? { toDefault } : {}) };
  });
  return { kind: 'recreateEnum', from: first.from, to: next.to, columns };
}

export function coalesceRecreates(changes: Change[]): Change[] {
  const out: Change[] = [];
  const at = new Map<string, number>();
  for (const change of changes) {
    if (change.kind !== 'recreateEnum') {
      out.push(change);
      continue;
    }
    const key = qualifiedKey(change.to);
    const index = at.get(key);
    if (index === undefined) {
      at.set(key, out.length);
      out.push(change);
    } else {
      out[index] = merge(out[index] as ChangeOf<'recreateEnum'>, change);
    }
  }
  return out;
}
