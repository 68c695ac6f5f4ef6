/**
 * Puts the entity model's expressions (defaults, generated columns, CHECK bodies, exclusion and index
 * definitions) and column types into the exact text Postgres stores, by letting Postgres do it. TypeScript
 * rules could never match Postgres' deparser on every expression; this matches it by construction.
 *
 * Each distinct item (items.ts) is spelled once: the items no earlier run has cached are declared on a
 * few scratch tables in a throw-away schema, all in one multi-statement query inside a transaction that
 * is rolled back, and read back with the introspector's own catalog queries. So the round trips are the
 * same for ten tables and ten thousand, and a table already in step with the database costs none.
 *
 * The scratch tables are temporary (pg_temp), and enum types the database lacks are temporary stand-ins
 * (stand-ins.ts): that needs only the TEMPORARY privilege (PUBLIC's by default), not CREATE, so a role
 * that can only read the catalog can still run `diff`. A role without even that normalizes in a scratch
 * database (`--scratch-url`, `workspace`), where nothing of the compared database exists, so every enum
 * type is a stand-in and every extension is created there.
 */
import { randomBytes } from 'node:crypto';
import type { Change } from '../diff/changes';
import { introspect, type Queryable } from '../introspect';
import { renderChange } from '../ddl/sql';
import type { Column, EnumType, Schema, Table } from '../schema/model';
import { qualifiedKey, qualifiedText } from '../schema/model';
import { DatabaseError, UsageError } from '../errors';
import { messageOf, serverVersionOf } from '../db/connect';
import { memoryCache, type PrintedCache } from './cache';
import { applyPrinted, collectItems, type Item, type Printed, type TableItems } from './items';
import { needsNormalizing, withStoredExpressions } from './needs';
import { StandIns } from './stand-ins';

const WORK_SCHEMA = 'pg_temp';
/**
 * Columns per scratch table for plain column items. Postgres allows 1,600, but the introspector's
 * columns query tests each column for extension membership through its table's pg_depend rows, one per
 * column type and default, so its time grows with the square of a table's width: 1.9 s for the
 * thousand-column tables of a first diff at 1,000 entities, 45 ms at a hundred.
 */
const COLUMNS_PER_TABLE = 100;

/** Extensions the scratch tables' expressions may need that the database does not have yet (created, then rolled back). */
function missingExtensions(desired: Schema, actual: Schema | undefined): Change[] {
  const have = new Set((actual?.extensions ?? []).map((e) => e.name));
  return desired.extensions.filter((e) => !have.has(e.name)).map((extension): Change => ({ kind: 'createExtension', extension }));
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
function layout(items: [string, Item][], types: StandIns): ScratchLayout {
  // Enum-typed columns point at the stand-in of a type the database lacks; texts name it instead of the real one.
  const temp = <C extends Pick<Column, 'dataType' | 'enumType'>>(column: C): C => {
    const standIn = types.of(column.enumType);
    return standIn ? { ...column, dataType: `${WORK_SCHEMA}.${standIn.name}`, enumType: { schema: WORK_SCHEMA, name: standIn.name } } : column;
  };
  const text = (t: string): string => types.toTemp(t);
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
        ...temp(item.column),
        nullable: true,
        valueSource: item.expression !== undefined ? { kind: 'default', expression: text(item.expression) } : { kind: 'none' },
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
      table = { ...emptyTable(`g${groups.size}`), columns: item.context.map((c): Column => temp({ ...c })) };
      groups.set(signature, table);
      tables.push(table);
    }
    const n = placements.size;
    switch (item.kind) {
      case 'generated': {
        const name = freshName(`ormdiff_generated_${n}`, new Set(table.columns.map((c) => c.name)));
        table.columns.push({ name, ...temp(item.column), nullable: true, valueSource: { kind: 'generated', expression: text(item.expression) } });
        placements.set(key, { kind: 'column', table: table.name, column: name });
        break;
      }
      case 'check': {
        const name = `${table.name}_k${n}`;
        table.checks.push({ name, expression: text(item.expression), ...(item.noInherit ? { noInherit: true } : {}) });
        placements.set(key, { kind: 'check', table: table.name, name });
        break;
      }
      case 'exclusion': {
        const name = `${table.name}_x${n}`;
        table.exclusions.push({ name, definition: text(item.definition) });
        placements.set(key, { kind: 'exclusion', table: table.name, name });
        break;
      }
      case 'index': {
        const name = `${table.name}_i${n}`;
        table.indexes.push({
          name,
          ...item.index,
          elements: item.index.elements.map((e) => (e.kind === 'expression' ? { ...e, value: text(e.value) } : e)),
          ...(item.index.where !== undefined ? { where: text(item.index.where) } : {}),
        });
        placements.set(key, { kind: 'index', table: table.name, name });
        break;
      }
    }
  }
  return { tables, placements };
}

/** What Postgres printed for the item at `placement`, with the real type names back in place of the stand-ins. */
function printedOf(placement: Placement, item: Item, tables: ReadonlyMap<string, Table>, types: StandIns): Printed {
  const table = tables.get(placement.table)!;
  const real = (text: string): string => types.fromTemp(text);
  switch (placement.kind) {
    case 'column': {
      const column = table.columns.find((c) => c.name === placement.column)!;
      const source = column.valueSource;
      const valueSource = source.kind === 'default' || source.kind === 'generated' ? { ...source, expression: real(source.expression) } : source;
      // An enum column's type is already the catalog's spelling of its name (its copy may have a stand-in's).
      const enumTyped = item.kind === 'column' || item.kind === 'generated' ? item.column.enumType !== undefined : false;
      const dataType = enumTyped && (item.kind === 'column' || item.kind === 'generated') ? item.column.dataType : column.dataType;
      return { kind: 'column', dataType, arrayDims: column.arrayDims, valueSource };
    }
    case 'check':
      return { kind: 'check', expression: real(table.checks.find((c) => c.name === placement.name)!.expression) };
    case 'exclusion':
      return { kind: 'exclusion', definition: real(table.exclusions.find((x) => x.name === placement.name)!.definition) };
    case 'index': {
      const index = table.indexes.find((i) => i.name === placement.name)!;
      return {
        kind: 'index',
        elements: index.elements.map((e) => (e.kind === 'expression' ? { ...e, value: real(e.value) } : e)),
        where: index.where !== undefined ? real(index.where) : undefined,
      };
    }
  }
}

const renderTables = (tables: Table[]): string[] => tables.flatMap((table) => renderChange({ kind: 'createTable', table }));

/** One round trip for many statements (the simple query protocol takes a semicolon-separated list). */
const batch = (statements: string[]): string => statements.join(';\n');

/** The last result of a multi-statement query (node-pg answers one result per statement). */
const lastResult = (result: unknown): { rows: Record<string, unknown>[] } =>
  (Array.isArray(result) ? result[result.length - 1] : result) as { rows: Record<string, unknown>[] };

const denied = (error: unknown): boolean => (error as { code?: string }).code === '42501';

/** A missing privilege, named: the role, what it lacks, and on which database (asked after the failed transaction). */
async function privilegeError(db: Queryable, privilege: string, error: unknown): Promise<DatabaseError> {
  await db.query('ROLLBACK').catch(() => undefined);
  const { rows } = await db.query('SELECT current_user AS role, current_database() AS database');
  return new DatabaseError(`role "${rows[0].role}" lacks ${privilege} on database "${rows[0].database}": grant it or pass --scratch-url`, { cause: error });
}

/** Runs `fn` on a connection to the database to normalize in, made only when there is something to spell. */
export type Workspace = <T>(fn: (db: Queryable) => Promise<T>) => Promise<T>;

export interface NormalizeOptions {
  /** Where the scratch tables are made: by default the compared database itself. */
  workspace?: Workspace;
  /** The workspace is an empty scratch database: every enum and extension the entities use is made there. */
  fresh?: boolean;
}

/** What the scratch tables need before them: the missing extensions (CREATE), the enum stand-ins (TEMPORARY). */
interface Prelude {
  extensions: string[];
  standIns: string[];
}

/**
 * After the batch failed: which item Postgres rejects, tried one at a time under savepoints, for an
 * error that names an entity table.
 */
async function findRejected(db: Queryable, prelude: Prelude, missing: [string, Item][], owners: ReadonlyMap<string, Table>, types: StandIns): Promise<UsageError | undefined> {
  await db.query('BEGIN');
  try {
    await db.query(batch([...prelude.extensions, ...prelude.standIns]));
    for (const entry of missing) {
      await db.query('SAVEPOINT item');
      try {
        await db.query(batch(renderTables(layout([entry], types).tables)));
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
async function spell(
  db: Queryable,
  desired: Schema,
  actual: Schema,
  missing: [string, Item][],
  owners: ReadonlyMap<string, Table>,
  opts: NormalizeOptions,
): Promise<Map<string, Printed>> {
  const haveEnums = new Set(opts.fresh ? [] : actual.enums.map(qualifiedKey));
  const types = new StandIns(
    desired.enums.filter((e: EnumType) => !haveEnums.has(qualifiedKey(e))),
    randomBytes(4).toString('hex'),
  );
  const { tables, placements } = layout(missing, types);
  const prelude: Prelude = {
    extensions: missingExtensions(desired, opts.fresh ? undefined : actual).flatMap((change) => renderChange(change)),
    standIns: types.all.flatMap((s) => renderChange({ kind: 'createEnum', enum: { ...s.real, schema: WORK_SCHEMA, name: s.name } })),
  };
  const workspace: Workspace = opts.workspace ?? ((fn) => fn(db));
  return workspace(async (work) => {
    await work.query('BEGIN');
    let printed: Schema;
    try {
      // Expressions are evaluated with the session's own search_path, as TypeORM's CREATE TABLE would be
      // (`uuid_generate_v4()` resolves through public); the introspector prints them with an empty one.
      if (prelude.extensions.length > 0) {
        try {
          await work.query(batch(prelude.extensions));
        } catch (error) {
          throw denied(error) ? await privilegeError(work, 'CREATE', error) : error;
        }
      }
      let tempSchema: string;
      try {
        const result = await work.query(
          batch([...prelude.standIns, ...renderTables(tables), 'SELECT nspname FROM pg_catalog.pg_namespace WHERE oid = pg_catalog.pg_my_temp_schema()']),
        );
        tempSchema = lastResult(result).rows[0].nspname as string;
      } catch (error) {
        if (denied(error)) throw await privilegeError(work, 'TEMPORARY', error);
        await work.query('ROLLBACK');
        const rejected = await findRejected(work, prelude, missing, owners, types);
        throw rejected ?? new UsageError(`entity tables: Postgres rejects their definitions: ${messageOf(error)}`, { cause: error });
      }
      printed = (await introspect(work, { schemas: [tempSchema], inTransaction: true })).schema;
    } catch (error) {
      await work.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    await work.query('ROLLBACK');
    const printedTables = new Map(printed.tables.map((t) => [t.name, t]));
    const itemOf = new Map(missing);
    return new Map([...placements].map(([key, placement]) => [key, printedOf(placement, itemOf.get(key)!, printedTables, types)]));
  });
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

export async function normalizeDesired(
  db: Queryable,
  desired: Schema,
  actual: Schema,
  cache: PrintedCache = memoryCache(),
  opts: NormalizeOptions = {},
): Promise<NormalizeResult> {
  // Tables are looked up by the desired table object from here on: one key per table, not one per use.
  const actualTables = new Map(actual.tables.map((t) => [qualifiedKey(t), t]));
  const current = new Map(desired.tables.map((t) => [t, actualTables.get(qualifiedKey(t))]));
  const pending = desired.tables.filter((table) => needsNormalizing(table, current.get(table)));
  // Tables left out keep the database's spelling of the expressions needsNormalizing matched loosely.
  const pendingSet = new Set(pending);
  const inStep = (t: Table): Table => {
    const have = current.get(t);
    return have && !pendingSet.has(t) ? withStoredExpressions(t, have) : t;
  };
  if (pending.length === 0) return { schema: { ...desired, tables: desired.tables.map(inStep) }, normalizedTables: 0, spelledItems: 0 };

  const items = new Map<string, Item>();
  const owners = new Map<string, Table>();
  const tableItems = new Map<Table, TableItems>();
  for (const table of pending) {
    const found = collectItems(table, items);
    tableItems.set(table, found);
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
    for (const [key, value] of await spell(db, desired, actual, missing, owners, opts)) {
      printed.set(key, value);
      cache.set(prefix + key, value);
    }
    cache.save();
  }
  // Postgres' spelling can still differ from the database's for one value (`now()` and a stored
  // `CURRENT_TIMESTAMP`): the database's is kept wherever storedExpression vouches for it.
  const normalized = new Map(
    pending.map((table) => {
      const back = applyPrinted(table, tableItems.get(table)!, printed);
      const have = current.get(table);
      return [table, have ? withStoredExpressions(back, have) : back];
    }),
  );
  return {
    schema: { ...desired, tables: desired.tables.map((t) => normalized.get(t) ?? inStep(t)) },
    normalizedTables: pending.length,
    spelledItems: missing.length,
  };
}
