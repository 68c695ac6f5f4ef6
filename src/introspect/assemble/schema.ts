/** Puts one read of the catalog together into the model. Pure: rows in, Schema out. */
import type { Column, QualifiedName, Schema, Table, UnmanagedObject } from '../../schema/model';
import type { CatalogRows, ColumnRow, ConstraintRow, IndexRow } from '../rows';
import { byName, byQualifiedName, compareStrings, tableKey } from './common';
import { valueSource, toColumn } from './columns';
import { toTableConstraints } from './constraints';
import { toIndex } from './indexes';
import { indexOwnedSequences, toSequences } from './sequences';
import { toDomain, toEnum } from './types';
import { compareUnmanaged, relationKind, toUnmanaged, toUnmanagedRelation } from './unmanaged';

/** ormdiff's own bookkeeping and TypeORM's: present in managed databases, never part of the user's schema. */
export const IGNORED_TABLES: readonly string[] = [
  'ormdiff_version',
  'ormdiff_history',
  'migrations',
  'typeorm_metadata',
];

/** `also`: bookkeeping tables a project renames (TypeORM's `metadataTableName`), ignored by name as the rest. */
export const ignoredTables =
  (also: readonly string[] = []) =>
  (table: QualifiedName): boolean =>
    IGNORED_TABLES.includes(table.name) || also.includes(table.name);

export const isIgnoredTable = ignoredTables();

function groupByTable<R extends { schema: string; table: string }>(rows: R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const key = tableKey(row.schema, row.table);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** `schemas` is the scope asked for; the model lists those that exist. */
export function assembleSchema(rows: CatalogRows, schemas: string[], alsoIgnored: readonly string[] = []): Schema {
  const isIgnoredTable = ignoredTables(alsoIgnored);
  const owned = indexOwnedSequences(rows.sequences);
  const columnsByTable = groupByTable<ColumnRow>(rows.columns);
  const constraintsByTable = groupByTable<ConstraintRow>(rows.constraints);
  const indexesByTable = groupByTable<IndexRow>(rows.indexes);
  const serialSequences = new Set<string>();

  const tables: Table[] = [];
  const modelled = new Set(
    rows.relations.filter((r) => relationKind(r) === 'table' && !isIgnoredTable(r)).map((r) => tableKey(r.schema, r.name)),
  );
  const unmanaged: UnmanagedObject[] = [];
  for (const relation of rows.relations) {
    const kind = relationKind(relation);
    if (kind !== 'table') {
      unmanaged.push(toUnmanagedRelation(relation, kind));
      continue;
    }
    if (isIgnoredTable(relation)) continue;
    const key = tableKey(relation.schema, relation.name);
    const columns: Column[] = [...(columnsByTable.get(key) ?? [])]
      .sort((a, b) => a.position - b.position)
      .map((row) => {
        const { source, serial } = valueSource(row, owned);
        if (serial) serialSequences.add(tableKey(serial.schema, serial.name));
        return toColumn(row, source);
      });
    const table: Table = {
      schema: relation.schema,
      name: relation.name,
      columns,
      ...toTableConstraints(constraintsByTable.get(key) ?? []),
      indexes: (indexesByTable.get(key) ?? []).map(toIndex).sort(byName),
    };
    if (relation.comment !== null) table.comment = relation.comment;
    tables.push(table);
  }

  for (const row of rows.unmanaged) {
    // Triggers, rules and policies of ignored tables go with them.
    if (row.table !== null && isIgnoredTable({ schema: row.schema, name: row.table })) continue;
    unmanaged.push(toUnmanaged(row));
  }

  return {
    schemas: rows.schemas.map((s) => s.name).filter((s) => schemas.includes(s)).sort(compareStrings),
    extensions: rows.extensions.map((e) => ({ name: e.name, schema: e.schema })).sort(byName),
    enums: rows.enums.map(toEnum).sort(byQualifiedName),
    domains: rows.domains.map(toDomain).sort(byQualifiedName),
    // A sequence owned by a relation the model does not hold (a partitioned table's serial) is that relation's.
    sequences: toSequences(rows.sequences, schemas, serialSequences, (t) => !modelled.has(tableKey(t.schema, t.name))),
    tables: tables.sort(byQualifiedName),
    unmanaged: unmanaged.sort(compareUnmanaged),
  };
}
