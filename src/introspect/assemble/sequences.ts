/** Sequences: the options every sequence has, who owns them, and which ones the model lists. */
import type { QualifiedName, Sequence, SequenceOptions } from '../../schema/model';
import type { SequenceRow } from '../rows';
import { byQualifiedName, columnKey, tableKey } from './common';

export function sequenceOptions(row: SequenceRow): SequenceOptions {
  return {
    dataType: row.data_type,
    start: row.start,
    increment: row.increment,
    min: row.min,
    max: row.max,
    cache: row.cache,
    cycle: row.cycle,
  };
}

/** Sequences owned by columns, looked up by (schema, table, column). */
export interface OwnedSequences {
  /** Identity sequence of a column (Postgres allows exactly one). */
  identity(schema: string, table: string, column: string): SequenceRow | undefined;
  /** Sequences OWNED BY a column (usually one: a serial's). */
  ownedBy(schema: string, table: string, column: string): SequenceRow[];
}

export function indexOwnedSequences(rows: SequenceRow[]): OwnedSequences {
  const identity = new Map<string, SequenceRow>();
  const owned = new Map<string, SequenceRow[]>();
  for (const row of rows) {
    if (row.owner_schema === null || row.owner_table === null || row.owner_column === null) continue;
    const key = columnKey(row.owner_schema, row.owner_table, row.owner_column);
    if (row.owner_dependency === 'i') identity.set(key, row);
    else if (row.owner_dependency === 'a') owned.set(key, [...(owned.get(key) ?? []), row]);
  }
  return {
    identity: (s, t, c) => identity.get(columnKey(s, t, c)),
    ownedBy: (s, t, c) => owned.get(columnKey(s, t, c)) ?? [],
  };
}

/**
 * The free-standing sequences: those in scope that are neither an identity column's nor the
 * sequence of a serial column (`usedBySerial`, keyed by tableKey(schema, name)), and not owned by a
 * relation the model does not hold (`notModelled`: ormdiff's bookkeeping, a partitioned table, a view).
 */
export function toSequences(
  rows: SequenceRow[],
  schemas: string[],
  usedBySerial: ReadonlySet<string>,
  notModelled: (table: QualifiedName) => boolean,
): Sequence[] {
  const inScope = new Set(schemas);
  return rows
    .filter((r) => inScope.has(r.schema) && r.owner_dependency !== 'i' && !usedBySerial.has(tableKey(r.schema, r.name)))
    .filter((r) => r.owner_table === null || !notModelled({ schema: r.owner_schema!, name: r.owner_table }))
    .map((r): Sequence => {
      const sequence: Sequence = { schema: r.schema, name: r.name, ...sequenceOptions(r) };
      if (r.owner_schema !== null && r.owner_table !== null && r.owner_column !== null) {
        sequence.ownedBy = { table: { schema: r.owner_schema, name: r.owner_table }, column: r.owner_column };
      }
      if (r.comment !== null) sequence.comment = r.comment;
      return sequence;
    })
    .sort(byQualifiedName);
}
