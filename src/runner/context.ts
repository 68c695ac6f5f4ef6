/**
 * What every database command starts with: the graph, a session, the lock (online), the state
 * the database is in, and the checks that refuse to go on from a state that is not understood.
 */
import type { StepStarted } from './execute';
import { hostname, userInfo } from 'node:os';
import { byteChecksummed, changedRevisions } from './checksum';
import type { StepObserver } from './execute';
import type { ConnectExtensions } from './extensions';
import { OrmdiffError } from '../errors';
import { ChangedMigrationError, ConnectionError, GraphError, guarded, PartialMigrationError } from './errors';
import { loadGraph, MigrationGraph } from './load';
import { acquireLock, releaseLock } from './lock';
import { DatabaseOptions, openSession, Session } from './session';
import { historyRecorded, resolveBlocking, Statement, tablesIn, Tables, VERSION_TABLE } from './sql';
import { DbState, describeBlocking, readState } from './state';
import { appliedSet } from './targets';
import { reconcileWithTypeorm, TypeormTable, TypeormTableRef, typeormTableRef, usesTypeormTable } from './typeorm-table';

export interface RunOptions extends DatabaseOptions {
  migrationsDir: string;
  /** Offline: record the SQL instead of executing it. */
  sql?: boolean;
  /** Accept applied migration files whose content changed since they ran (recorded in the history). */
  allowChanged?: boolean;
  /** Go on although a non-transactional migration was left half done (the user has repaired it). */
  retryFailed?: boolean;
  /** How long to wait for another run's lock. Default 60 s. */
  lockTimeoutMs?: number;
  /** Recorded as who ran it. Default `<os user>@<host>`. */
  ranBy?: string;
  /** Progress lines ("Running upgrade a -> b, message"). */
  log?: (line: string) => void;
  /** Each migration as it begins: which of how many, what it is (a progress display's counter). */
  onStep?: (step: StepStarted) => void;
  /** Every script statement, as it is executed (online) or recorded (offline). */
  onStatement?: (s: Statement) => void;
  /**
   * The extensions the project's TypeORM DataSource creates on connect (see extensions.ts), created
   * if missing before any migration runs. A function is called only when there is one to run.
   */
  extensions?: ConnectExtensions;
  /** Called around each step's migration code and after its commit (see StepObserver). */
  observer?: StepObserver;
  /** What deserves a warning but does not stop the run (an extension that could not be created). */
  warn?: (line: string) => void;
  /**
   * TypeORM's migrations table (the DataSource's `migrationsTableName` and `schema`): the applied state
   * whenever the folder holds adopted TypeORM migrations (typeorm-table.ts).
   */
  typeormTable?: TypeormTable;
}

export interface RunContext {
  graph: MigrationGraph;
  tables: Tables;
  session: Session;
  state: DbState;
  ranBy: string;
  /** TypeORM's table, when the folder holds adopted TypeORM migrations: every step also writes its row. */
  typeorm?: TypeormTableRef;
  /** Statements that bring ormdiff's version table in line with TypeORM's; a writing command runs them first. */
  sync: Statement[];
}

export function defaultRanBy(): string {
  let user = process.env.USER ?? 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): keep $USER.
  }
  return `${user}@${hostname()}`;
}

/** Loads, connects, locks (unless offline) and reads the state, runs `body`, and lets go of everything. */
export function withRun<T>(opts: RunOptions, body: (run: RunContext) => Promise<T>): Promise<T> {
  return guarded(opts.url, async () => {
    const graph = loadGraph(opts.migrationsDir);
    const tables = tablesIn(opts.schema ?? 'public');
    const session = await openSession({ ...opts, offline: Boolean(opts.sql) });
    let locked = false;
    try {
      if (!session.offline) {
        await asDatabaseError('taking the migration lock', () => acquireLock(session, tables.schema, opts.lockTimeoutMs ?? 60_000));
        locked = true;
      }
      const ranBy = opts.ranBy ?? defaultRanBy();
      const recorded = await asDatabaseError(`reading ${tables.schema}.${VERSION_TABLE}`, () => readState(session, tables));
      if (!usesTypeormTable(graph, opts.typeormTable)) return await body({ graph, tables, session, state: recorded, ranBy, sync: [] });
      const typeorm = typeormTableRef(opts.typeormTable);
      const { state, sync } = await reconcileWithTypeorm(session, tables, graph, recorded, opts.typeormTable, ranBy);
      return await body({ graph, tables, session, state, ranBy, typeorm, sync });
    } finally {
      if (locked) await releaseLock(session, tables.schema).catch(() => undefined);
      await session.close().catch(() => undefined);
    }
  });
}

/** A failure of the runner's own queries is the database's state, not the user's migration: exit code 3. */
async function asDatabaseError<T>(doing: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof OrmdiffError) throw err;
    throw new ConnectionError(`Database error while ${doing}: ${(err as Error).message}`);
  }
}

/** The version table's heads, refused if a file that declared one of them is gone. */
export function knownHeads(run: RunContext): string[] {
  const unknown = run.state.heads.filter((h) => !run.graph.nodes.has(h));
  if (unknown.length) {
    throw new GraphError(
      unknown.map(
        (h) =>
          `Can't locate revision ${h}: the database's ${run.tables.schema}.${VERSION_TABLE} records it but no migration file declares it ` +
          '(restore the file, or `ormdiff stamp --purge <revision>` to say where the database really is)',
      ),
    );
  }
  return run.state.heads;
}

/**
 * Refuses to migrate over a half-done migration or a changed applied file, unless told to; what
 * the user accepted is returned as statements so it lands in the history with the run.
 */
export function preflight(run: RunContext, opts: Pick<RunOptions, 'allowChanged' | 'retryFailed'>, heads: readonly string[]): Statement[] {
  const out: Statement[] = [];
  if (run.state.blocking.length) {
    if (!opts.retryFailed) throw new PartialMigrationError(describeBlocking(run.state.blocking[0], heads));
    out.push(resolveBlocking(run.tables, 'resolved: rerun with --retry-failed'));
  }
  const applied = appliedSet(run.graph, heads);
  const changed = changedRevisions(applied, run.graph.nodes, run.state.checksums);
  if (changed.length) {
    if (!opts.allowChanged) throw new ChangedMigrationError(changed);
    out.push(
      ...historyRecorded(
        run.tables,
        changed.map((c) => ({
          revision: c.revision,
          operation: 'accept changed' as const,
          direction: 'up' as const,
          checksum: c.actual,
          file: c.file,
          ranBy: run.ranBy,
          message: `file changed after it was applied (recorded ${c.recorded}); accepted with --allow-changed`,
        })),
      ),
    );
  }
  // Histories written before code checksums: an unchanged file gets its code checksum recorded once.
  out.push(
    ...historyRecorded(
      run.tables,
      byteChecksummed(applied, run.graph.nodes, run.state.checksums).map((rev) => ({
        revision: rev.revision,
        operation: 'checksum upgraded' as const,
        direction: 'up' as const,
        checksum: rev.checksum,
        file: rev.file,
        ranBy: run.ranBy,
        message: `recorded sha256 of the file's bytes ${rev.byteChecksum} verified and replaced by the checksum of its code`,
      })),
    ),
  );
  return out;
}
