import type { Client, ClientConfig } from 'pg';
import { DatabaseError } from '../errors';
import { redactSecrets, redactUrl } from './redact';

/** Where in the URL the server is, for messages: host, port and database, never the password. */
export function describeServer(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}/${decodeURIComponent(u.pathname.slice(1)) || '(default)'}`;
  } catch {
    return redactUrl(url);
  }
}

/**
 * What a connection needs beyond its URL (TLS, pg settings such as statement_timeout or `options`):
 * what the project's DataSource gives TypeORM in `ssl` and `extra`. Which server and database the
 * URL says; so the settings never name them.
 */
export type ConnectionSettings = Omit<ClientConfig, 'connectionString' | 'host' | 'port' | 'database'>;

/**
 * Settings per server (host:port), for every database on it: the project's own, the maintenance
 * database ormdiff creates databases from, and scratch databases beside the project's. Registered once
 * the project's URL is known; an embedded or other server never gets them.
 */
const settingsByServer = new Map<string, ConnectionSettings>();

function serverKey(url: string): string | undefined {
  try {
    const u = new URL(url);
    return `${u.hostname.toLowerCase()}:${u.port || '5432'}`;
  } catch {
    return undefined;
  }
}

export function useConnectionSettings(url: string, settings: ConnectionSettings): void {
  const key = serverKey(url);
  if (key) settingsByServer.set(key, settings);
}

/** The settings registered for the server of `url` (empty when none). */
export function connectionSettings(url: string): ConnectionSettings {
  const key = serverKey(url);
  return (key && settingsByServer.get(key)) || {};
}

/** server_version as the server announced it at start-up (ParameterStatus), so asking costs no round trip. */
const serverVersions = new WeakMap<object, string>();

/** The server's version (`15.4 (Debian 15.4-1)`) of a client opened by `connect`, when the server announced it. */
export function serverVersionOf(client: object): string | undefined {
  return serverVersions.get(client);
}

/** The URL each client opened by `connect` was opened with. */
const urls = new WeakMap<object, string>();

/** The URL a client opened by `connect` was opened with (undefined for any other client): where another connection like it goes. */
export function urlOf(client: object): string | undefined {
  return urls.get(client);
}

let loadedPg: typeof import('pg') | undefined;

/**
 * The driver, loaded on first use: `--help`, `--version` and the messages (messageOf) need none.
 * As it loads, pg asks whether it runs in a Cloudflare Worker: from `navigator` where there is one
 * (Node 21+), else by constructing a `Response`, which on Node 20 loads Node's whole fetch
 * implementation (undici), a fifth of the start-up of a run that finds nothing to change. For the
 * length of the require it gets the answer Node 21 would give; nothing else runs meanwhile.
 */
function pg(): typeof import('pg') {
  if (loadedPg) return loadedPg;
  const global = globalThis as { navigator?: unknown };
  const standIn = global.navigator === undefined;
  if (standIn) Object.defineProperty(globalThis, 'navigator', { value: { userAgent: `Node.js/${process.versions.node.split('.')[0]}` }, configurable: true, writable: true });
  try {
    return (loadedPg = require('pg') as typeof import('pg'));
  } finally {
    if (standIn) delete global.navigator;
  }
}

let roundTrips = 0;

/** Queries sent to the server over connections opened by `connect` in this process (a multi-statement query counts once). */
export function roundTripCount(): number {
  return roundTrips;
}

/** Opens one connection; any failure becomes a one-line DatabaseError that names the server. */
export async function connect(url: string): Promise<Client> {
  // The project's settings win over ormdiff's defaults, as `extra` does in TypeORM; the URL over both.
  const { Client: PgClient } = pg();
  const client = new PgClient({ application_name: 'ormdiff', connectionTimeoutMillis: 15000, ...connectionSettings(url), connectionString: url });
  // An idle client whose server goes away emits 'error'; without a listener that would crash the process.
  client.on('error', () => undefined);
  // pg does not keep the start-up parameters; its connection emits them before `connect` resolves.
  const connection = (client as unknown as { connection?: { on?(event: string, listener: (m: { parameterName: string; parameterValue: string }) => void): void } }).connection;
  connection?.on?.('parameterStatus', (m) => {
    if (m.parameterName === 'server_version') serverVersions.set(client, m.parameterValue);
  });
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    roundTrips++;
    return query(...args);
  }) as typeof client.query;
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new DatabaseError(
      `cannot connect to database ${describeServer(url)}: ${redactSecrets(messageOf(error), url)}`,
      { cause: error },
    );
  }
  urls.set(client, url);
  return client;
}

export function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] || (error as { code?: string })?.code || 'unknown error';
}

export async function withConnection<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = await connect(url);
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
