/**
 * As root the embedded server runs as the OS user `postgres`, which can only use binaries and a data
 * directory it can reach: every directory above them must let it through. A project under /root
 * (mode 700) does not; there ormdiff uses a copy of the binaries and a data directory under the
 * system's temporary directory instead.
 */
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OsUser } from './binaries';

interface Stat {
  mode: number;
  uid: number;
  gid: number;
}

/** Pure: whether `user` may pass through a directory with this owner and mode (supplementary groups not counted). */
export function traversable(stat: Stat, user: OsUser): boolean {
  if (stat.uid === user.uid) return (stat.mode & 0o100) !== 0;
  if (stat.gid === user.gid) return (stat.mode & 0o010) !== 0;
  return (stat.mode & 0o001) !== 0;
}

/** The first existing directory above `target` (itself excluded) that `user` cannot pass; undefined if none. */
export function blockingDirectory(target: string, user: OsUser): string | undefined {
  let dir = path.dirname(path.resolve(target));
  const blocked: string[] = [];
  for (;;) {
    if (existsSync(dir) && !traversable(statSync(dir), user)) blocked.push(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // The one nearest the root is what to fix first.
  return blocked.pop();
}

/** A directory of ormdiff's under the temporary directory, named after what it stands in for. */
export function standIn(kind: string, original: string): string {
  const hash = createHash('sha256').update(path.resolve(original)).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `ormdiff-${kind}-${hash}`);
}

/**
 * A copy of the binaries' `native/` directory the user can reach, made once per package path and
 * version (the copy is complete only once its marker exists, so a copy cut short is redone).
 */
export function reachableNative(nativeDir: string, version: string, user: OsUser): string {
  if (!blockingDirectory(path.join(nativeDir, 'bin', 'postgres'), user)) return nativeDir;
  const target = path.join(standIn('pg-bin', `${nativeDir}@${version}`), 'native');
  const marker = path.join(target, '.complete');
  if (existsSync(marker)) return target;
  const partial = `${target}.${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(path.dirname(target), { recursive: true });
  // Whatever the umask: the server's user must pass.
  chmodSync(path.dirname(target), 0o755);
  cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
  writeFileSync(path.join(partial, '.complete'), version);
  rmSync(target, { recursive: true, force: true });
  renameSync(partial, target);
  return target;
}
