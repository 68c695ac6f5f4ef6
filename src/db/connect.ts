import { Client } from 'pg';
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

/** Opens one connection; any failure becomes a one-line DatabaseError that names the server. */
export async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'ormdiff', connectionTimeoutMillis: 15000 });
  // An idle client whose server goes away emits 'error'; without a listener that would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
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

export async function withConnection<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = await connect(url);
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
