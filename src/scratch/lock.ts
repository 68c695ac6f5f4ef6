/**
 * One ormdiff at a time per embedded data directory: a second run waits rather than starting a
 * second server on the same files (Postgres would refuse) or stopping the first run's server under
 * it. The lock is a file holding the owner's pid; an owner that died (kill -9) leaves a stale lock,
 * which is taken over (the caller then stops whatever server that owner left running).
 */
import { openSync, closeSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError } from '../errors';

export interface FileLock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(file: string): boolean {
  try {
    const fd = openSync(file, 'wx', 0o600);
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function ownerOf(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export async function acquireFileLock(file: string, opts: { timeoutMs: number; onWait?: (pid: number) => void }): Promise<FileLock> {
  const deadline = Date.now() + opts.timeoutMs;
  let told = false;
  for (;;) {
    if (tryCreate(file)) {
      return {
        release: () => {
          if (ownerOf(file) === process.pid) unlinkSync(file);
        },
      };
    }
    const owner = ownerOf(file);
    // No pid yet: its owner is between creating the file and writing to it.
    if (owner !== undefined && !alive(owner)) {
      try {
        unlinkSync(file);
      } catch {
        // Already taken over by another waiter.
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new UsageError(`the embedded PostgreSQL is in use by another ormdiff (pid ${owner ?? '?'}, lock ${file}); try again when it is done`);
    }
    if (!told && owner !== undefined) opts.onWait?.(owner);
    told = true;
    await sleep(200);
  }
}
