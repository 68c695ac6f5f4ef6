/** Enum types: created, dropped, extended in place (ADD VALUE) or recreated when values go or move. */
import type { Column, EnumType, QualifiedName, Schema } from '../schema/model';
import type { Change, EnumColumnUse } from './changes';
import { byKey, columnKey, fromTo } from './keys';
import { qualifiedKey } from '../schema/model';

const defaultOf = (c: Column): string | undefined =>
  c.valueSource.kind === 'default' ? c.valueSource.expression : undefined;

const usesEnum = (c: Column, e: QualifiedName): boolean =>
  c.enumType !== undefined && c.enumType.schema === e.schema && c.enumType.name === e.name;

/** Columns that hold the enum on both sides (same table, same column, same type): the ones a recreate must move. */
export function enumColumnUses(from: Schema, to: Schema, e: QualifiedName): EnumColumnUse[] {
  const fromTables = byKey(from.tables, qualifiedKey);
  const uses: EnumColumnUse[] = [];
  for (const table of to.tables) {
    const before = fromTables.get(qualifiedKey(table));
    if (!before) continue;
    for (const column of table.columns) {
      const old = before.columns.find((c) => c.name === column.name);
      if (!old || !usesEnum(column, e) || !usesEnum(old, e) || old.arrayDims !== column.arrayDims) continue;
      const fromDefault = defaultOf(old);
      const toDefault = defaultOf(column);
      uses.push({
        table: { schema: table.schema, name: table.name },
        column: column.name,
        arrayDims: column.arrayDims,
        ...(fromDefault !== undefined ? { fromDefault } : {}),
        ...(toDefault !== undefined ? { toDefault } : {}),
      });
    }
  }
  return uses;
}

function isSubsequence(short: string[], long: string[]): boolean {
  let i = 0;
  for (const v of long) if (i < short.length && short[i] === v) i++;
  return i === short.length;
}

/** One ADD VALUE per new value, each placed next to a neighbour that already exists when it runs. */
function addedValues(from: EnumType, to: EnumType, columns: EnumColumnUse[]): Change[] {
  const changes: Change[] = [];
  let current = [...from.values];
  to.values.forEach((value, i) => {
    if (current.includes(value)) return;
    const state: EnumType = { ...from, values: current };
    const position = i === current.length ? {} : i > 0 ? { after: to.values[i - 1] } : { before: current[0] };
    changes.push({ kind: 'addEnumValue', enum: state, value, ...position, columns });
    current = [...current.slice(0, i), value, ...current.slice(i)];
  });
  return changes;
}

export interface EnumDiff {
  changes: Change[];
  /** columnKey of every column a recreateEnum moves (its default changes ride along with it). */
  recreatedColumns: Set<string>;
}

export function diffEnums(from: Schema, to: Schema): EnumDiff {
  const before = byKey(from.enums, qualifiedKey);
  const after = byKey(to.enums, qualifiedKey);
  const changes: Change[] = [];
  const recreatedColumns = new Set<string>();
  for (const e of from.enums) if (!after.has(qualifiedKey(e))) changes.push({ kind: 'dropEnum', enum: e });
  for (const e of to.enums) {
    const old = before.get(qualifiedKey(e));
    if (!old) {
      changes.push({ kind: 'createEnum', enum: e });
      continue;
    }
    const sameValues = old.values.length === e.values.length && old.values.every((v, i) => v === e.values[i]);
    if (!sameValues) {
      const columns = enumColumnUses(from, to, e);
      if (!isSubsequence(old.values, e.values)) {
        changes.push({ kind: 'recreateEnum', from: old, to: e, columns });
        for (const c of columns) recreatedColumns.add(columnKey(c.table, c.column));
        continue; // the recreated type gets its comment as part of the recreate
      }
      changes.push(...addedValues(old, e, columns));
    }
    if (old.comment !== e.comment) {
      changes.push({
        kind: 'setEnumComment',
        enum: { schema: e.schema, name: e.name },
        ...fromTo(old.comment, e.comment),
      });
    }
  }
  return { changes, recreatedColumns };
}
