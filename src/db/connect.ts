import { Client } from 'pg';
import { DatabaseError } from '../errors';
import { quoteIdent } from '../sql/quote';
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

export interface ConnectOptions {
  /** Create the database when the server says it does not exist (as `prisma migrate dev` does). */
  createIfMissing?: boolean;
  /** Told when the database had to be created. */
  onCreated?: (database: string) => void;
}

async function createDatabaseFor(url: string): Promise<string> {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.slice(1));
  u.pathname = '/postgres';
  const admin = new Client({ connectionString: u.toString(), connectionTimeoutMillis: 15000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
  } catch (error) {
    // Another process may have created it in the meantime.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await admin.end().catch(() => undefined);
  }
  return database;
}

/** Opens one connection; any failure becomes a one-line DatabaseError that names the server. */
export async function connect(url: string, options: ConnectOptions = {}): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'ormdiff', connectionTimeoutMillis: 15000 });
  // An idle client whose server goes away emits 'error'; without a listener that would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    if (options.createIfMissing && (error as { code?: string }).code === '3D000') {
      try {
        options.onCreated?.(await createDatabaseFor(url));
      } catch (createError) {
        throw new DatabaseError(
          `cannot create database ${describeServer(url)}: ${redactSecrets(messageOf(createError), url)}`,
          { cause: createError },
        );
      }
      return connect(url, { ...options, createIfMissing: false });
    }
    throw new DatabaseError(
      `cannot connect to database ${describeServer(url)}: ${redactSecrets(messageOf(error), url)}`,
      { cause: error },
    );
  }
  return client;
}

export function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] || (error as { code?: string })?.code || 'unknown error';
}

export async function withConnection<T>(
  url: string,
  fn: (client: Client) => Promise<T>,
  options: ConnectOptions = {},
): Promise<T> {
  const client = await connect(url, options);
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
