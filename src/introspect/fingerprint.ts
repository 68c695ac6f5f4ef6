/**
 * A cheap identity of the catalog a read depends on, so a run may reuse the model an earlier run read
 * from the same, unchanged catalog (see KeptRead in ./introspect).
 *
 * Postgres keeps no catalog version, but every DDL statement writes catalog rows, and a written row is
 * a new row version: a new `ctid` (where it lives) and a new `xmin` (the transaction that wrote it).
 * So the count of a catalog's rows and a sum of hashes of their (ctid, xmin) change with any row that
 * is added, removed or changed, in every catalog the read's queries and the functions they call
 * (pg_get_expr, pg_get_constraintdef, format_type, pg_identify_object…) look at. What Postgres updates
 * in place (statistics such as reltuples, the relhas* flags VACUUM clears) is read by none of them.
 * Objects made by initdb (OIDs below FirstNormalObjectId) are left out where a catalog holds
 * thousands of them: no statement a migration runs changes them, and reading them is most of the cost.
 */
import { createHash } from 'node:crypto';

/** Below this OID every object was made by initdb (FirstNormalObjectId; OIDs wrap around to it, never below). */
const FIRST_USER_OID = 16384;

/** Each catalog a read depends on, with the rows of it that count. */
const CATALOGS: readonly [catalog: string, rows: string][] = [
  ['pg_namespace', 'true'],
  ['pg_class', `oid >= ${FIRST_USER_OID}`],
  ['pg_attribute', `attrelid >= ${FIRST_USER_OID}`],
  ['pg_attrdef', 'true'],
  ['pg_constraint', 'true'],
  ['pg_index', `indexrelid >= ${FIRST_USER_OID}`],
  ['pg_type', `oid >= ${FIRST_USER_OID}`],
  ['pg_enum', 'true'],
  ['pg_sequence', 'true'],
  ['pg_depend', `objid >= ${FIRST_USER_OID} OR refobjid >= ${FIRST_USER_OID}`],
  ['pg_description', `objoid >= ${FIRST_USER_OID}`],
  ['pg_rewrite', `oid >= ${FIRST_USER_OID}`],
  ['pg_trigger', 'true'],
  ['pg_policy', 'true'],
  ['pg_inherits', 'true'],
  ['pg_extension', 'true'],
  ['pg_proc', `oid >= ${FIRST_USER_OID}`],
  ['pg_operator', `oid >= ${FIRST_USER_OID}`],
  ['pg_cast', `oid >= ${FIRST_USER_OID}`],
  ['pg_collation', `oid >= ${FIRST_USER_OID}`],
  ['pg_opclass', `oid >= ${FIRST_USER_OID}`],
  ['pg_am', `oid >= ${FIRST_USER_OID}`],
];

/** One row, one text column: the server's version and database, then count:sum for each catalog. */
export const FINGERPRINT_SQL =
  "SELECT pg_catalog.concat_ws(' ', pg_catalog.current_setting('server_version_num'), " +
  '(SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()), ' +
  CATALOGS.map(
    ([catalog, rows]) =>
      `(SELECT pg_catalog.count(*) || ':' || COALESCE(pg_catalog.sum(pg_catalog.hashtext(c.ctid::text || c.xmin::text)::bigint), 0) FROM pg_catalog.${catalog} c WHERE ${rows})`,
  ).join(', ') +
  ') AS fingerprint';

/** The fingerprint from its query's rows. */
export function fingerprintOf(rows: Record<string, unknown>[]): string {
  if (rows[0]?.fingerprint === undefined) throw new Error('the catalog fingerprint query returned no fingerprint');
  return createHash('sha256').update(String(rows[0].fingerprint)).digest('hex');
}
