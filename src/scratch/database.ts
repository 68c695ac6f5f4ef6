/**
 * Scratch databases on a server: `ormdiff_scratch_<random>`, created empty from template0 (what a
 * fresh database is before any migration, whatever the server's template1 holds) and dropped with
 * FORCE, so a connection a killed migration left open cannot keep it alive.
 */
import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { connect, describeServer, messageOf } from '../db/connect';
import { redactSecrets } from '../db/redact';
import { DatabaseError } from '../errors';
import { quoteIdent } from '../sql/quote';

export const SCRATCH_PREFIX = 'ormdiff_scratch_';

export function scratchName(): string {
  return SCRATCH_PREFIX + randomBytes(6).toString('hex');
}

/** The same server and credentials, another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = '/' + encodeURIComponent(database);
  return u.toString();
}

/** A connection to the server's maintenance database, from which databases are created and dropped. */
async function onServer<T>(serverUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
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

export interface ScratchDatabase {
  name: string;
  url: string;
  /** host:port, for messages. */
  server: string;
}

export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = scratchName();
  await onServer(serverUrl, async (client) => {
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`);
    } catch (error) {
      const hint = (error as { code?: string }).code === '42501' ? ' (grant the role CREATEDB, or pass --scratch-url for another server)' : '';
      throw new DatabaseError(
        `cannot create scratch database on ${describeServer(serverUrl).replace(/\/.*$/, '')}: ${redactSecrets(messageOf(error), serverUrl)}${hint}`,
        { cause: error },
      );
    }
  });
  return { name, url: databaseUrl(serverUrl, name), server: describeServer(serverUrl).replace(/\/.*$/, '') };
}

export async function dropScratchDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/**
 * Drops every scratch database on a server only this process uses (the embedded one, under its
 * lock): any found there were left by a run killed outright (kill -9), which no handler can catch.
 */
export async function dropOrphanedScratchDatabases(serverUrl: string): Promise<string[]> {
  return onServer(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_catalog.pg_database WHERE starts_with(datname, $1) ORDER BY datname', [
      SCRATCH_PREFIX,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    return rows.map((r) => r.datname);
  });
}
