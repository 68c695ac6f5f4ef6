/**
 * The second connection of a two-connection read (as pg_dump -j): opened beside the first, it imports
 * the snapshot the first exported, so both read the same catalog.
 */
import { connect } from '../db/connect';
import { quoteLiteral } from '../sql/quote';
import type { Helper, Queryable } from './read';
import { type Reading, READING_SETTINGS, reading } from './settings';

/**
 * The reading settings for the second connection (its version the first has told), and a short
 * lock_timeout: a lock it cannot have at once, it leaves to the first (see readCatalog).
 */
const HELPER_SETTINGS =
  "SELECT pg_catalog.set_config('search_path', '', true), pg_catalog.set_config('standard_conforming_strings', 'on', true), " +
  "pg_catalog.set_config('lock_timeout', '100ms', true)";

/** A connection opened for the helper, and its one way to be closed (however many callers ask). */
export interface Opened {
  client: Queryable;
  close(): Promise<void>;
}

/**
 * Opens the helper's connection through `connect`, so with the same settings as the first (TLS,
 * timeouts, application_name); undefined when it cannot be had (a connection limit, …).
 */
export function openHelper(url: string): Promise<Opened | undefined> {
  return connect(url).then(
    (client) => {
      let closing: Promise<void> | undefined;
      return { client, close: () => (closing ??= client.end().catch(() => undefined)) };
    },
    () => undefined,
  );
}

/**
 * The first connection's transaction, its settings and its exported snapshot, in one round trip (a
 * multi-statement query: its last result is the SELECT's).
 */
export async function beginExporting(db: Queryable): Promise<Reading & { snapshot: string }> {
  const results = (await db.query(
    `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; ${READING_SETTINGS}, pg_catalog.pg_export_snapshot() AS snapshot`,
  )) as unknown as { rows: Record<string, unknown>[] }[] | { rows: Record<string, unknown>[] };
  const row = (Array.isArray(results) ? results[results.length - 1] : results).rows[0];
  return { ...reading(row), snapshot: row.snapshot as string };
}

/**
 * The opened connection in the first one's snapshot, with the reading settings; undefined when that
 * fails (a pooler that refuses SET TRANSACTION SNAPSHOT, the first already done…): the first then
 * reads alone, as it would have anyway. Done, it is closed at once, which ends its transaction.
 */
export async function helperIn(opened: Promise<Opened | undefined>, snapshot: Promise<string>): Promise<Helper | undefined> {
  try {
    const [helper, id] = await Promise.all([opened, snapshot]);
    if (!helper) return undefined;
    await helper.client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT ${quoteLiteral(id)}; ${HELPER_SETTINGS}`);
    return { db: helper.client, done: helper.close };
  } catch {
    return undefined;
  }
}
