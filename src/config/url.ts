/** The connection URL of a Postgres DataSourceOptions, for ormdiff's own connections. */
import type { DataSourceOptions } from 'typeorm';
import type { ConnectionSettings } from '../db/connect';
import { UsageError } from '../errors';

/** The URL parts pg and TypeORM percent-decode, named for the message (never shown). */
const DECODED_PARTS = [
  ['user name', (u: URL) => u.username],
  ['password', (u: URL) => u.password],
  ['database name', (u: URL) => u.pathname],
  ['query string', (u: URL) => u.search],
] as const;

/**
 * A URL that is not a postgres:// URL, or whose percent-escapes do not decode, is a usage error that
 * names the setting it came from (`where`: `--url`, `DATABASE_URL`, `the url in ormconfig.ts`,
 * `--scratch-url`), caught before any connection attempt. The URL itself is not shown: it may hold
 * the password.
 */
export function checkUrl(url: string | undefined, where: string): string | undefined {
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`${where} is not a URL: expected postgres://user@host:port/database`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new UsageError(`${where} is not a PostgreSQL URL (${parsed.protocol}): expected postgres://user@host:port/database`);
  }
  for (const [part, of] of DECODED_PARTS) {
    try {
      decodeURIComponent(of(parsed));
    } catch {
      throw new UsageError(
        `${where}: the ${part} in the URL has a malformed %-escape (a % must be followed by two hex digits; write %25 for a % itself)`,
      );
    }
  }
  return url;
}

type PostgresOptions = Extract<DataSourceOptions, { type: 'postgres' }>;

/**
 * options.url when given; otherwise one built from host/port/username/password/database (each part
 * percent-encoded, so any password survives the round trip). Undefined when the options name no server.
 */
export function connectionUrl(options: DataSourceOptions): string | undefined {
  const pg = options as PostgresOptions;
  if (pg.url) return pg.url;
  if (pg.host === undefined && pg.database === undefined && pg.username === undefined && pg.port === undefined) return undefined;
  const password = typeof pg.password === 'string' ? pg.password : undefined;
  const auth = pg.username !== undefined ? encodeURIComponent(pg.username) + (password ? `:${encodeURIComponent(password)}` : '') + '@' : '';
  const host = pg.host ?? 'localhost';
  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const database = pg.database !== undefined ? encodeURIComponent(pg.database) : '';
  return `postgres://${auth}${hostPart}:${pg.port ?? 5432}/${database}`;
}

/** Which server and database to use is the URL's to say: `extra` keys naming them are left out. */
const URL_KEYS = new Set(['connectionString', 'host', 'port', 'database']);

/**
 * What TypeORM's Postgres driver gives pg besides the URL: `ssl`, `connectTimeoutMS`, then `extra`
 * over both (pg Pool/Client settings: `ssl`, `statement_timeout`, `application_name`, `options`…).
 * Undefined when the options set none of them.
 */
export function connectionSettingsOf(options: DataSourceOptions): ConnectionSettings | undefined {
  const pg = options as PostgresOptions;
  const settings: Record<string, unknown> = {};
  if (pg.ssl !== undefined) settings.ssl = pg.ssl;
  if (pg.connectTimeoutMS !== undefined) settings.connectionTimeoutMillis = pg.connectTimeoutMS;
  if (pg.extra && typeof pg.extra === 'object') {
    for (const [key, value] of Object.entries(pg.extra as Record<string, unknown>)) if (!URL_KEYS.has(key)) settings[key] = value;
  }
  return Object.keys(settings).length > 0 ? (settings as ConnectionSettings) : undefined;
}
