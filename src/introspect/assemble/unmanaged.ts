/** What ormdiff sees but does not model: which relations are tables, and the report of the rest. */
import type { UnmanagedDependency, UnmanagedKind, UnmanagedObject } from '../../schema/model';
import type { DependencyRow, RelationRow, UnmanagedRow } from '../rows';
import { byQualifiedName, compareStrings, tableKey } from './common';

const RELATION_KINDS: Record<string, UnmanagedKind> = {
  p: 'partitioned table',
  v: 'view',
  m: 'materialized view',
  f: 'foreign table',
  c: 'composite type',
};

/** 'table' for an ordinary table the model holds, else the kind it is reported as. */
export function relationKind(row: RelationRow): 'table' | UnmanagedKind {
  // A partition is reported as one whatever its own relkind (a sub-partitioned or foreign partition too).
  if (row.is_partition) return 'partition';
  if (row.kind === 'r') return 'table';
  const kind = RELATION_KINDS[row.kind];
  if (!kind) throw new Error(`unexpected relkind '${row.kind}' for ${row.schema}.${row.name}`);
  return kind;
}

/**
 * One entry per relation, its columns deduplicated and sorted; a relation that is also used as a
 * whole keeps its columns (those are what a column change breaks; any use stops a drop of the table).
 * Undefined when nothing in scope is read, so the field is absent rather than empty.
 */
export function toDependencies(rows: DependencyRow[] | null): UnmanagedDependency[] | undefined {
  if (rows === null || rows.length === 0) return undefined;
  const byRelation = new Map<string, UnmanagedDependency>();
  for (const row of rows) {
    const key = tableKey(row.schema, row.name);
    const entry = byRelation.get(key) ?? { table: { schema: row.schema, name: row.name }, columns: [] };
    byRelation.set(key, entry);
    if (row.column !== null && !entry.columns.includes(row.column)) entry.columns.push(row.column);
  }
  return [...byRelation.values()]
    .map((d) => ({ table: d.table, columns: [...d.columns].sort(compareStrings) }))
    .sort((a, b) => byQualifiedName(a.table, b.table));
}

function withDependencies(object: UnmanagedObject, rows: DependencyRow[] | null): UnmanagedObject {
  const dependsOn = toDependencies(rows);
  return dependsOn ? { ...object, dependsOn } : object;
}

/** A view, materialized view or other relation that is not a modelled table. */
export function toUnmanagedRelation(row: RelationRow, kind: UnmanagedKind): UnmanagedObject {
  return withDependencies({ kind, schema: row.schema, name: row.name }, row.depends_on);
}

export function toUnmanaged(row: UnmanagedRow): UnmanagedObject {
  const object: UnmanagedObject = { kind: row.kind, schema: row.schema, name: row.name };
  if (row.table !== null) object.table = row.table;
  return withDependencies(object, row.depends_on);
}

export function compareUnmanaged(a: UnmanagedObject, b: UnmanagedObject): number {
  return (
    compareStrings(a.schema, b.schema) ||
    compareStrings(a.name, b.name) ||
    compareStrings(a.kind, b.kind) ||
    compareStrings(a.table ?? '', b.table ?? '')
  );
}
