/**
 * Scratch databases on a server: `ormdiff_scratch_<random>`, created empty from template0 (what a
 * fresh database is before any migration, whatever the server's template1 holds) and dropped with
 * FORCE, so a connection a killed migration left open cannot keep it alive.
 */
import { randomBytes } from 'node:crypto';
import { describeServer, messageOf } from '../db/connect';
import { createDatabaseOn, databaseUrl, dropDatabaseOn, onMaintenanceDatabase } from '../db/databases';
import { redactSecrets } from '../db/redact';
import { DatabaseError } from '../errors';

export const SCRATCH_PREFIX = 'ormdiff_scratch_';

export function scratchName(): string {
  return SCRATCH_PREFIX + randomBytes(6).toString('hex');
}

export interface ScratchDatabase {
  name: string;
  url: string;
  /** host:port, for messages. */
  server: string;
}

export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = scratchName();
  await onMaintenanceDatabase(serverUrl, async (client) => {
    try {
      await createDatabaseOn(client, name, { empty: true });
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
  await onMaintenanceDatabase(serverUrl, (client) => dropDatabaseOn(client, name));
}

/**
 * Drops every scratch database on a server only this process uses (the embedded one, under its
 * lock): any found there were left by a run killed outright (kill -9), which no handler can catch.
 */
export async function dropOrphanedScratchDatabases(serverUrl: string): Promise<string[]> {
  return onMaintenanceDatabase(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_catalog.pg_database WHERE starts_with(datname, $1) ORDER BY datname', [
      SCRATCH_PREFIX,
    ]);
    for (const { datname } of rows) await dropDatabaseOn(client, datname);
    return rows.map((r) => r.datname);
  });
}
