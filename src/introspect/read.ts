/**
 * Runs each catalog query once for the schemas in scope, on one connection or shared with a helper
 * connection in the same snapshot, and hands back the raw rows (the transactions and their settings
 * are introspect.ts's and helper.ts's).
 */
import { createHash } from 'node:crypto';
import type { CatalogRows, ColumnRow, ConstraintRow, DomainRow, EnumRow, IndexRow, RelationRow, UnmanagedRow } from './rows';
import {
  COLUMNS_SQL,
  constraintsSql,
  DOMAINS_SQL,
  ENUMS_SQL,
  EXTENSIONS_SQL,
  indexesSql,
  RELATIONS_SQL,
  SCHEMAS_SQL,
  SEQUENCES_SQL,
  UNMANAGED_SQL,
  USES_SQL,
} from './sql';
import { portableLiterals } from '../sql/quote';
import { FINGERPRINT_SQL, fingerprintOf } from './fingerprint';

/** A pg Client or PoolClient (or anything with its query signature). */
export interface Queryable {
  query(sql: string | PreparedQuery, params?: unknown[]): Promise<{ rows: any[] }>;
}

/** A query the connection prepares once under its name, and then only executes (pg's named statements). */
export interface PreparedQuery {
  name: string;
  text: string;
  values: unknown[];
}

/** SQL the catalog printed, in the spelling that means the same whatever standard_conforming_strings is. */
const portable = (sql: string | null): string | null => (sql === null ? null : portableLiterals(sql));

/** Drivers other than pg may hand json columns back as text. */
function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

type Rows = { [K in keyof CatalogRows]: CatalogRows[K] };

/** One catalog query: its text, its parameters, and what turns its raw rows into `CatalogRows[key]`. */
interface Job {
  key: keyof CatalogRows;
  sql: string;
  params: 'schemas' | 'none';
  finish(rows: any[]): unknown;
}

const asIs = (rows: any[]): unknown => rows;

const statementNames = new Map<string, string>();

/** A name per query text: a connection holds one statement per name, and the text varies with the server version. */
function statementName(job: Job): string {
  let name = statementNames.get(job.sql);
  if (!name) statementNames.set(job.sql, (name = `ormdiff_${job.key}_${createHash('sha256').update(job.sql).digest('hex').slice(0, 12)}`));
  return name;
}

/**
 * Fixes up each row where it is (the driver's rows are ours): a large schema has tens of thousands,
 * and a copy of each would be as many more objects for the garbage collector to move.
 */
const each =
  <R>(fix: (row: R) => void) =>
  (rows: R[]): R[] => {
    for (const row of rows) fix(row);
    return rows;
  };

/**
 * Who reads what when a second connection helps: the queries whose catalog functions open the tables
 * (pg_get_constraintdef of a CHECK, pg_get_indexdef and pg_get_expr of an index's expressions and
 * predicate) on the first, so only one server process builds each table's relation cache entry;
 * the rest, about as much server time, on the second. Heaviest first in each.
 */
const firstJobs = (serverVersion: number | undefined): Job[] => [
  {
    key: 'constraints',
    sql: constraintsSql(serverVersion),
    params: 'schemas',
    finish: each<ConstraintRow>((r) => {
      r.definition = portableLiterals(r.definition);
      r.columns = json(r.columns);
      r.ref_columns = json(r.ref_columns);
    }),
  },
  {
    key: 'indexes',
    sql: indexesSql(serverVersion),
    params: 'schemas',
    finish: each<IndexRow>((r) => {
      r.predicate = portable(r.predicate);
      r.elements = json(r.elements);
      for (const e of r.elements ?? []) e.expression = portable(e.expression);
    }),
  },
  {
    key: 'relations',
    sql: RELATIONS_SQL,
    params: 'schemas',
    finish: each<RelationRow>((r) => {
      r.depends_on = json(r.depends_on);
    }),
  },
  {
    key: 'unmanaged',
    sql: UNMANAGED_SQL,
    params: 'schemas',
    finish: each<UnmanagedRow>((r) => {
      r.depends_on = json(r.depends_on);
    }),
  },
  {
    key: 'domains',
    sql: DOMAINS_SQL,
    params: 'schemas',
    finish: each<DomainRow>((r) => {
      r.default_expr = portable(r.default_expr);
      r.checks = json<DomainRow['checks']>(r.checks) ?? null;
      for (const c of r.checks ?? []) c.definition = portableLiterals(c.definition);
    }),
  },
  { key: 'schemas', sql: SCHEMAS_SQL, params: 'schemas', finish: asIs },
  { key: 'extensions', sql: EXTENSIONS_SQL, params: 'none', finish: asIs },
];

/** Last on the first connection's list: it runs while the second reads the uses. */
const FINGERPRINT_JOB: Job = { key: 'fingerprint', sql: FINGERPRINT_SQL, params: 'none', finish: fingerprintOf };

const secondJobs = (): Job[] => [
  {
    key: 'columns',
    sql: COLUMNS_SQL,
    params: 'schemas',
    finish: each<ColumnRow>((r) => {
      r.default_expr = portable(r.default_expr);
    }),
  },
  { key: 'sequences', sql: SEQUENCES_SQL, params: 'schemas', finish: asIs },
  {
    key: 'enums',
    sql: ENUMS_SQL,
    params: 'schemas',
    finish: each<EnumRow>((r) => {
      r.values = json(r.values);
    }),
  },
  // Last: nothing of the model waits for it, so the model is put together while the server reads it.
  { key: 'uses', sql: USES_SQL, params: 'schemas', finish: asIs },
];

/**
 * A lock the helper waited too long for (its lock_timeout, 55P03). Only the first connection's lock
 * waits are safe: the first holds its tables' ACCESS SHARE locks until the end, so a DDL statement
 * queued behind them, with the helper queued behind that DDL, would wait on the first connection
 * while the first waits on the helper, a cycle the server cannot see. The helper gives up instead
 * and leaves the query to the first, which already holds its locks (as pg_dump -j's workers lock
 * NOWAIT).
 */
const lockNotAvailable = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === '55P03';

export interface ReadOptions {
  /** server_version_num, when known: lets the queries name version-specific columns directly. */
  serverVersion?: number;
  /**
   * A second connection in the same state (same snapshot, same settings) once it is ready, to share
   * the work: each connection reads its own list, then whatever is left of the other's, so a helper
   * that comes late (or never: undefined) only takes what the first has not reached yet. Its
   * transaction should have a short lock_timeout: see lockNotAvailable.
   */
  helper?: Promise<Helper | undefined>;
  /**
   * Called with everything read so far each time a query's rows are in, once the connection has sent
   * its next query: the caller can work on them while the server works on that one.
   */
  onRead?: (rows: Partial<CatalogRows>) => void;
  /** False: the uses are not read (left empty): a migration replay's steps are judged without them. */
  uses?: boolean;
  /** Also take the catalog's fingerprint (./fingerprint) in the same snapshot, on whichever connection is free. */
  fingerprint?: boolean;
  /** Prepare each query once on its connection: see IntrospectOptions.prepared. */
  prepared?: boolean;
}

export interface Helper {
  db: Queryable;
  /**
   * Called as soon as the helper has nothing more to read, or gave up: ends its transaction, so it
   * holds no lock while the first reads on (a DDL statement queued behind the helper's lock would
   * hold up the first, and the first holds up the end of the helper's transaction).
   */
  done(): Promise<void>;
}

/**
 * Reads every object kind with one query each. The caller has already set `search_path = ''` and
 * `standard_conforming_strings = on` and, for a consistent picture, opened a snapshot. Returns the
 * rows and how many queries it ran: one per kind, however the work was shared.
 */
export async function readCatalog(
  db: Queryable,
  schemas: string[],
  { serverVersion, helper, onRead, uses = true, prepared = false, fingerprint = false }: ReadOptions = {},
): Promise<{ rows: CatalogRows; queryCount: number }> {
  const first = [...firstJobs(serverVersion), ...(fingerprint ? [FINGERPRINT_JOB] : [])];
  const second = secondJobs().filter((job) => uses || job.key !== 'uses');
  const rows: Partial<Rows> = uses ? {} : { uses: [] };
  let queryCount = 0;
  let failed = false;
  let readerFailure: { error: unknown } | undefined;
  // A microtask: it runs after the loop below has sent the connection's next query.
  const tell = (): void =>
    queueMicrotask(() => {
      if (readerFailure || !onRead) return;
      try {
        onRead(rows);
      } catch (error) {
        readerFailure = { error };
      }
    });
  /**
   * One query at a time per connection (a connection runs one anyway); after a failure, nothing more
   * is sent. `yields`: errors on which the connection hands its job back and stops, rather than fail.
   */
  const work = async (on: Queryable, own: Job[], other: Job[], yields?: (error: unknown) => boolean): Promise<void> => {
    for (let job = own.shift() ?? other.shift(); job && !failed; job = own.shift() ?? other.shift()) {
      try {
        const values = job.params === 'schemas' ? [schemas] : [];
        const result = await on.query(prepared ? { name: statementName(job), text: job.sql, values } : job.sql, prepared ? undefined : values);
        (rows as Record<string, unknown>)[job.key] = job.finish(result.rows);
        queryCount++;
        tell();
      } catch (error) {
        if (yields?.(error)) {
          own.unshift(job);
          return;
        }
        failed = true;
        throw error;
      }
    }
  };
  // The helper joins when it is ready, unless the first connection has read everything by then.
  let over = false;
  let helping: Promise<void> | undefined;
  let helperFailure: { error: unknown } | undefined;
  void helper?.then(
    (h) => {
      if (h && !over)
        helping = work(h.db, second, first, lockNotAvailable)
          .catch((error) => {
            helperFailure = { error };
          })
          // Not awaited: what ends the transaction is sent at once; the socket's close is nobody's wait.
          .finally(() => void h.done().catch(() => undefined));
    },
    () => undefined,
  );
  try {
    await work(db, first, second);
  } finally {
    over = true;
    // Never leave a query of the helper running behind a result or an error.
    await helping;
  }
  if (helperFailure) throw helperFailure.error;
  // What the helper handed back, if it stopped after the first had finished.
  await work(db, first, second);
  if (readerFailure) throw readerFailure.error;
  return { rows: rows as CatalogRows, queryCount };
}
