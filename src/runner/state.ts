/**
 * What the database says about itself: current heads, the checksum each applied revision was
 * recorded with, unresolved half-done migrations, and the history log. Also the bookkeeping
 * writes of a failing run, which happen outside the script (offline runs cannot fail that way).
 */
import { quoteLiteral } from '../sql/quote';
import { ConnectionError, truncate } from './errors';
import type { Session } from './session';
import { BLOCKING_STATUSES, Tables } from './sql';

export interface BlockingRecord {
  id: number;
  revision: string;
  operation: string;
  status: 'started' | 'failed';
  file: string | null;
  startedAt: Date;
  ranBy: string | null;
  message: string | null;
  failedStatement: string | null;
  completedStatements: string[];
}

export interface DbState {
  /** Whether the version table exists yet. */
  initialized: boolean;
  heads: string[];
  /** Latest recorded checksum of each revision recorded as applied. */
  checksums: Map<string, string>;
  blocking: BlockingRecord[];
}

export const EMPTY_STATE: DbState = { initialized: false, heads: [], checksums: new Map(), blocking: [] };

export async function tablesExist(session: Session, t: Tables): Promise<{ version: boolean; history: boolean }> {
  const [row] = await session.direct<{ v: string | null; h: string | null }>('SELECT to_regclass($1)::text AS v, to_regclass($2)::text AS h', [
    t.version,
    t.history,
  ]);
  return { version: row.v !== null, history: row.h !== null };
}

/**
 * A read of one of ormdiff's tables; a role that may not read it gets one line naming the privilege
 * and the table (exit 3), not the driver's message.
 */
export async function readTable<R>(session: Session, table: string, sql: string): Promise<R[]> {
  try {
    return await session.direct<R>(sql);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    const [{ role }] = await session.direct<{ role: string }>('SELECT current_user AS role');
    throw new ConnectionError(`role "${role}" lacks SELECT on table ${table}: grant it (ormdiff reads the database's revision from it)`);
  }
}

export async function readHeads(session: Session, t: Tables): Promise<string[]> {
  const rows = await readTable<{ version_num: string }>(session, t.versionName, `SELECT "version_num" FROM ${t.version} ORDER BY "version_num"`);
  return rows.map((r) => r.version_num);
}

export async function readState(session: Session, t: Tables): Promise<DbState> {
  if (!session.connected) return EMPTY_STATE;
  const exists = await tablesExist(session, t);
  const heads = exists.version ? await readHeads(session, t) : [];
  if (!exists.history) return { initialized: exists.version, heads, checksums: new Map(), blocking: [] };
  const sums = await readTable<{ revision: string; checksum: string }>(
    session,
    t.historyName,
    `SELECT DISTINCT ON ("revision") "revision", "checksum" FROM ${t.history}
      WHERE "direction" = 'up' AND "status" = 'applied' AND "checksum" IS NOT NULL ORDER BY "revision", "id" DESC`,
  );
  const blocking = await readTable<Record<string, any>>(
    session,
    t.historyName,
    `SELECT "id", "revision", "operation", "status", "file", "started_at", "ran_by", "message", "failed_statement", "completed_statements"
       FROM ${t.history} WHERE "status" IN (${BLOCKING_STATUSES.map(quoteLiteral).join(', ')}) ORDER BY "id"`,
  );
  return {
    initialized: exists.version,
    heads,
    checksums: new Map(sums.map((r) => [r.revision, r.checksum])),
    blocking: blocking.map((r) => ({
      id: Number(r.id),
      revision: r.revision,
      operation: r.operation,
      status: r.status,
      file: r.file,
      startedAt: r.started_at,
      ranBy: r.ran_by,
      message: r.message,
      failedStatement: r.failed_statement,
      completedStatements: r.completed_statements ?? [],
    })),
  };
}

/** What the next run tells the user about a half-done non-transactional migration. */
export function describeBlocking(b: BlockingRecord, heads: readonly string[]): string {
  const done = b.completedStatements.length
    ? `after completing ${b.completedStatements.length} statement(s) that remain applied: ${b.completedStatements.map((s) => `\`${truncate(s, 120)}\``).join('; ')}`
    : 'before any of its statements completed';
  const how =
    b.status === 'failed'
      ? `failed ${done}; then \`${truncate(b.failedStatement ?? '(in the migration code, not a statement)', 160)}\` failed: ${b.message ?? 'unknown error'}`
      : `was interrupted ${done} (the process died or lost its connection)`;
  return (
    `Migration ${b.revision} (${b.file ?? '?'}) is partly applied: its non-transactional ${b.operation} started at ${b.startedAt.toISOString()}` +
    `${b.ranBy ? ` by ${b.ranBy}` : ''} ${how}. The version table says ${heads.length ? heads.join(', ') : '(base)'}. ` +
    `Repair the database by hand, then rerun with --retry-failed to run ${b.revision} again, or \`ormdiff stamp\` the revision the database is really at.`
  );
}

/** Progress of a non-transactional migration, so even a killed process leaves an exact account. */
export async function recordProgress(session: Session, t: Tables, revision: string, sql: string): Promise<void> {
  await session.direct(
    `UPDATE ${t.history} SET "completed_statements" = array_append(coalesce("completed_statements", '{}'), $1) WHERE "revision" = $2 AND "status" = 'started'`,
    [sql, revision],
  );
}

export async function recordFailure(session: Session, t: Tables, revision: string, statement: string | undefined, message: string): Promise<void> {
  await session.direct(
    `UPDATE ${t.history} SET "status" = 'failed', "message" = $1, "failed_statement" = $2 WHERE "revision" = $3 AND "status" = 'started'`,
    [message, statement ?? null, revision],
  );
}

export async function recordRolledBack(
  session: Session,
  t: Tables,
  row: { revision: string; operation: string; direction: string; checksum: string | null; file: string | null; ranBy: string },
  statement: string | undefined,
  message: string,
): Promise<void> {
  await session.direct(
    `INSERT INTO ${t.history} ("revision", "operation", "direction", "status", "checksum", "file", "ran_by", "message", "failed_statement")
     VALUES ($1, $2, $3, 'rolled back', $4, $5, $6, $7, $8)`,
    [row.revision, row.operation, row.direction, row.checksum, row.file, row.ranBy, message, statement ?? null],
  );
}

export interface HistoryEvent {
  id: number;
  revision: string;
  operation: string;
  direction: 'up' | 'down';
  status: string;
  checksum: string | null;
  file: string | null;
  startedAt: Date;
  appliedAt: Date | null;
  durationMs: number | null;
  dbUser: string;
  ranBy: string | null;
  message: string | null;
}

/** The history table, oldest first (empty if the runner never wrote to this database). */
export async function readHistory(session: Session, t: Tables): Promise<HistoryEvent[]> {
  if (!(await tablesExist(session, t)).history) return [];
  const rows = await session.direct<Record<string, any>>(
    `SELECT "id", "revision", "operation", "direction", "status", "checksum", "file", "started_at", "applied_at", "duration_ms", "db_user", "ran_by", "message"
       FROM ${t.history} ORDER BY "id"`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    revision: r.revision,
    operation: r.operation,
    direction: r.direction,
    status: r.status,
    checksum: r.checksum,
    file: r.file,
    startedAt: r.started_at,
    appliedAt: r.applied_at,
    durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
    dbUser: r.db_user,
    ranBy: r.ran_by,
    message: r.message,
  }));
}
