/**
 * Whole databases on a server: the URL of another database there, the maintenance connection they
 * are created and dropped from, and the two statements. Scratch databases, per-test databases and
 * the project's own database (created when missing) all go through here.
 */
import type { Client } from 'pg';
import { DatabaseError } from '../errors';
import { quoteIdent } from '../sql/quote';
import { connect, describeServer, messageOf } from './connect';
import { redactSecrets } from './redact';

/** The same server and credentials, another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = '/' + encodeURIComponent(database);
  return u.toString();
}

/** A connection to the server's maintenance database, from which databases are created and dropped. */
export async function onMaintenanceDatabase<T>(serverUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  let client: Client;
  try {
    client = await connect(databaseUrl(serverUrl, 'postgres'));
  } catch (error) {
    // A server without a `postgres` database still has template1.
    if ((error as { cause?: { code?: string } }).cause?.code !== '3D000') throw error;
    client = await connect(databaseUrl(serverUrl, 'template1'));
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * `template0` gives what a fresh database is before any migration, whatever the server's template1
 * holds; the project's own database keeps the server's default template.
 */
export async function createDatabaseOn(client: Pick<Client, 'query'>, name: string, options: { empty?: boolean } = {}): Promise<void> {
  await client.query(`CREATE DATABASE ${quoteIdent(name)}${options.empty ? ' TEMPLATE template0' : ''}`);
}

/**
 * Ends the connections to the database first, so one a killed run left open cannot keep it alive:
 * WITH (FORCE) from PostgreSQL 13, pg_terminate_backend before that.
 */
export async function dropDatabaseOn(client: Pick<Client, 'query'>, name: string): Promise<void> {
  const { rows } = await client.query<{ v: number }>("SELECT current_setting('server_version_num')::int AS v");
  if (rows[0].v >= 130000) {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    return;
  }
  await client.query('SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity WHERE datname = $1 AND pid <> pg_catalog.pg_backend_pid()', [name]);
  await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
}

/** Connects, creating the database first when the server says it does not exist (as `prisma migrate dev` does). */
export async function connectCreatingIfMissing(url: string, onCreated: (database: string) => void): Promise<Client> {
  try {
    return await connect(url);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== '3D000') throw error;
  }
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  try {
    await onMaintenanceDatabase(url, async (client) => {
      try {
        await createDatabaseOn(client, database);
      } catch (error) {
        // Another process may have created it in the meantime.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    });
  } catch (error) {
    throw new DatabaseError(`cannot create database ${describeServer(url)}: ${redactSecrets(messageOf(error), url)}`, { cause: error });
  }
  onCreated(database);
  return connect(url);
}
