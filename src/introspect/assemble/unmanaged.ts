/** What ormdiff sees but does not model: which relations are tables, and the report of the rest. */
import type { UnmanagedKind, UnmanagedObject } from '../../schema/model';
import type { RelationRow, UnmanagedRow } from '../rows';
import { compareStrings } from './common';

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

export function toUnmanaged(row: UnmanagedRow): UnmanagedObject {
  const object: UnmanagedObject = { kind: row.kind, schema: row.schema, name: row.name };
  if (row.table !== null) object.table = row.table;
  return object;
}

export function compareUnmanaged(a: UnmanagedObject, b: UnmanagedObject): number {
  return (
    compareStrings(a.schema, b.schema) ||
    compareStrings(a.name, b.name) ||
    compareStrings(a.kind, b.kind) ||
    compareStrings(a.table ?? '', b.table ?? '')
  );
}
