/**
 * The extensions a TypeORM DataSource creates when it connects (PostgresDriver.afterConnect, unless
 * `installExtensions: false`): a project's migrations may use uuid_generate_v4() and the like without
 * ever creating uuid-ossp, because TypeORM's own `migration:run` connects first. The runner does the
 * same before it runs any migration: each missing one created IF NOT EXISTS, in autocommit, outside
 * the migrations' transactions and outside the script (the version and history tables record
 * nothing of it: no migration did it). Like TypeORM, one that cannot be created is a warning; the
 * migration that needs it then fails on its own statement, named as usual.
 *
 * Offline (`--sql`) nothing is created; the script starts with comment lines saying what a
 * connecting DataSource (or an online run) would create first, for whoever runs the script by hand.
 */
import { quoteIdent, sqlComment } from '../sql/quote';

/** The extension names, or a function that finds them (called only when a run has migrations to run). */
export type ConnectExtensions = readonly string[] | (() => Promise<readonly string[]>);

export interface ExtensionOutcome {
  name: string;
  /** `present`: installed already; `created` now; `unavailable`: the server does not offer it; `failed`: CREATE EXTENSION failed. */
  status: 'present' | 'created' | 'unavailable' | 'failed';
  /** The database's message, for `failed`. */
  error?: string;
}

export type Query = (sql: string, parameters?: unknown[]) => Promise<Record<string, unknown>[]>;

export async function resolveExtensions(extensions: ConnectExtensions | undefined): Promise<readonly string[]> {
  if (!extensions) return [];
  return typeof extensions === 'function' ? extensions() : extensions;
}

/** TypeORM's statement, quoted through the one quoting function (the same text for every ordinary name). */
export const createExtensionSql = (name: string): string => `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(name)}`;

const CATALOG = `
  SELECT n.name, e.extname IS NOT NULL AS installed, a.name IS NOT NULL AS available
    FROM unnest($1::text[]) AS n(name)
    LEFT JOIN pg_catalog.pg_extension e ON e.extname = n.name
    LEFT JOIN pg_catalog.pg_available_extensions a ON a.name = n.name`;

/**
 * Creates those of `names` that are missing, in order, each in its own statement so one that fails
 * leaves the others (and the connection) fine. Must run outside a transaction.
 */
export async function ensureExtensions(query: Query, names: readonly string[], warn?: (line: string) => void): Promise<ExtensionOutcome[]> {
  if (names.length === 0) return [];
  const rows = await query(CATALOG, [names]);
  const known = new Map(rows.map((r) => [String(r.name), { installed: r.installed === true, available: r.available === true }]));
  const outcomes: ExtensionOutcome[] = [];
  for (const name of names) {
    const state = known.get(name);
    if (state?.installed) {
      outcomes.push({ name, status: 'present' });
    } else if (!state?.available) {
      outcomes.push({ name, status: 'unavailable' });
      warn?.(`extension ${quoteIdent(name)} is not available on this server, so it was not created as TypeORM's DataSource would on connect; install it there`);
    } else {
      try {
        await query(createExtensionSql(name));
        outcomes.push({ name, status: 'created' });
      } catch (err) {
        const error = (err as Error).message;
        outcomes.push({ name, status: 'failed', error });
        warn?.(`could not create extension ${quoteIdent(name)} as TypeORM's DataSource would on connect: ${error}`);
      }
    }
  }
  return outcomes;
}

/** The comment lines an offline script starts with: what a connecting DataSource would have created. */
export function offlineExtensionsNote(names: readonly string[]): string {
  if (names.length === 0) return '';
  return (
    sqlComment("Created before the migrations, outside this script, as TypeORM's DataSource does on connect (installExtensions):") +
    names.map((name) => sqlComment(`${createExtensionSql(name)};`)).join('')
  );
}
