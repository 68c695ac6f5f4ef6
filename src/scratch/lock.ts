/**
 * One ormdiff at a time per embedded data directory: a second run waits rather than starting a second
 * server on the same files (Postgres would refuse) or stopping the first run's server under it.
 *
 * The lock is proper-lockfile's: a directory made atomically (mkdir), its mtime refreshed while the
 * owner lives; one not refreshed for STALE_MS belongs to a run that died (kill -9) and is taken over
 * (the caller then stops whatever server that run left running). proper-lockfile takes a stale lock
 * over by stat → rmdir → mkdir, so two runs that both saw it stale could both pass: the second rmdir
 * would remove the lock the first had just made, and the second run would stop the first one's
 * server. Every attempt is therefore made under a short-lived guard lock, so one run at a time looks
 * at (and may take over) the main lock; the other then finds it fresh and waits.
 */
import lockfile from 'proper-lockfile';
import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError } from '../errors';

export interface FileLock {
  release(): Promise<void>;
}

/** A lock not refreshed for this long is a dead run's. Long enough for an event loop blocked by a cold compile. */
export const STALE_MS = 20_000;
const UPDATE_MS = 2_000;
/** The guard is held for a few milliseconds; one left by a run killed in between is stale after this. */
const GUARD_STALE_MS = 5_000;

const isLocked = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ELOCKED';

export interface LockOptions {
  timeoutMs: number;
  /** Told once, when the lock is held by another live run. */
  onWait?: () => void;
  /** Another process took the lock although this run held it (its refreshes stalled for STALE_MS). */
  onCompromised?: (error: Error) => void;
}

export async function acquireFileLock(file: string, opts: LockOptions): Promise<FileLock> {
  const deadline = Date.now() + opts.timeoutMs;
  let told = false;
  for (;;) {
    // proper-lockfile keys its locks by the first argument: the guard needs its own.
    const releaseGuard = await lockfile.lock(`${file}.guard`, {
      lockfilePath: `${file}.guard`,
      realpath: false,
      stale: GUARD_STALE_MS,
      retries: { forever: true, minTimeout: 20, maxTimeout: 100, randomize: true },
    });
    try {
      const release = await lockfile.lock(file, {
        lockfilePath: file,
        realpath: false,
        stale: STALE_MS,
        update: UPDATE_MS,
        onCompromised: (error) => opts.onCompromised?.(error),
      });
      return { release: () => release().catch(() => undefined) };
    } catch (error) {
      if (!isLocked(error)) throw error;
    } finally {
      await releaseGuard().catch(() => undefined);
    }
    if (Date.now() > deadline) {
      throw new UsageError(`the embedded PostgreSQL is in use by another ormdiff (lock ${file}); try again when it is done`);
    }
    if (!told) opts.onWait?.();
    told = true;
    await sleep(200);
  }
}
