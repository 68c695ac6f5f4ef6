/**
 * A scratch database's name says who made it, so that a later run can tell a database left behind by
 * a killed run from one a live run is using, on any server:
 * `ormdiff_scratch_<host>_<pid>_<started>_<random>` — `host` the first 8 hex digits of sha256 of the
 * machine's hostname (and pid namespace), `pid` the owner process in base 36, `started` the creation time in seconds since
 * 1970 in base 36. The name is written by the CREATE DATABASE itself, so there is no moment at which
 * the database exists unmarked.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

export const SCRATCH_PREFIX = 'ormdiff_scratch_';

export interface ScratchOwner {
  /** sha256 of the hostname (and pid namespace), 8 hex digits. */
  host: string;
  pid: number;
  /** Milliseconds since 1970, to the second. */
  startedAt: number;
}

/**
 * Where pids mean the same thing: the hostname, and on Linux the pid namespace too, so two containers
 * that share a hostname (host networking) never take each other's live processes for gone ones.
 */
function machine(): string {
  let namespace = '';
  try {
    namespace = readlinkSync('/proc/self/ns/pid');
  } catch {
    // Not Linux: the hostname alone.
  }
  return namespace ? `${hostname()} ${namespace}` : hostname();
}

export function hostTag(name: string = machine()): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 8);
}

/** This process, now. */
export function currentOwner(): ScratchOwner {
  return { host: hostTag(), pid: process.pid, startedAt: Date.now() };
}

/** Pure but for the random suffix (given in tests). */
export function scratchName(owner: ScratchOwner, suffix: string = randomBytes(3).toString('hex')): string {
  return `${SCRATCH_PREFIX}${owner.host}_${owner.pid.toString(36)}_${Math.floor(owner.startedAt / 1000).toString(36)}_${suffix}`;
}

const MARKED = /^ormdiff_scratch_([0-9a-f]{8})_([0-9a-z]+)_([0-9a-z]+)_[0-9a-f]+$/;

/**
 * The owner a scratch database's name records; undefined for a name with the prefix but no owner
 * (made by an older ormdiff, or by hand), which only a server no one else uses may treat as stale.
 */
export function ownerOf(name: string): ScratchOwner | undefined {
  const m = MARKED.exec(name);
  if (!m) return undefined;
  return { host: m[1], pid: parseInt(m[2], 36), startedAt: parseInt(m[3], 36) * 1000 };
}
