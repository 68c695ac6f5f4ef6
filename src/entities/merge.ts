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
 * Two real entities (not join tables) that define one column or the primary key differently are an
 * error naming both: the user declared two things at once. With a join table:
 * - same primary key columns: TypeORM's end state. A column the join table defines otherwise ends on
 *   the join table's (the later) definition; where that differs in type or generation expression,
 *   changeColumn drops and re-adds the column (its data too, on every run), so it moves to the end of
 *   the columns and of the primary key, as addColumn appends it.
 * - different primary key columns: TypeORM's synchronize() fails outright (it drops and re-adds keys
 *   until a constraint it expects is gone), so there is no end state to mirror. The entity's
 *   declaration is what the user's migrations build: its columns and primary key stand, and the join
 *   tables add only what it lacks (columns, foreign keys, indexes).
 */
import { ConfigError } from '../config/errors';
import { byName, qualifiedText } from '../schema/model';
import type { Column, PrimaryKey, Table } from '../schema/model';

export interface TableMapping {
  table: Table;
  /** For messages: `entity User`, `the join table of User.roles`. */
  owner: string;
  /** A junction (join table) metadata, which TypeORM derives; not something the user declared. */
  derived: boolean;
}

const keyColumns = (t: Table): string[] => t.primaryKey?.columns ?? [];
const sameKeyColumns = (a: Table, b: Table): boolean =>
  keyColumns(a).length === keyColumns(b).length && keyColumns(a).every((c) => keyColumns(b).includes(c));

/** The mappings of one (schema, table), in TypeORM's synchronization order. */
export function mergeTables(mappings: TableMapping[]): Table {
  if (mappings.length === 1) return mappings[0].table;
  for (let i = 0; i < mappings.length; i++) {
    for (let j = i + 1; j < mappings.length; j++) {
      if (!mappings[i].derived && !mappings[j].derived) checkSameDefinitions(mappings[i], mappings[j]);
    }
  }
  const agree = mappings.every((m) => sameKeyColumns(m.table, mappings[0].table));
  const base = agree ? mappings[0] : (mappings.find((m) => !m.derived) ?? mappings[0]);
  const ordered = [base, ...mappings.filter((m) => m !== base)];

  const columns = [...base.table.columns];
  const key = [...keyColumns(base.table)];
  for (const { table } of ordered.slice(1)) {
    for (const column of table.columns) {
      const at = columns.findIndex((c) => c.name === column.name);
      if (at < 0) columns.push(column);
      else if (!agree) continue;
      else if (columnDifference(columns[at], column, DESTRUCTIVE)) {
        columns.splice(at, 1);
        columns.push(column);
        if (key.includes(column.name)) key.push(...key.splice(key.indexOf(column.name), 1));
      } else columns[at] = column;
    }
  }
  const all = ordered.map((m) => m.table);
  const merged: Table = {
    ...base.table,
    columns,
    foreignKeys: unionByName(all.map((t) => t.foreignKeys)),
    uniques: unionByName(all.map((t) => t.uniques)),
    checks: unionByName(all.map((t) => t.checks)),
    exclusions: unionByName(all.map((t) => t.exclusions)),
    indexes: unionByName(all.map((t) => t.indexes)),
  };
  delete merged.primaryKey;
  delete merged.comment;
  if (base.table.primaryKey) merged.primaryKey = { name: base.table.primaryKey.name, columns: key } satisfies PrimaryKey;
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

function checkSameDefinitions(a: TableMapping, b: TableMapping): void {
  if (!sameKeyColumns(a.table, b.table)) {
    const list = (t: Table) => keyColumns(t).join(', ') || 'none';
    throw new ConfigError(`${both(a, b)} with different primary keys (${list(a.table)} vs ${list(b.table)})`);
  }
  checkSameColumns(a, b, ALL);
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
