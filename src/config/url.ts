/** The connection URL of a Postgres DataSourceOptions, for ormdiff's own connections. */
import type { DataSourceOptions } from 'typeorm';

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
