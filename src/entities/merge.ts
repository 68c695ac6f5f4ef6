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
 * Errors, where TypeORM would lose data on every run or the user declared two things at once: two real
 * entities (not join tables) that define one column differently; any two mappings with different
 * primary key columns (TypeORM drops the columns one of them lacks, keys included), or with different
 * types or generation expressions for one column (TypeORM drops and re-adds the column). An entity and
 * a join table that differ otherwise on a column (nullability, default, comment) get the join table's
 * (the last) definition, as updateExistColumns leaves it.
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
      const [a, b] = [mappings[i], mappings[j]];
      checkSameColumns(a, b, a.derived || b.derived ? DESTRUCTIVE : ALL);
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

type Attribute = 'type' | 'generated' | 'nullability' | 'default' | 'collation' | 'comment';
const ALL: Attribute[] = ['type', 'generated', 'nullability', 'default', 'collation', 'comment'];
/** What TypeORM's changeColumn changes by dropping and re-adding the column. */
const DESTRUCTIVE: Attribute[] = ['type', 'generated'];

function describeColumn(c: Column): Record<Attribute, string> {
  const source = c.valueSource;
  return {
    type: c.dataType + '[]'.repeat(c.arrayDims),
    generated: source.kind === 'generated' ? `GENERATED ALWAYS AS (${source.expression}) STORED` : 'not generated',
    nullability: c.nullable ? 'NULL' : 'NOT NULL',
    default: JSON.stringify(source),
    collation: c.collation ?? 'default',
    comment: JSON.stringify(c.comment ?? null),
  };
}

/** What differs between two definitions of one column, for the message; undefined when nothing does. */
function columnDifference(a: Column, b: Column, attributes: Attribute[]): string | undefined {
  const da = describeColumn(a);
  const db = describeColumn(b);
  const key = attributes.find((k) => da[k] !== db[k]);
  return key && `${key} ${da[key]} vs ${db[key]}`;
}

function checkSameColumns(a: TableMapping, b: TableMapping, attributes: Attribute[]): void {
  for (const column of a.table.columns) {
    const other = b.table.columns.find((c) => c.name === column.name);
    const difference = other && columnDifference(column, other, attributes);
    if (difference) {
      throw new ConfigError(`${both(a, b)} with different definitions of column ${JSON.stringify(column.name)} (${difference})`);
    }
  }
}
