/**
 * Puts the entity model's expressions (defaults, generated columns, CHECK bodies, exclusion and index
 * definitions) and column types into the exact text Postgres stores, by letting Postgres do it: the
 * tables that need it are created, without keys, as temporary tables inside a transaction that is
 * rolled back, and read back with the introspector's own catalog queries. TypeScript rules could never
 * match Postgres' deparser on every expression; this matches it by construction.
 *
 * Temporary tables and types need only the TEMPORARY privilege (PUBLIC's by default), not CREATE on
 * the database: a role that can only read the catalog can still run `diff`. A role without even that
 * normalizes in a scratch database (`--scratch-url`), where nothing of the compared database exists,
 * so every enum type is a stand-in and every extension is created there.
 */
import { randomBytes } from 'node:crypto';
import type { Change } from '../diff/changes';
import { introspect, type Queryable } from '../introspect';
import { renderChange } from '../ddl/sql';
import type { Column, EnumType, Schema, Table } from '../schema/model';
import { qualifiedKey, qualifiedText } from '../schema/model';
import { DatabaseError, UsageError } from '../errors';
import { messageOf } from '../db/connect';
import { needsNormalizing, withStoredExpressions } from './needs';
import { StandIns } from './stand-ins';

const TEMP = 'pg_temp';

/** Keys, serial and identity do not change how expressions print, and would only add objects to create. */
function scratchCopy(table: Table, position: number, types: StandIns): Table {
  const plain = (column: Column): Column => {
    const valueSource =
      column.valueSource.kind === 'serial' || column.valueSource.kind === 'identity'
        ? { kind: 'none' as const }
        : column.valueSource.kind === 'default' || column.valueSource.kind === 'generated'
          ? { ...column.valueSource, expression: types.toTemp(column.valueSource.expression) }
          : column.valueSource;
    const standIn = types.of(column.enumType);
    return standIn
      ? { ...column, dataType: `${TEMP}.${standIn.name}`, enumType: { schema: TEMP, name: standIn.name }, valueSource }
      : { ...column, valueSource };
  };
  return {
    ...table,
    schema: TEMP,
    name: `t${position}`,
    columns: table.columns.map(plain),
    primaryKey: undefined,
    foreignKeys: [],
    uniques: [],
    checks: table.checks.map((c, i) => ({ ...c, name: `t${position}_c${i}`, expression: types.toTemp(c.expression) })),
    exclusions: table.exclusions.map((x, i) => ({ ...x, name: `t${position}_x${i}`, definition: types.toTemp(x.definition) })),
    indexes: table.indexes.map((index, i) => ({
      ...index,
      name: `t${position}_i${i}`,
      ...(index.where !== undefined ? { where: types.toTemp(index.where) } : {}),
      elements: index.elements.map((e) => (e.kind === 'expression' ? { ...e, value: types.toTemp(e.value) } : e)),
    })),
    comment: undefined,
  };
}

/** Copies what Postgres printed back onto the desired table, matching by position, with the real type names. */
function readBack(desired: Table, printed: Table, types: StandIns): Table {
  const printedColumns = new Map(printed.columns.map((c) => [c.name, c]));
  const real = (text: string) => types.fromTemp(text);
  return {
    ...desired,
    columns: desired.columns.map((column) => {
      const back = printedColumns.get(column.name)!;
      const valueSource =
        (column.valueSource.kind === 'default' || column.valueSource.kind === 'generated') &&
        (back.valueSource.kind === 'default' || back.valueSource.kind === 'generated')
          ? { ...back.valueSource, expression: real(back.valueSource.expression) }
          : column.valueSource;
      // An enum column's type is already the catalog's spelling of its name (and its copy may have a stand-in's).
      return { ...column, dataType: column.enumType ? column.dataType : back.dataType, arrayDims: back.arrayDims, valueSource };
    }),
    checks: desired.checks.map((check, i) => ({ ...check, expression: real(printed.checks.find((c) => c.name.endsWith(`_c${i}`))!.expression) })),
    exclusions: desired.exclusions.map((x, i) => ({
      ...x,
      definition: real(printed.exclusions.find((p) => p.name.endsWith(`_x${i}`))!.definition),
    })),
    indexes: desired.indexes.map((index, i) => {
      const back = printed.indexes.find((p) => p.name.endsWith(`_i${i}`))!;
      return {
        ...index,
        elements: back.elements.map((e) => (e.kind === 'expression' ? { ...e, value: real(e.value) } : e)),
        ...(back.where !== undefined ? { where: real(back.where) } : { where: undefined }),
      };
    }),
  };
}

/** Extensions the temporary tables' expressions may need that the database does not have yet (tried, then rolled back). */
function missingExtensions(desired: Schema, actual: Schema | undefined): Change[] {
  const have = new Set((actual?.extensions ?? []).map((e) => e.name));
  return desired.extensions.filter((e) => !have.has(e.name)).map((extension): Change => ({ kind: 'createExtension', extension }));
}

export interface NormalizeResult {
  schema: Schema;
  /** How many tables had to be created as temporary copies. */
  normalizedTables: number;
}

/** Runs `fn` on a connection to the database to normalize in, made only when there is something to normalize. */
export type Workspace = <T>(fn: (db: Queryable) => Promise<T>) => Promise<T>;

export interface NormalizeOptions {
  /** Where the temporary copies are made: by default `db`, the compared database itself. */
  workspace?: Workspace;
  /** The workspace is an empty scratch database: every enum and extension the entities use is made there. */
  fresh?: boolean;
}

interface Who {
  role: string;
  database: string;
}

/** A missing privilege, named: the role, what it lacks, and on which database. */
const privilegeError = (who: Who, privilege: string, error: unknown): DatabaseError =>
  new DatabaseError(`role "${who.role}" lacks ${privilege} on database "${who.database}": grant it or pass --scratch-url`, { cause: error });

const denied = (error: unknown) => (error as { code?: string }).code === '42501';

interface Copies {
  desired: Schema;
  actual: Schema;
  pending: { table: Table; position: number }[];
  types: StandIns;
  fresh: boolean;
}

async function createCopies(db: Queryable, who: Who, { desired, actual, pending, types, fresh }: Copies): Promise<void> {
  // Expressions are evaluated with the session's own search_path, as TypeORM's CREATE TABLE would be
  // (`uuid_generate_v4()` resolves through public); the introspector prints them with an empty one.
  for (const change of missingExtensions(desired, fresh ? undefined : actual)) {
    for (const sql of renderChange(change)) {
      try {
        await db.query(sql);
      } catch (error) {
        throw denied(error) ? privilegeError(who, 'CREATE', error) : error;
      }
    }
  }
  for (const standIn of types.all) {
    const sql = renderChange({ kind: 'createEnum', enum: { ...standIn.real, schema: TEMP, name: standIn.name } });
    try {
      for (const statement of sql) await db.query(statement);
    } catch (error) {
      throw denied(error) ? privilegeError(who, 'TEMPORARY', error) : error;
    }
  }
  for (const { table, position } of pending) {
    const statements = renderChange({ kind: 'createTable', table: scratchCopy(table, position, types) });
    try {
      for (const sql of statements) await db.query(sql);
    } catch (error) {
      if (denied(error)) throw privilegeError(who, 'TEMPORARY', error);
      throw new UsageError(`entity table ${qualifiedText(table)}: Postgres rejects its definition: ${messageOf(error)}`, { cause: error });
    }
  }
}

export async function normalizeDesired(db: Queryable, desired: Schema, actual: Schema, opts: NormalizeOptions = {}): Promise<NormalizeResult> {
  const actualTables = new Map(actual.tables.map((t) => [qualifiedKey(t), t]));
  const pending = desired.tables
    .map((table, position) => ({ table, position }))
    .filter(({ table }) => needsNormalizing(table, actualTables.get(qualifiedKey(table))));
  // Tables left out keep the database's spelling of the expressions needsNormalizing matched loosely.
  const pendingKeys = new Set(pending.map(({ table }) => qualifiedKey(table)));
  const inStep = (t: Table): Table => {
    const current = actualTables.get(qualifiedKey(t));
    return current && !pendingKeys.has(qualifiedKey(t)) ? withStoredExpressions(t, current) : t;
  };
  if (pending.length === 0) return { schema: { ...desired, tables: desired.tables.map(inStep) }, normalizedTables: 0 };

  const haveEnums = new Set(opts.fresh ? [] : actual.enums.map(qualifiedKey));
  const types = new StandIns(
    desired.enums.filter((e: EnumType) => !haveEnums.has(qualifiedKey(e))),
    randomBytes(4).toString('hex'),
  );
  const workspace: Workspace = opts.workspace ?? ((fn) => fn(db));
  const printed = await workspace(async (work) => {
    // Asked first: once a statement fails, the transaction answers nothing more.
    const { rows: [who] } = await work.query('SELECT current_user AS role, current_database() AS database');
    await work.query('BEGIN');
    try {
      await createCopies(work, who as Who, { desired, actual, pending, types, fresh: opts.fresh ?? false });
      const { rows } = await work.query('SELECT nspname FROM pg_catalog.pg_namespace WHERE oid = pg_catalog.pg_my_temp_schema()');
      return (await introspect(work, { schemas: [rows[0].nspname as string], inTransaction: true })).schema;
    } finally {
      await work.query('ROLLBACK');
    }
  });
  const printedTables = new Map(printed.tables.map((t) => [t.name, t]));
  // Postgres' spelling can still differ from the database's for one value (`now()` and a stored
  // `CURRENT_TIMESTAMP`): the database's is kept wherever storedExpression vouches for it.
  const normalized = new Map(
    pending.map(({ table, position }) => {
      const back = readBack(table, printedTables.get(`t${position}`)!, types);
      const current = actualTables.get(qualifiedKey(table));
      return [qualifiedKey(table), current ? withStoredExpressions(back, current) : back];
    }),
  );
  return {
    schema: { ...desired, tables: desired.tables.map((t) => normalized.get(qualifiedKey(t)) ?? inStep(t)) },
    normalizedTables: pending.length,
  };
}
