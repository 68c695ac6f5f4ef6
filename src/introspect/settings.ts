/** The session settings a catalog read runs with, set and reported in the transaction's first query. */

/** What the reading settings' query reports: the values to put back, and the server's version. */
export interface Reading {
  searchPath: string;
  scs: string;
  serverVersion: number;
}

/**
 * search_path = '' for the duration of the read (set_config local to the transaction), so the catalog
 * functions print names qualified exactly as pg_dump does; and standard_conforming_strings = on, so
 * a string constant they print has one meaning (with it off, pg_get_expr doubles backslashes in
 * plain '' constants, which the same text read with it on would keep doubled). Reports the previous
 * values to restore, and server_version_num for the queries.
 */
export const READING_SETTINGS =
  "SELECT pg_catalog.current_setting('search_path') AS search_path, pg_catalog.current_setting('standard_conforming_strings') AS scs, " +
  "pg_catalog.current_setting('server_version_num')::integer AS server_version, " +
  "pg_catalog.set_config('search_path', '', true), pg_catalog.set_config('standard_conforming_strings', 'on', true)";

export const reading = (row: Record<string, unknown>): Reading => ({
  searchPath: row.search_path as string,
  scs: row.scs as string,
  serverVersion: row.server_version as number,
});
