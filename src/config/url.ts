/** The connection URL of a Postgres DataSourceOptions, for ormdiff's own connections. */
import type { DataSourceOptions } from 'typeorm';
import type { ConnectionSettings } from '../db/connect';

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
