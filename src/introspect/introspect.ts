/** Reads a live database's catalog into the neutral model, in a fixed number of queries. */
import type { Schema } from '../schema/model';
import type { ObjectUse } from '../schema/uses';
import { assembleSchema } from './assemble/schema';
import { toUses } from './assemble/uses';
import { type Queryable, readCatalog } from './read';

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
}

export interface IntrospectResult {
  schema: Schema;
  /** Catalog queries run (transaction control and search_path settings not counted); independent of the table count. */
  queryCount: number;
  /** What uses the enums, domains, sequences, tables and extensions a plan may drop (beside the model: the entities cannot say). */
  uses: ObjectUse[];
}

/**
 * search_path = '' for the duration of the read (set_config local to the transaction), so the catalog
 * functions print names qualified exactly as pg_dump does. Returns the previous value to restore.
 */
async function clearSearchPath(db: Queryable): Promise<string> {
  const { rows } = await db.query(
    "SELECT pg_catalog.current_setting('search_path') AS previous, pg_catalog.set_config('search_path', '', true)",
  );
  return rows[0].previous as string;
}

export async function introspect(db: Queryable, options: IntrospectOptions): Promise<IntrospectResult> {
  const schemas = [...new Set(options.schemas)];
  if (options.inTransaction) {
    const previous = await clearSearchPath(db);
    // Not in a finally: after a failed query the transaction is aborted, and its rollback restores the setting.
    const { rows, queryCount } = await readCatalog(db, schemas);
    await db.query("SELECT pg_catalog.set_config('search_path', $1, true)", [previous]);
    return { schema: assembleSchema(rows, schemas, options.ignoreTables), queryCount, uses: toUses(rows.uses) };
  }
  // One snapshot for every query, so the parts agree with each other even while DDL runs elsewhere.
  await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await clearSearchPath(db);
    const { rows, queryCount } = await readCatalog(db, schemas);
    await db.query('COMMIT');
    return { schema: assembleSchema(rows, schemas, options.ignoreTables), queryCount, uses: toUses(rows.uses) };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
