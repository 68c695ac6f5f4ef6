/**
 * Scratch databases on a server: named after their owner (marker.ts), created empty from template0
 * (what a fresh database is before any migration, whatever the server's template1 holds), dropped
 * after use, and swept by a later run when their owner was killed outright (sweep.ts).
 *
 * Interrupt-safe: the drop is registered before CREATE DATABASE is sent, and a SIGINT/SIGTERM that
 * arrives while the CREATE is in flight waits for its answer and then drops what it made.
 */
import type { Client } from 'pg';
import { describeServer, messageOf } from '../db/connect';
import { createDatabaseOn, databaseUrl, dropDatabaseOn, onMaintenanceDatabase } from '../db/databases';
import { quoteIdent } from '../sql/quote';
import { redactSecrets } from '../db/redact';
import { DatabaseError } from '../errors';
import { pauseAt } from '../runner/pause';
import { timed } from '../timings';
import { withCleanup } from './interrupt';
import { currentOwner, scratchName } from './marker';
import { sweepStaleScratchDatabases } from './sweep';

export { SCRATCH_PREFIX } from './marker';

export interface ScratchDatabase {
  name: string;
  url: string;
  /** host:port, for messages. */
  server: string;
}

const hostPort = (serverUrl: string) => describeServer(serverUrl).replace(/\/.*$/, '');

async function createError(client: Client, serverUrl: string, error: unknown): Promise<DatabaseError> {
  if ((error as { code?: string }).code === '42501') {
    const role = await client.query<{ r: string }>('SELECT current_user AS r').then((r) => r.rows[0].r, () => new URL(serverUrl).username);
    return new DatabaseError(`role "${role}" lacks CREATEDB on server ${hostPort(serverUrl)}: grant it or pass --scratch-url`, { cause: error });
  }
  return new DatabaseError(`cannot create scratch database on ${hostPort(serverUrl)}: ${redactSecrets(messageOf(error), serverUrl)}`, { cause: error });
}

export async function dropScratchDatabase(serverUrl: string, name: string): Promise<void> {
  await onMaintenanceDatabase(serverUrl, (client) => dropDatabaseOn(client, name));
}

export interface OnServerOptions {
  log?: (line: string) => void;
  /** The server is one only this process uses (the embedded one): see sweep.ts. */
  exclusive?: boolean;
  /**
   * Work of the caller's to do while the server creates the database (CREATE DATABASE copies a
   * template for a fifth of a second or more): loading what `fn` will run. Its error, if any, is thrown
   * once the database exists, so that the drop finds what was made.
   */
  meanwhile?: () => void;
}

/**
 * Sweeps the server, creates a scratch database there, runs `fn` with it and drops it: after
 * success, after a failure, and on SIGINT/SIGTERM (then the process ends with 130/143).
 */
export async function withScratchOn<T>(serverUrl: string, fn: (db: ScratchDatabase) => Promise<T>, opts: OnServerOptions = {}): Promise<T> {
  const log = opts.log ?? (() => undefined);
  const name = scratchName(currentOwner());
  /** The CREATE DATABASE, once sent: until then there is nothing to drop. */
  let sent: Promise<unknown> | undefined;
  const drop = async () => {
    if (!sent) return;
    const made = await sent.then(
      () => true,
      () => false,
    );
    try {
      // A CREATE whose answer was lost (a broken connection) may still have committed: IF EXISTS either way.
      await dropScratchDatabase(serverUrl, name);
    } catch (error) {
      if (made) throw error;
      return;
    }
    if (made) log(`Dropped scratch database ${name}`);
  };
  return withCleanup(() => timed('scratch', drop), async () => {
    await timed('scratch', () => onMaintenanceDatabase(serverUrl, async (client) => {
      await sweepStaleScratchDatabases(client, { exclusive: opts.exclusive, log });
      await pauseAt('scratch:before-create');
      const creating = createDatabaseOn(client, name, { empty: true });
      sent = creating;
      // Observed here and by `drop`; never an unhandled rejection while paused.
      creating.catch(() => undefined);
      await pauseAt('scratch:creating');
      let meanwhileError: { error: unknown } | undefined;
      try {
        opts.meanwhile?.();
      } catch (error) {
        meanwhileError = { error };
      }
      try {
        await creating;
      } catch (error) {
        throw await createError(client, serverUrl, error);
      }
      if (meanwhileError) throw meanwhileError.error;
      // A scratch database is thrown away: its commits need not wait for the disk. A replay commits once
      // per migration, and waiting for each flush was most of its time. Its owner may set this; a
      // server that refuses leaves the replay slower, not wrong.
      await client.query(`ALTER DATABASE ${quoteIdent(name)} SET synchronous_commit = off`).catch(() => undefined);
    }));
    const db: ScratchDatabase = { name, url: databaseUrl(serverUrl, name), server: hostPort(serverUrl) };
    log(`Created scratch database ${name} on ${db.server}`);
    await pauseAt('scratch:created');
    return fn(db);
  });
}
