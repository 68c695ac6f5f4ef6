/**
 * Which rows of TypeORM's metadata table each change moves (pure). TypeORM keeps a generated column's
 * expression there, as the entity spells it, and compares the entity with that row rather than with
 * the catalog; a plan that adds, drops, changes or renames a generated column (or a table holding
 * one) moves the row along, as TypeORM's query runner does, so TypeORM's own generator sees nothing
 * to do afterwards.
 *
 * A row is written only with a value known to be TypeORM's (the entity's `asExpression`, or what the
 * table held before the plan): the way down puts back exactly what the way up took away.
 */
import type { Change } from '../diff/changes';
import { columnKey } from '../diff/keys';
import { qualifiedKey } from '../schema/model';
import {
  createMetadataTable,
  deleteGeneratedColumn,
  type GeneratedColumnRow,
  insertGeneratedColumn,
  renameGeneratedColumn,
  renameGeneratedColumnsTable,
} from '../ddl/typeorm-metadata';
import type { Column, QualifiedName } from '../schema/model';

export interface TypeormMetadata {
  /** The metadata table: the DataSource's `schema` (else public) and `metadataTableName`. */
  table: QualifiedName;
  /** Whether the table is there before the plan. */
  exists: boolean;
  /** Generated columns' expressions (keyed by columnKey) as the metadata table holds them before the plan. */
  actual: ReadonlyMap<string, string>;
  /** …and as the entities declare them (`asExpression`, unnormalized: that is what TypeORM compares). */
  desired: ReadonlyMap<string, string>;
}

/** The rows before (`from`) and after (`to`) the changes of one direction. */
interface Sides {
  from: ReadonlyMap<string, string>;
  to: ReadonlyMap<string, string>;
}

const sidesOf = (m: TypeormMetadata, direction: 'up' | 'down'): Sides =>
  direction === 'up' ? { from: m.actual, to: m.desired } : { from: m.desired, to: m.actual };

/**
 * The other name of each table renamed in the plan: a change after the rename names the table as it
 * is then, while the rows before the plan are keyed by the old name (and those after it by the new).
 */
function tableAliases(changes: readonly Change[]): Map<string, QualifiedName[]> {
  const aliases = new Map<string, QualifiedName[]>();
  const add = (a: QualifiedName, b: QualifiedName) => aliases.set(qualifiedKey(a), [...(aliases.get(qualifiedKey(a)) ?? []), b]);
  for (const c of changes) {
    if (c.kind !== 'renameTable') continue;
    const from = { schema: c.schema, name: c.from };
    const to = { schema: c.schema, name: c.to };
    add(from, to);
    add(to, from);
  }
  return aliases;
}

const isGenerated = (c: Column): boolean => c.valueSource.kind === 'generated';

export interface MetadataStatement {
  sql: string;
  note?: string;
}

const CREATE_NOTE = "TypeORM compares generated columns with their rows in this table, not with the catalog: they follow the columns";

/** The metadata statements of each change, in the order of `changes`, to run after the change's own. */
export function metadataStatements(
  changes: readonly Change[],
  metadata: TypeormMetadata,
  direction: 'up' | 'down',
): MetadataStatement[][] {
  const sides = sidesOf(metadata, direction);
  const aliases = tableAliases(changes);
  const namesOf = (t: QualifiedName): QualifiedName[] => [t, ...(aliases.get(qualifiedKey(t)) ?? [])];
  const lookup = (side: ReadonlyMap<string, string>, row: GeneratedColumnRow): string | undefined =>
    namesOf(row.table)
      .map((t) => side.get(columnKey(t, row.column)))
      .find((v) => v !== undefined);
  const tablesWithRows = new Set(
    [...sides.from.keys(), ...sides.to.keys()].map((key) => {
      const [schema, name] = JSON.parse(key) as string[];
      return qualifiedKey({ schema, name });
    }),
  );
  const holdsTable = (t: QualifiedName): boolean => namesOf(t).some((n) => tablesWithRows.has(qualifiedKey(n)));
  const known = (row: GeneratedColumnRow): boolean => lookup(sides.from, row) !== undefined || lookup(sides.to, row) !== undefined;

  // Where the table exists a dropped column's row goes whether or not it was read (a row the names of a
  // rename hide, one written since), as TypeORM's own DELETE does; where it does not, there is none.
  const remove = (row: GeneratedColumnRow): string[] =>
    metadata.exists || lookup(sides.from, row) !== undefined ? [deleteGeneratedColumn(metadata.table, row)] : [];
  const replace = (row: GeneratedColumnRow): string[] =>
    lookup(sides.from, row) !== undefined ? [deleteGeneratedColumn(metadata.table, row)] : [];
  /** A row left over from before (a column dropped by hand) would be read instead of the new one: it goes first. */
  const put = (row: GeneratedColumnRow): string[] => {
    const value = lookup(sides.to, row);
    return value === undefined ? [] : [...replace(row), insertGeneratedColumn(metadata.table, row, value)];
  };

  const rowsOf = (change: Change): string[] => {
    switch (change.kind) {
      case 'createTable':
        return change.table.columns.filter(isGenerated).flatMap((c) => put({ table: change.table, column: c.name }));
      case 'dropTable':
        return change.table.columns.filter(isGenerated).flatMap((c) => remove({ table: change.table, column: c.name }));
      case 'addColumn':
        return isGenerated(change.column) ? put({ table: change.table, column: change.column.name }) : [];
      case 'dropColumn':
        return isGenerated(change.column) ? remove({ table: change.table, column: change.column.name }) : [];
      case 'alterColumnValueSource':
        return [
          ...(isGenerated(change.from) ? remove({ table: change.table, column: change.from.name }) : []),
          ...(isGenerated(change.to) ? put({ table: change.table, column: change.to.name }) : []),
        ];
      case 'renameColumn': {
        const row = { table: change.table, column: change.from };
        return known(row) || known({ table: change.table, column: change.to })
          ? [renameGeneratedColumn(metadata.table, row, change.to)]
          : [];
      }
      case 'renameTable': {
        const from = { schema: change.schema, name: change.from };
        return holdsTable(from) ? [renameGeneratedColumnsTable(metadata.table, from, change.to)] : [];
      }
      default:
        return [];
    }
  };

  // TypeORM creates the table on synchronize and on connect, not in the migrations it writes; a
  // migration that uses it creates it if need be, exactly as TypeORM would.
  const rows = changes.map((c) => rowsOf(c).map((sql): MetadataStatement => ({ sql })));
  const first = rows.findIndex((r) => r.length > 0);
  if (first < 0) return rows;
  rows[first] = [{ sql: createMetadataTable(metadata.table), note: CREATE_NOTE }, ...rows[first]];
  return rows;
}
