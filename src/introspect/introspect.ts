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
 * functions print names qualified exactly as pg_dump does; and standard_conforming_strings = on, so
 * a string constant they print has one meaning (with it off, pg_get_expr doubles backslashes in
 * plain '' constants, which the same text read with it on would keep doubled). Returns the previous
 * values to restore.
 */
async function readingSettings(db: Queryable): Promise<[string, string]> {
  const { rows } = await db.query(
    "SELECT pg_catalog.current_setting('search_path') AS search_path, pg_catalog.current_setting('standard_conforming_strings') AS scs, " +
      "pg_catalog.set_config('search_path', '', true), pg_catalog.set_config('standard_conforming_strings', 'on', true)",
  );
  return [rows[0].search_path as string, rows[0].scs as string];
}

export async function introspect(db: Queryable, options: IntrospectOptions): Promise<IntrospectResult> {
  const schemas = [...new Set(options.schemas)];
  if (options.inTransaction) {
    const [searchPath, scs] = await readingSettings(db);
    // Not in a finally: after a failed query the transaction is aborted, and its rollback restores the settings.
    const { rows, queryCount } = await readCatalog(db, schemas);
    await db.query("SELECT pg_catalog.set_config('search_path', $1, true), pg_catalog.set_config('standard_conforming_strings', $2, true)", [searchPath, scs]);
    return { schema: assembleSchema(rows, schemas, options.ignoreTables), queryCount, uses: toUses(rows.uses) };
  }
  // One snapshot for every query, so the parts agree with each other even while DDL runs elsewhere.
  await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await readingSettings(db);
    const { rows, queryCount } = await readCatalog(db, schemas);
    await db.query('COMMIT');
    return { schema: assembleSchema(rows, schemas, options.ignoreTables), queryCount, uses: toUses(rows.uses) };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
