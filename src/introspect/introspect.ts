/** Reads a live database's catalog into the neutral model, in a fixed number of queries. */
import { createHash } from 'node:crypto';
import type { Schema } from '../schema/model';
import type { ObjectUse } from '../schema/uses';
import { assembleSchema } from './assemble/schema';
import { toUses } from './assemble/uses';
import { FINGERPRINT_SQL, fingerprintOf } from './fingerprint';
import { beginExporting, helperIn, openHelper } from './helper';
import { type Queryable, readCatalog } from './read';
import type { CatalogRows } from './rows';
import { READING_SETTINGS, reading } from './settings';

export type { Queryable } from './read';

export interface IntrospectOptions {
  /** Schemas in scope, e.g. ['public']. */
  schemas: string[];
  /**
   * The caller already opened a transaction: read inside it (no BEGIN/COMMIT) and put its
   * search_path back afterwards.
   */
  inTransaction?: boolean;
  /** Bookkeeping tables under names of the project's choosing (TypeORM's `metadataTableName`): never user tables. */
  ignoreTables?: readonly string[];
  /**
   * The URL `db` was opened with (through `connect`, so a second connection gets the same settings),
   * when reading on two connections may pay: the catalog queries are then shared with a second
   * connection that reads the same snapshot, as `pg_dump -j` does. Worth it for a large schema read
   * once; a schema read again and again (a replay's steps) is better off without the extra connection.
   * Not with `inTransaction` (a second connection cannot see what that transaction has not committed).
   */
  url?: string;
  /**
   * False: the uses are not read (`uses` comes back empty). What a migration replay's steps are judged
   * by needs none, and theirs is the most expensive query on a small schema.
   */
  uses?: boolean;
  /**
   * The same connection reads again and again (a replay reads the schema after each migration): each
   * catalog query is prepared once and then only executed, so the server parses it once and, after a
   * few runs, plans it once. Most of a small schema's read is the planning of its catalog queries.
   */
  prepared?: boolean;
  /**
   * The read an earlier run kept, reused when the catalog has not changed since (./fingerprint): the
   * catalog's fingerprint is one query, the whole read a dozen, and most of a run that finds the
   * database in step. A full read is kept for the next run.
   */
  kept?: KeptRead;
}

/** Where a read is kept between runs (the caller's: a file beside the project). */
export interface KeptRead {
  /** Whether a read is kept at all (cheap: no read of it). */
  has(): boolean;
  /** The last read kept, and its key (the catalog's fingerprint with the read's options). */
  last(): { key: string; result: IntrospectResult } | undefined;
  keep(key: string, result: IntrospectResult): void;
}

export interface IntrospectResult {
  schema: Schema;
  /** Catalog queries run (transaction control and search_path settings not counted); independent of the table count. */
  queryCount: number;
  /** What uses the enums, domains, sequences, tables and extensions a plan may drop (beside the model: the entities cannot say). */
  uses: ObjectUse[];
  /** The read an earlier run kept (IntrospectOptions.kept), the catalog being unchanged. */
  kept?: boolean;
}

/** What the model is made of: every kind but the uses, which stand beside it. */
const MODEL_ROWS: readonly (keyof CatalogRows)[] = [
  'relations',
  'columns',
  'constraints',
  'indexes',
  'enums',
  'domains',
  'sequences',
  'extensions',
  'unmanaged',
  'schemas',
];

/**
 * Puts the model together as soon as its rows are in, and the uses as soon as theirs are: the uses
 * are read last, so the model's assembly runs while the server is still at them.
 */
function assembler(schemas: string[], options: IntrospectOptions) {
  let schema: Schema | undefined;
  let uses: ObjectUse[] | undefined;
  const onRead = (rows: Partial<CatalogRows>): void => {
    if (schema === undefined && MODEL_ROWS.every((key) => rows[key] !== undefined))
      schema = assembleSchema(rows as CatalogRows, schemas, options.ignoreTables);
    if (uses === undefined && rows.uses !== undefined) uses = toUses(rows.uses);
  };
  const result = (read: Awaited<ReturnType<typeof readCatalog>>): IntrospectResult => {
    onRead(read.rows);
    return { schema: schema!, queryCount: read.queryCount, uses: uses! };
  };
  return { onRead, result };
}

/** Reads on `db` and, once it is ready, on a second connection to `url` in the same snapshot. */
async function introspectShared(db: Queryable, url: string, schemas: string[], options: IntrospectOptions): Promise<IntrospectResult & { fingerprint?: string }> {
  // Opened while the first connection begins: the helper costs no wait, and the first never waits for it.
  const opened = openHelper(url);
  const assembly = assembler(schemas, options);
  try {
    const begun = beginExporting(db);
    const helper = helperIn(opened, begun.then((b) => b.snapshot));
    let read: Awaited<ReturnType<typeof readCatalog>>;
    try {
      // A failed export fails here, before any catalog query.
      const { serverVersion } = await begun;
      read = await readCatalog(db, schemas, { serverVersion, helper, onRead: assembly.onRead, uses: options.uses, fingerprint: options.kept !== undefined });
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return { ...assembly.result(read), fingerprint: read.rows.fingerprint };
  } finally {
    // Its transaction only read: closing the connection ends it. Not awaited, so a connection still
    // being opened never holds up the result.
    void opened.then((helper) => helper?.close());
  }
}

/** Bumped when what a read produces from the same catalog could change. */
const KEPT_FORMAT = 1;

/** What a kept read is valid for: the same catalog, read with the same options. */
function keptKey(fingerprint: string, schemas: string[], options: IntrospectOptions): string {
  const read = { format: KEPT_FORMAT, schemas, ignoreTables: [...(options.ignoreTables ?? [])].sort(), uses: options.uses !== false };
  return createHash('sha256').update(`${fingerprint}\0${JSON.stringify(read)}`).digest('hex');
}

export async function introspect(db: Queryable, options: IntrospectOptions): Promise<IntrospectResult> {
  const schemas = [...new Set(options.schemas)];
  const { kept } = options;
  if (!kept || options.inTransaction) return introspectNow(db, schemas, options);
  if (kept.has()) {
    // The fingerprint is asked for first, and what was kept is read while the server works on it.
    const fingerprint = db.query(FINGERPRINT_SQL);
    fingerprint.catch(() => undefined);
    const last = kept.last();
    if (last && keptKey(fingerprintOf((await fingerprint).rows), schemas, options) === last.key) return { ...last.result, queryCount: 1, kept: true };
  }
  // The full read takes the fingerprint of what it reads, in its snapshot, as one of its queries.
  const read = await introspectNow(db, schemas, options);
  if (read.fingerprint !== undefined) kept.keep(keptKey(read.fingerprint, schemas, options), { schema: read.schema, queryCount: read.queryCount, uses: read.uses });
  return { schema: read.schema, queryCount: read.queryCount, uses: read.uses };
}

/** A full read; with `kept`, also the catalog's fingerprint in the read's snapshot. */
async function introspectNow(db: Queryable, schemas: string[], options: IntrospectOptions): Promise<IntrospectResult & { fingerprint?: string }> {
  if (options.url !== undefined && !options.inTransaction) return introspectShared(db, options.url, schemas, options);
  const assembly = assembler(schemas, options);
  if (options.inTransaction) {
    const { searchPath, scs, serverVersion } = reading((await db.query(READING_SETTINGS)).rows[0]);
    // Not in a finally: after a failed query the transaction is aborted, and its rollback restores the settings.
    // Assembled after the settings are back (a small read anyway): an assembly error leaves the caller's transaction as it was.
    const read = await readCatalog(db, schemas, { serverVersion, uses: options.uses });
    await db.query("SELECT pg_catalog.set_config('search_path', $1, true), pg_catalog.set_config('standard_conforming_strings', $2, true)", [searchPath, scs]);
    return assembly.result(read);
  }
  // One snapshot for every query, so the parts agree with each other even while DDL runs elsewhere.
  await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const { serverVersion } = reading((await db.query(READING_SETTINGS)).rows[0]);
    const read = await readCatalog(db, schemas, { serverVersion, onRead: assembly.onRead, uses: options.uses, prepared: options.prepared, fingerprint: options.kept !== undefined });
    await db.query('COMMIT');
    return { ...assembly.result(read), fingerprint: read.rows.fingerprint };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
