/**
 * Sweeping scratch databases that runs left behind: a run killed outright (kill -9, a lost machine)
 * can drop nothing. Every run that uses a scratch database sweeps the server first. A database is
 * stale when the name's owner (marker.ts) is a process of this host that is gone (or whose pid a
 * later process now has), or belongs to another host and is older than any run could take; a live
 * run's database is never touched.
 */
import { readFileSync } from 'node:fs';
import type { Client } from 'pg';
import { messageOf } from '../db/connect';
import { dropDatabaseOn } from '../db/databases';
import { hostTag, ownerOf, SCRATCH_PREFIX } from './marker';

/** Another host's processes cannot be seen from here: its databases are judged by age alone. */
export const FOREIGN_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * How much later than the database's name says a process may have started and still be its owner:
 * the name keeps whole seconds, /proc's boot time is whole seconds, and the wall clock may have been
 * stepped since either was read.
 */
export const START_SLACK_MS = 10_000;

export interface Vantage {
  host: string;
  now: number;
  alive(pid: number): boolean;
  /** When the process with this pid started (ms since 1970), where the OS tells; else undefined. */
  startedAt?(pid: number): number | undefined;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux's clock ticks per second for /proc (USER_HZ, fixed by the kernel's ABI). */
const USER_HZ = 100;

/**
 * From /proc: the boot time plus the process's start in ticks since boot (field 22 of its stat, counted
 * after the command name, which may itself hold spaces and parentheses). Undefined off Linux.
 */
export function processStartedAt(pid: number): number | undefined {
  try {
    const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    if (!Number.isFinite(bootSeconds) || !Number.isFinite(ticks)) return undefined;
    return bootSeconds * 1000 + (ticks * 1000) / USER_HZ;
  } catch {
    return undefined;
  }
}

/** This host, as a sweep sees it now. */
export function localVantage(): Vantage {
  return { host: hostTag(), now: Date.now(), alive: processAlive, startedAt: processStartedAt };
}

/**
 * Pure: whether a scratch database is left over. `exclusive`: the server is one only this process
 * uses (the embedded one, under its lock), where even a database with no owner in its name (an older
 * ormdiff's) can only be left over.
 */
export function isStale(name: string, here: Vantage, exclusive: boolean): boolean {
  const owner = ownerOf(name);
  if (!owner) return exclusive;
  if (owner.host === here.host) {
    if (!here.alive(owner.pid)) return true;
    // A process that started after the database was made is not the one that made it: the pid was reused.
    const began = here.startedAt?.(owner.pid);
    return began !== undefined && began > owner.startedAt + START_SLACK_MS;
  }
  return here.now - owner.startedAt > FOREIGN_MAX_AGE_MS;
}

export interface SweepOptions {
  exclusive?: boolean;
  log?: (line: string) => void;
}

/**
 * Drops the stale scratch databases on the server `client` is connected to (connections to them are
 * ended first: a killed run's backend may linger). One that cannot be dropped (another role's) is
 * reported and left; the run goes on.
 */
/** How long a sweep waits for a gone run's CREATE DATABASE to finish (a large template copies for a while). */
const ORPHAN_CREATE_WAIT_MS = 10_000;

/**
 * Waits while a gone run's CREATE DATABASE still runs on the server: a run killed right after sending it
 * leaves the server creating a database nobody will drop, invisible to pg_database until it commits.
 * The next run starts fast enough to look before that.
 */
async function orphanCreatesDone(client: Client, here: Vantage, exclusive: boolean): Promise<void> {
  const deadline = Date.now() + ORPHAN_CREATE_WAIT_MS;
  for (;;) {
    const { rows } = await client.query<{ query: string }>(
      "SELECT query FROM pg_catalog.pg_stat_activity WHERE state = 'active' AND pid <> pg_catalog.pg_backend_pid() AND left(query, $2) = $1",
      [`CREATE DATABASE "${SCRATCH_PREFIX}`, `CREATE DATABASE "${SCRATCH_PREFIX}`.length],
    );
    const orphans = rows.map((r) => /^CREATE DATABASE "([^"]+)"/.exec(r.query)?.[1]).filter((name) => name !== undefined && isStale(name, here, exclusive));
    if (orphans.length === 0 || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function sweepStaleScratchDatabases(client: Client, opts: SweepOptions = {}): Promise<string[]> {
  const log = opts.log ?? (() => undefined);
  await orphanCreatesDone(client, localVantage(), opts.exclusive ?? false);
  const { rows } = await client.query<{ datname: string }>(
    'SELECT datname FROM pg_catalog.pg_database WHERE left(datname, $2) = $1 ORDER BY datname',
    [SCRATCH_PREFIX, SCRATCH_PREFIX.length],
  );
  const here = localVantage();
  const dropped: string[] = [];
  for (const { datname } of rows) {
    if (!isStale(datname, here, opts.exclusive ?? false)) continue;
    try {
      await dropDatabaseOn(client, datname);
      dropped.push(datname);
      log(`Dropped stale scratch database ${datname} (the run that made it is gone)`);
    } catch (error) {
      log(`Could not drop stale scratch database ${datname}: ${messageOf(error)}`);
    }
  }
  return dropped;
}
