/**
 * Puts the entity model's expressions (defaults, generated columns, CHECK bodies, exclusion and index
 * definitions) and column types into the exact text Postgres stores, by letting Postgres do it. TypeScript
 * rules could never match Postgres' deparser on every expression; this matches it by construction.
 *
 * Each distinct item (items.ts) is spelled once: the items no earlier run has cached are declared on a
 * few scratch tables in a throw-away schema, all in one multi-statement query inside a transaction that
 * is rolled back, and read back with the introspector's own catalog queries. So the round trips are the
 * same for ten tables and ten thousand, and a table already in step with the database costs none.
 */
import type { Change } from '../diff/changes';
import { introspect, type Queryable } from '../introspect';
import { renderChange } from '../ddl/sql';
import type { Column, EnumType, Schema, Table } from '../schema/model';
import { qualifiedKey, qualifiedText } from '../schema/model';
import { quoteIdent } from '../sql/quote';
import { UsageError } from '../errors';
import { messageOf, serverVersionOf } from '../db/connect';
import { memoryCache, type PrintedCache } from './cache';
import { applyPrinted, collectItems, type Item, type Printed, type TableItems } from './items';
import { needsNormalizing, withStoredExpressions } from './needs';

const WORK_SCHEMA = 'ormdiff_normalize';
/** Columns per scratch table for plain column items (Postgres allows 1,600). */
const COLUMNS_PER_TABLE = 1000;

/** Types, schemas and extensions the scratch tables need that the database does not have yet. */
function prerequisites(desired: Schema, actual: Schema): Change[] {
  const haveEnums = new Set(actual.enums.map(qualifiedKey));
  const haveExtensions = new Set(actual.extensions.map((e) => e.name));
  const missingEnums: EnumType[] = desired.enums.filter((e) => !haveEnums.has(qualifiedKey(e)));
  const schemas = [...new Set(missingEnums.map((e) => e.schema))];
  return [
    ...desired.extensions.filter((e) => !haveExtensions.has(e.name)).map((extension): Change => ({ kind: 'createExtension', extension })),
    ...schemas.map((schema): Change => ({ kind: 'createSchema', schema })),
    ...missingEnums.map((e): Change => ({ kind: 'createEnum', enum: e })),
  ];
}

const emptyTable = (name: string): Table => ({
  schema: WORK_SCHEMA,
  name,
  columns: [],
  foreignKeys: [],
  uniques: [],
  checks: [],
  exclusions: [],
  indexes: [],
});

/** Where an item was declared among the scratch tables, to find what Postgres printed for it. */
type Placement =
  | { kind: 'column'; table: string; column: string }
  | { kind: 'check' | 'exclusion' | 'index'; table: string; name: string };

interface ScratchLayout {
  tables: Table[];
  placements: Map<string, Placement>;
}

/** A column name none of `taken` uses. */
function freshName(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  for (let n = 1; taken.has(name); n++) name = `${base}_${n}`;
  return name;
}

/**
 * Plain column items side by side on `c<n>` tables; items that reference columns on one `g<n>` table per
 * distinct set of referenced columns, so a CHECK shared by a thousand entities is one constraint.
 */
function layout(items: [string, Item][]): ScratchLayout {
  const tables: Table[] = [];
  const placements = new Map<string, Placement>();
  const columnItems = items.filter(([, item]) => item.kind === 'column');
  for (let start = 0; start < columnItems.length; start += COLUMNS_PER_TABLE) {
    const table = emptyTable(`c${tables.length}`);
    columnItems.slice(start, start + COLUMNS_PER_TABLE).forEach(([key, item], i) => {
      if (item.kind !== 'column') return;
      const name = `c${i}`;
      table.columns.push({
        name,
        ...item.column,
        nullable: true,
        valueSource: item.expression !== undefined ? { kind: 'default', expression: item.expression } : { kind: 'none' },
      });
      placements.set(key, { kind: 'column', table: table.name, column: name });
    });
    tables.push(table);
  }
  const groups = new Map<string, Table>();
  for (const [key, item] of items) {
    if (item.kind === 'column') continue;
    const signature = JSON.stringify(item.context);
    let table = groups.get(signature);
    if (!table) {
      table = { ...emptyTable(`g${groups.size}`), columns: item.context.map((c): Column => ({ ...c })) };
      groups.set(signature, table);
      tables.push(table);
    }
    const n = placements.size;
    switch (item.kind) {
      case 'generated': {
        const name = freshName(`ormdiff_generated_${n}`, new Set(table.columns.map((c) => c.name)));
        table.columns.push({ name, ...item.column, nullable: true, valueSource: { kind: 'generated', expression: item.expression } });
        placements.set(key, { kind: 'column', table: table.name, column: name });
        break;
      }
      case 'check': {
        const name = `${table.name}_k${n}`;
        table.checks.push({ name, expression: item.expression, ...(item.noInherit ? { noInherit: true } : {}) });
        placements.set(key, { kind: 'check', table: table.name, name });
        break;
      }
      case 'exclusion': {
        const name = `${table.name}_x${n}`;
        table.exclusions.push({ name, definition: item.definition });
        placements.set(key, { kind: 'exclusion', table: table.name, name });
        break;
      }
      case 'index': {
        const name = `${table.name}_i${n}`;
        table.indexes.push({ name, ...item.index });
        placements.set(key, { kind: 'index', table: table.name, name });
        break;
      }
    }
  }
  return { tables, placements };
}

function printedOf(placement: Placement, tables: ReadonlyMap<string, Table>): Printed {
  const table = tables.get(placement.table)!;
  switch (placement.kind) {
    case 'column': {
      const column = table.columns.find((c) => c.name === placement.column)!;
      return { kind: 'column', dataType: column.dataType, arrayDims: column.arrayDims, valueSource: column.valueSource };
    }
    case 'check':
      return { kind: 'check', expression: table.checks.find((c) => c.name === placement.name)!.expression };
    case 'exclusion':
      return { kind: 'exclusion', definition: table.exclusions.find((x) => x.name === placement.name)!.definition };
    case 'index': {
      const index = table.indexes.find((i) => i.name === placement.name)!;
      return { kind: 'index', elements: index.elements, where: index.where };
    }
  }
}

/** Statements that create the prerequisites, tolerant of objects outside the scope that was read. */
function prerequisiteSql(desired: Schema, actual: Schema): string[] {
  // Schemas and extensions may exist outside the scope that was read; IF NOT EXISTS keeps this idempotent
  // (extensions are rendered with it already).
  return prerequisites(desired, actual)
    .flatMap((change) => renderChange(change))
    .map((sql) => sql.replace(/^CREATE SCHEMA /, 'CREATE SCHEMA IF NOT EXISTS '));
}

const renderTables = (tables: Table[]): string[] => tables.flatMap((table) => renderChange({ kind: 'createTable', table }));

const scratchSql = (tables: Table[]): string[] => [`CREATE SCHEMA ${quoteIdent(WORK_SCHEMA)}`, ...renderTables(tables)];

/** One round trip for many statements (the simple query protocol takes a semicolon-separated list). */
const batch = (statements: string[]): string => statements.join(';\n');

/**
 * After the batch failed: which item Postgres rejects, tried one at a time under savepoints, for an
 * error that names an entity table.
 */
async function findRejected(db: Queryable, prelude: string[], missing: [string, Item][], owners: ReadonlyMap<string, Table>): Promise<UsageError | undefined> {
  await db.query('BEGIN');
  try {
    await db.query(batch([...prelude, `CREATE SCHEMA ${quoteIdent(WORK_SCHEMA)}`]));
    for (const entry of missing) {
      await db.query('SAVEPOINT item');
      try {
        await db.query(batch(renderTables(layout([entry]).tables)));
      } catch (error) {
        const table = owners.get(entry[0])!;
        return new UsageError(`entity table ${qualifiedText(table)}: Postgres rejects its definition: ${messageOf(error)}`, { cause: error });
      }
      await db.query('ROLLBACK TO SAVEPOINT item');
    }
    return undefined;
  } finally {
    await db.query('ROLLBACK');
  }
}

/** Has Postgres spell every item in `missing`, in a fixed number of round trips. */
async function spell(db: Queryable, desired: Schema, actual: Schema, missing: [string, Item][], owners: ReadonlyMap<string, Table>): Promise<Map<string, Printed>> {
  const { tables, placements } = layout(missing);
  const prelude = prerequisiteSql(desired, actual);
  await db.query('BEGIN');
  let printed: Schema;
  try {
    // Expressions are evaluated with the session's own search_path, as TypeORM's CREATE TABLE would be
    // (`uuid_generate_v4()` resolves through public); the introspector prints them with an empty one.
    try {
      await db.query(batch([...prelude, ...scratchSql(tables)]));
    } catch (error) {
      await db.query('ROLLBACK');
      const rejected = await findRejected(db, prelude, missing, owners);
      throw rejected ?? new UsageError(`entity tables: Postgres rejects their definitions: ${messageOf(error)}`, { cause: error });
    }
    printed = (await introspect(db, { schemas: [WORK_SCHEMA], inTransaction: true })).schema;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await db.query('ROLLBACK');
  const printedTables = new Map(printed.tables.map((t) => [t.name, t]));
  return new Map([...placements].map(([key, placement]) => [key, printedOf(placement, printedTables)]));
}

/**
 * What, besides the item, decides what Postgres prints: the server's version, and where the functions an
 * expression calls live, which for the usual defaults (`uuid_generate_v4()`, `gen_random_bytes(16)`) is
 * the schema of the extension that provides them. Not the database's name: `check` replays into a fresh
 * scratch database every run, and its expressions print as the project's database's do.
 */
async function cachePrefix(db: Queryable, actual: Schema): Promise<string> {
  let version = serverVersionOf(db);
  if (version === undefined) {
    const { rows } = await db.query("SELECT pg_catalog.current_setting('server_version') AS version");
    version = rows[0].version as string;
  }
  const extensions = actual.extensions.map((e) => `${e.name}@${e.schema}`).sort();
  return `${JSON.stringify([version, extensions])}\0`;
}

export interface NormalizeResult {
  schema: Schema;
  /** How many tables had expressions or types that only Postgres could spell. */
  normalizedTables: number;
  /** Distinct items Postgres had to spell in this run (0 when the cache or the database knew them all). */
  spelledItems: number;
}

export async function normalizeDesired(db: Queryable, desired: Schema, actual: Schema, cache: PrintedCache = memoryCache()): Promise<NormalizeResult> {
  const actualTables = new Map(actual.tables.map((t) => [qualifiedKey(t), t]));
  const pending = desired.tables.filter((table) => needsNormalizing(table, actualTables.get(qualifiedKey(table))));
  // Tables left out keep the database's spelling of the expressions needsNormalizing matched loosely.
  const pendingKeys = new Set(pending.map(qualifiedKey));
  const inStep = (t: Table): Table => {
    const current = actualTables.get(qualifiedKey(t));
    return current && !pendingKeys.has(qualifiedKey(t)) ? withStoredExpressions(t, current) : t;
  };
  if (pending.length === 0) return { schema: { ...desired, tables: desired.tables.map(inStep) }, normalizedTables: 0, spelledItems: 0 };

  const items = new Map<string, Item>();
  const owners = new Map<string, Table>();
  const tableItems = new Map<string, TableItems>();
  for (const table of pending) {
    const found = collectItems(table, items);
    tableItems.set(qualifiedKey(table), found);
    for (const key of [...found.columns.map((c) => c.key), ...found.checks, ...found.exclusions, ...found.indexes]) {
      if (!owners.has(key)) owners.set(key, table);
    }
  }
  const prefix = await cachePrefix(db, actual);
  const printed = new Map<string, Printed>();
  const missing: [string, Item][] = [];
  for (const [key, item] of items) {
    const known = cache.get(prefix + key);
    if (known) printed.set(key, known);
    else missing.push([key, item]);
  }
  if (missing.length > 0) {
    for (const [key, value] of await spell(db, desired, actual, missing, owners)) {
      printed.set(key, value);
      cache.set(prefix + key, value);
    }
    cache.save();
  }
  // Postgres' spelling can still differ from the database's for one value (`now()` and a stored
  // `CURRENT_TIMESTAMP`): the database's is kept wherever storedExpression vouches for it.
  const normalized = new Map(
    pending.map((table) => {
      const back = applyPrinted(table, tableItems.get(qualifiedKey(table))!, printed);
      const current = actualTables.get(qualifiedKey(table));
      return [qualifiedKey(table), current ? withStoredExpressions(back, current) : back];
    }),
  );
  return {
    schema: { ...desired, tables: desired.tables.map((t) => normalized.get(qualifiedKey(t)) ?? inStep(t)) },
    normalizedTables: pending.length,
    spelledItems: missing.length,
  };
}
