/**
 * One table mapped by several metadatas (an entity that is also some relation's @JoinTable, @JoinTable
 * on both sides of a many-to-many, two entities on one table), merged into the table TypeORM's
 * RdbmsSchemaBuilder ends up with. It looks tables up by path, so for one table:
 * - createNewTables creates it from the FIRST metadata (in entityMetadatas order: entities, then join
 *   tables) with that one's columns, primary key (name and column order), uniques, checks, exclusions
 *   and indexes, and skips the others;
 * - addNewColumns appends the columns later metadatas add; updateExistColumns then alters a column
 *   two metadatas define differently to the LAST one's definition (so every run alters it back and
 *   forth, ending on the last);
 * - createNewIndices / createNewChecks / createCompositeUniqueConstraints / createNewExclusions /
 *   createForeignKeys add, by name, what later metadatas have and the table lacks: one name, the first
 *   definition.
 * Where TypeORM churns on every run without changing the end state (dropRemovedColumns drops the
 * columns a later metadata lacks and addNewColumns re-adds them; dropOldIndices / dropOldChecks /
 * dropOldForeignKeys drop what one metadata lacks or defines otherwise, and the create steps put the
 * first definition back), the model is that end state: the union by name, first definition first. The
 * table comment is the first one given (a join table has none, and would clear it on the next run).
 *
 * Two real entities (not join tables) that define one column differently, or any two mappings with
 * different primary key columns, are an error: TypeORM would rewrite the column or drop primary key
 * columns, with their data, on every run.
 */
import { ConfigError } from '../config/errors';
import { byName, qualifiedText } from '../schema/model';
import type { Column, Table } from '../schema/model';

export interface TableMapping {
  table: Table;
  /** For messages: `entity User`, `the join table of User.roles`. */
  owner: string;
  /** A junction (join table) metadata, which TypeORM derives; not something the user declared. */
  derived: boolean;
}

/** The mappings of one (schema, table), in TypeORM's synchronization order. */
export function mergeTables(mappings: TableMapping[]): Table {
  const [first, ...rest] = mappings;
  if (rest.length === 0) return first.table;
  for (const later of rest) checkCompatible(first, later);
  for (let i = 0; i < mappings.length; i++) {
    for (let j = i + 1; j < mappings.length; j++) {
      if (!mappings[i].derived && !mappings[j].derived) checkSameColumns(mappings[i], mappings[j]);
    }
  }

  const columns = [...first.table.columns];
  for (const { table } of rest) {
    for (const column of table.columns) {
      const at = columns.findIndex((c) => c.name === column.name);
      if (at < 0) columns.push(column);
      else columns[at] = column;
    }
  }
  const all = mappings.map((m) => m.table);
  const merged: Table = {
    ...first.table,
    columns,
    foreignKeys: unionByName(all.map((t) => t.foreignKeys)),
    uniques: unionByName(all.map((t) => t.uniques)),
    checks: unionByName(all.map((t) => t.checks)),
    exclusions: unionByName(all.map((t) => t.exclusions)),
    indexes: unionByName(all.map((t) => t.indexes)),
  };
  const comment = all.find((t) => t.comment !== undefined)?.comment;
  if (comment !== undefined) merged.comment = comment;
  return merged;
}

function unionByName<T extends { name: string }>(lists: T[][]): T[] {
  const found = new Map<string, T>();
  for (const item of lists.flat()) if (!found.has(item.name)) found.set(item.name, item);
  return [...found.values()].sort(byName);
}

const both = (a: TableMapping, b: TableMapping): string => `${a.owner} and ${b.owner} both map table ${qualifiedText(a.table)}`;

function checkCompatible(first: TableMapping, later: TableMapping): void {
  const a = first.table.primaryKey?.columns ?? [];
  const b = later.table.primaryKey?.columns ?? [];
  if (a.length !== b.length || a.some((c) => !b.includes(c))) {
    throw new ConfigError(`${both(first, later)} with different primary keys (${a.join(', ') || 'none'} vs ${b.join(', ') || 'none'})`);
  }
}

/** What differs between two definitions of one column, for the message; undefined when nothing does. */
function columnDifference(a: Column, b: Column): string | undefined {
  const describe = (c: Column) => ({
    type: c.dataType + '[]'.repeat(c.arrayDims),
    nullability: c.nullable ? 'NULL' : 'NOT NULL',
    default: JSON.stringify(c.valueSource),
    collation: c.collation ?? 'default',
    comment: JSON.stringify(c.comment ?? null),
  });
  const da = describe(a);
  const db = describe(b);
  const key = (Object.keys(da) as (keyof typeof da)[]).find((k) => da[k] !== db[k]);
  return key && `${key} ${da[key]} vs ${db[key]}`;
}

function checkSameColumns(a: TableMapping, b: TableMapping): void {
  for (const column of a.table.columns) {
    const other = b.table.columns.find((c) => c.name === column.name);
    const difference = other && columnDifference(column, other);
    if (difference) {
      throw new ConfigError(`${both(a, b)} with different definitions of column ${JSON.stringify(column.name)} (${difference})`);
    }
  }
}
