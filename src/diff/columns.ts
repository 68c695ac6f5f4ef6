/** One column present on both sides: type, nullability, value source, comment. */
import type { Column, ColumnValueSource, QualifiedName } from '../schema/model';
import type { Change } from './changes';
import { fromTo, sameData } from './keys';

const isPlain = (s: ColumnValueSource): s is Extract<ColumnValueSource, { kind: 'none' | 'default' }> =>
  s.kind === 'none' || s.kind === 'default';

export const typeChanged = (a: Column, b: Column): boolean =>
  a.dataType !== b.dataType || a.arrayDims !== b.arrayDims || a.collation !== b.collation;

function valueSourceChanges(table: QualifiedName, old: Column, next: Column, defaultHandled: boolean): Change[] {
  const from = old.valueSource;
  const to = next.valueSource;
  const column = next.name;
  if (sameData(from, to)) return [];
  if (isPlain(from) && isPlain(to)) {
    if (defaultHandled) return [];
    if (to.kind === 'default') {
      return [
        {
          kind: 'setDefault',
          table,
          column,
          ...(from.kind === 'default' ? { from: from.expression } : {}),
          to: to.expression,
        },
      ];
    }
    return from.kind === 'default' ? [{ kind: 'dropDefault', table, column, from: from.expression }] : [];
  }
  if (from.kind === 'identity' && to.kind === 'identity') return [{ kind: 'alterIdentity', table, column, from, to }];
  if (from.kind === 'none' && to.kind === 'identity') return [{ kind: 'addIdentity', table, column, identity: to }];
  if (from.kind === 'identity' && to.kind === 'none') return [{ kind: 'dropIdentity', table, column, identity: from }];
  return [{ kind: 'alterColumnValueSource', table, from: old, to: next }];
}

/**
 * `movedByRecreate`: the column is moved to a recreated enum, and that change sets its default too.
 * A type change likewise restores a plain default itself (the old one may not cast to the new type).
 */
export function diffColumn(table: QualifiedName, old: Column, next: Column, movedByRecreate: boolean): Change[] {
  const changes: Change[] = [];
  const retyped = typeChanged(old, next);
  if (retyped) changes.push({ kind: 'alterColumnType', table, from: old, to: next });
  if (next.nullable && !old.nullable) changes.push({ kind: 'dropNotNull', table, column: next.name });
  if (!next.nullable && old.nullable) {
    // Where the model gives a value, NULL rows take it rather than make SET NOT NULL fail.
    const backfill = next.valueSource.kind === 'default' ? { backfill: next.valueSource.expression } : {};
    changes.push({ kind: 'setNotNull', table, column: next.name, ...backfill });
  }
  changes.push(...valueSourceChanges(table, old, next, retyped || movedByRecreate));
  if (old.comment !== next.comment) {
    changes.push({ kind: 'setColumnComment', table, column: next.name, ...fromTo(old.comment, next.comment) });
  }
  return changes;
}
