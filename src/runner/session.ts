/**
 * One connection to the database and the single funnel every statement of a run passes through.
 *
 * Online and offline (`--sql`) runs execute the same code; only the sink differs: online it
 * logs and executes a statement, offline it records it and returns an empty result. What goes
 * through the sink (the script) is: whatever a migration sends through `queryRunner.query`, the
 * DDL TypeORM's schema-builder methods produce (createTable… all end in `executeQueries`), the
 * transaction statements, and the runner's version/history statements. What does not: the
 * catalog reads TypeORM makes to plan that DDL (it must see the real catalog even offline) and
 * the runner's own bookkeeping (lock, reading the version table).
 */
import type { DataSource, QueryRunner, Table } from 'typeorm';
import { typeorm } from '../typeorm';
import type { Query } from 'typeorm/driver/Query';
import { connectionSettings } from '../db/connect';
import { ConnectionError, redactUrl, scrub, UsageError } from './errors';
import type { Statement } from './sql';

export interface DatabaseOptions {
  /** postgres://… URL. Ignored when `dataSource` is given. */
  url?: string;
  /** A TypeORM DataSource of the caller's (initialized here if it is not; never destroyed here). */
  dataSource?: DataSource;
  /** Schema of the version and history tables. Default `public`. */
  schema?: string;
}

type RawQuery = (sql: string, parameters?: unknown[], structured?: boolean) => Promise<any>;

export interface Session {
  /** The runner's own query runner (transactions, bookkeeping). */
  runner: QueryRunner;
  /** The query runner handed to migrations' up/down. */
  migrationRunner: QueryRunner;
  offline: boolean;
  /** False only offline without a URL: nothing can be read from the database. */
  connected: boolean;
  /** The script so far: recorded offline, executed online. */
  statements: Statement[];
  /** Called after each script statement succeeds online (progress of non-transactional migrations). */
  afterStatement?: (s: Statement) => Promise<void>;
  /** A script statement. */
  exec(s: Statement): Promise<unknown>;
  /**
   * Script statements that run one after another with nothing between them (a step's bookkeeping):
   * each is its own statement in the script, but online they go to the server in one round trip when
   * none has parameters. A replay of hundreds of migrations spent a third of its waiting on those.
   */
  execAll(statements: readonly Statement[]): Promise<void>;
  /** Bookkeeping, never part of the script. */
  direct<R = Record<string, unknown>>(sql: string, parameters?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export interface SessionOptions extends DatabaseOptions {
  offline: boolean;
  onStatement?: (s: Statement) => void;
}

/** Statements TypeORM's schema builder issues to look at the catalog; they run even offline. */
const CATALOG_READ = /^\s*(SELECT|SHOW)\b/i;

async function connect(opts: SessionOptions): Promise<{ dataSource: DataSource; owned: boolean; connected: boolean }> {
  if (opts.dataSource) {
    if (opts.dataSource.isInitialized) return { dataSource: opts.dataSource, owned: false, connected: true };
    try {
      await opts.dataSource.initialize();
    } catch (err) {
      throw new ConnectionError(`Could not connect to the database: ${(err as Error).message}`);
    }
    return { dataSource: opts.dataSource, owned: false, connected: true };
  }
  if (!opts.url) {
    if (!opts.offline) throw new UsageError('No database URL given (--url or DATABASE_URL)');
    // Offline without a database: the driver exists (TypeORM's schema builder needs one) but never connects.
    return { dataSource: new (typeorm().DataSource)({ type: 'postgres', entities: [] }), owned: false, connected: false };
  }
  const dataSource = new (typeorm().DataSource)({
    type: 'postgres',
    url: opts.url,
    entities: [],
    logging: false,
    applicationName: 'ormdiff',
    connectTimeoutMS: 10_000,
    // The project's ssl/extra, registered for this server when the project was opened.
    extra: connectionSettings(opts.url),
  });
  try {
    await dataSource.initialize();
  } catch (err) {
    throw new ConnectionError(`Could not connect to ${redactUrl(opts.url)}: ${scrub((err as Error).message, opts.url)}`);
  }
  return { dataSource, owned: true, connected: true };
}

function emptyResult(structured: boolean | undefined): unknown {
  if (!structured) return [];
  const r = new (typeorm().QueryResult)();
  r.records = [];
  r.raw = [];
  r.affected = 0;
  return r;
}

export async function openSession(opts: SessionOptions): Promise<Session> {
  const { dataSource, owned, connected } = await connect(opts);
  const runner = dataSource.createQueryRunner('master');
  const raw: RawQuery = runner.query.bind(runner);
  const statements: Statement[] = [];
  const offline = opts.offline;

  const read: RawQuery = connected
    ? raw
    : async (sql) => {
        throw new UsageError(
          `Offline without a database (a start:end range never connects; otherwise no URL was given) TypeORM can't read the catalog, and a migration asked it to (${sql.slice(0, 80)}…); ` +
            'run --sql without a range and with --url, or write that migration with queryRunner.query',
        );
      };

  const session: Session = {
    runner,
    migrationRunner: runner,
    offline,
    connected,
    statements,
    async exec(s) {
      return sink(s.sql, s.parameters, false);
    },
    async execAll(batch) {
      if (offline || batch.length < 2 || batch.some((s) => s.parameters?.length)) {
        for (const s of batch) await sink(s.sql, s.parameters, false);
        return;
      }
      batch.forEach(script);
      // The simple query protocol (no parameters) runs several statements in one message, in order.
      await raw(batch.map((s) => s.sql).join(';\n'));
      for (const s of batch) if (session.afterStatement) await session.afterStatement(s);
    },
    async direct<R>(sql: string, parameters?: unknown[]) {
      return (await read(sql, parameters)) as R[];
    },
    async close() {
      try {
        if (offline && connected) await raw('RESET default_transaction_read_only').catch(() => undefined);
        await runner.release();
      } finally {
        if (owned) await dataSource.destroy();
      }
    },
  };

  /** A statement joins the script (and the caller hears of it) before it runs, or instead of running offline. */
  function script(statement: Statement): void {
    statements.push(statement);
    opts.onStatement?.(statement);
  }

  async function sink(sql: string, parameters?: unknown[], structured?: boolean): Promise<unknown> {
    const statement: Statement = parameters && parameters.length ? { sql, parameters } : { sql };
    script(statement);
    if (offline) return emptyResult(structured);
    const result = await raw(sql, parameters, structured);
    if (session.afterStatement) await session.afterStatement(statement);
    return result;
  }

  // TypeORM's own methods call this.query for catalog reads and for the odd write (START TRANSACTION, TRUNCATE…).
  (runner as { query: RawQuery }).query = (sql, parameters, structured) =>
    CATALOG_READ.test(sql) ? read(sql, parameters, structured) : sink(sql, parameters, structured);
  // Every schema-builder method (createTable, addColumn…) ends here with the DDL it generated.
  const patchable = runner as unknown as { executeQueries(up: Query | Query[], down: Query | Query[]): Promise<void>; sqlMemoryMode: boolean };
  const originalExecute = patchable.executeQueries.bind(runner);
  patchable.executeQueries = async (up, down) => {
    if (patchable.sqlMemoryMode) return originalExecute(up, down);
    for (const q of Array.isArray(up) ? up : [up]) await sink(q.query, q.parameters);
  };
  if (offline) rememberCreatedTables(runner);
  // What a migration calls `queryRunner.query` with is always the migration's own SQL, reads included.
  session.migrationRunner = new Proxy(runner, {
    get(target, prop) {
      if (prop === 'query') return (sql: string, parameters?: unknown[], structured?: boolean) => sink(sql, parameters, structured);
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

  if (connected && offline) {
    try {
      // A session that cannot write is the guarantee that an offline run changes nothing by mistake.
      await raw('SET default_transaction_read_only = on');
    } catch (err) {
      await session.close().catch(() => undefined);
      throw new ConnectionError(`Could not use the database connection: ${(err as Error).message}`);
    }
  }
  return session;
}

/**
 * Offline, a table created by `queryRunner.createTable` is never in the catalog, so a later
 * `addColumn` on it would fail to find it. TypeORM looks tables up in its own cache first; put
 * each created table there, as the catalog would have it online.
 */
function rememberCreatedTables(runner: QueryRunner): void {
  const internals = runner as unknown as { cachedTablePaths: Record<string, string>; getTablePath(t: Table): string; loadedTables: Table[] };
  const createTable = runner.createTable.bind(runner);
  runner.createTable = async (table, ...rest) => {
    await createTable(table, ...rest);
    const path = internals.getTablePath(table);
    if (!internals.loadedTables.some((t) => internals.getTablePath(t) === path)) internals.loadedTables.push(table.clone());
    internals.cachedTablePaths[table.name] = path;
    internals.cachedTablePaths[path] = path;
  };
}
