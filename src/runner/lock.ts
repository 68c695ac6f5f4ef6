/**
 * The advisory lock that makes concurrent runs on one database take turns. Session-level, on the
 * connection the migrations run on, so it outlives each migration's transaction and dies with
 * the connection if the process does.
 */
import { createHash } from 'node:crypto';
import { LockTimeoutError } from './errors';
import type { Session } from './session';

/** 'ormd': the first key of the two-key form, so other applications' advisory locks cannot collide by accident. */
const CLASS_KEY = 0x6f726d64;

/** The second key: one lock per version-table schema, so two ormdiff-managed schemas in one database do not wait for each other. */
export function lockKey(schema: string): number {
  return createHash('sha256').update(`ormdiff:${schema}`).digest().readUInt32BE(0) & 0x7fffffff;
}

interface Holder {
  pid: number;
  application_name: string | null;
  client_addr: string | null;
  backend_start: Date | null;
  state: string | null;
}

/**
 * Polls pg_try_advisory_lock rather than blocking in pg_advisory_lock: a blocked waiter holds a
 * snapshot for as long as it waits, and CREATE INDEX CONCURRENTLY in the holder's
 * non-transactional migration waits for every older snapshot, which deadlocks the two.
 */
export async function acquireLock(session: Session, schema: string, timeoutMs: number, pollMs = 50): Promise<void> {
  const key = lockKey(schema);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ locked }] = await session.direct<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [CLASS_KEY, key]);
    if (locked) return;
    const left = deadline - Date.now();
    if (left <= 0) break;
    await new Promise((wake) => setTimeout(wake, Math.min(left, pollMs * (0.5 + Math.random()))));
  }
  const holders = await session.direct<Holder>(
    `SELECT l.pid, a.application_name, a.client_addr::text AS client_addr, a.backend_start, a.state
       FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 2
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [CLASS_KEY, key],
  );
  const h = holders[0];
  const who = h
    ? `pid ${h.pid} (${h.application_name || 'no application name'}${h.client_addr ? ` from ${h.client_addr}` : ''}, connected since ${h.backend_start?.toISOString() ?? '?'}, ${h.state ?? '?'})`
    : 'a session that has since let go';
  throw new LockTimeoutError(
    `Timed out after ${timeoutMs} ms waiting for the ormdiff migration lock on schema ${schema}: it is held by ${who}. ` +
      'Wait for that run to finish, or if it is stuck end it with SELECT pg_terminate_backend(<pid>).',
  );
}

export async function releaseLock(session: Session, schema: string): Promise<void> {
  await session.direct('SELECT pg_advisory_unlock($1, $2)', [CLASS_KEY, lockKey(schema)]);
}
