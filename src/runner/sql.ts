/**
 * The SQL of the runner's own tables. Everything here is literal text (no bind parameters), so the
 * statements an online run executes and the ones `--sql` prints are the same strings.
 */
import { quoteIdent, quoteLiteral, sqlComment } from '../sql/quote';
import type { PlanStep } from './targets';

export const VERSION_TABLE = 'ormdiff_version';
export const HISTORY_TABLE = 'ormdiff_history';

export interface Statement {
  sql: string;
  parameters?: unknown[];
}

export interface Tables {
  schema: string;
  /** Quoted, for SQL. */
  version: string;
  history: string;
  /** `schema.table`, for messages. */
  versionName: string;
  historyName: string;
}

export function tablesIn(schema: string): Tables {
  return {
    schema,
    version: `${quoteIdent(schema)}.${quoteIdent(VERSION_TABLE)}`,
    history: `${quoteIdent(schema)}.${quoteIdent(HISTORY_TABLE)}`,
    versionName: `${schema}.${VERSION_TABLE}`,
    historyName: `${schema}.${HISTORY_TABLE}`,
  };
}

/** History statuses. `started`/`failed` rows of non-transactional migrations block later runs until resolved. */
export type HistoryStatus = 'applied' | 'started' | 'failed' | 'rolled back' | 'abandoned';
export type HistoryOperation = 'upgrade' | 'downgrade' | 'stamp' | 'import' | 'accept changed' | 'checksum upgraded';
export const BLOCKING_STATUSES: HistoryStatus[] = ['started', 'failed'];

export function createTables(t: Tables): Statement[] {
  const out: Statement[] = [];
  if (t.schema !== 'public') out.push({ sql: `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(t.schema)}` });
  out.push({ sql: `CREATE TABLE IF NOT EXISTS ${t.version} ("version_num" varchar(255) NOT NULL PRIMARY KEY)` });
  out.push({
    sql:
      `CREATE TABLE IF NOT EXISTS ${t.history} (` +
      '"id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, ' +
      '"revision" varchar(255) NOT NULL, ' +
      '"operation" text NOT NULL, ' +
      '"direction" text NOT NULL, ' +
      '"status" text NOT NULL, ' +
      '"checksum" text, ' +
      '"file" text, ' +
      '"started_at" timestamptz NOT NULL DEFAULT clock_timestamp(), ' +
      '"applied_at" timestamptz, ' +
      '"duration_ms" double precision, ' +
      '"db_user" text NOT NULL DEFAULT current_user, ' +
      '"ran_by" text, ' +
      '"message" text, ' +
      '"failed_statement" text, ' +
      '"completed_statements" text[])',
  });
  return out;
}

const list = (ids: readonly string[]) => ids.map(quoteLiteral).join(', ');

/** The version-table change of one step: an UPDATE for the common one-for-one case, else DELETE and INSERT. */
export function versionChange(t: Tables, remove: readonly string[], add: readonly string[]): Statement[] {
  if (remove.length === 1 && add.length === 1) {
    return [{ sql: `UPDATE ${t.version} SET "version_num" = ${quoteLiteral(add[0])} WHERE "version_num" = ${quoteLiteral(remove[0])}` }];
  }
  const out: Statement[] = [];
  if (remove.length) out.push({ sql: `DELETE FROM ${t.version} WHERE "version_num" IN (${list(remove)})` });
  if (add.length) out.push({ sql: `INSERT INTO ${t.version} ("version_num") VALUES ${add.map((id) => `(${quoteLiteral(id)})`).join(', ')}` });
  return out;
}

export function stepVersionChange(t: Tables, step: PlanStep): Statement[] {
  return versionChange(t, step.removeHeads, step.addHeads);
}

export interface HistoryRow {
  revision: string;
  operation: HistoryOperation;
  direction: 'up' | 'down';
  checksum: string | null;
  file: string | null;
  ranBy: string;
  message?: string;
}

const lit = (v: string | null | undefined) => (v === null || v === undefined ? 'NULL' : quoteLiteral(v));

function values(r: HistoryRow, status: HistoryStatus, timing: string): string {
  return `(${lit(r.revision)}, ${lit(r.operation)}, ${lit(r.direction)}, ${lit(status)}, ${lit(r.checksum)}, ${lit(r.file)}, ${lit(r.ranBy)}, ${lit(r.message)}, ${timing})`;
}

const COLUMNS = '("revision", "operation", "direction", "status", "checksum", "file", "ran_by", "message", "started_at", "applied_at", "duration_ms")';

/**
 * The history row of a step that ran inside a transaction. now() is the transaction's start, so
 * the database itself measures the duration and the text is the same online and offline.
 */
export function historyApplied(t: Tables, row: HistoryRow): Statement {
  return {
    sql: `INSERT INTO ${t.history} ${COLUMNS} VALUES ${values(row, 'applied', 'now(), clock_timestamp(), 1000 * extract(epoch FROM clock_timestamp() - now())')}`,
  };
}

/** Rows recorded without running anything (stamp, import, accepting a changed file). */
export function historyRecorded(t: Tables, rows: readonly HistoryRow[]): Statement[] {
  if (rows.length === 0) return [];
  return [{ sql: `INSERT INTO ${t.history} ${COLUMNS} VALUES ${rows.map((r) => values(r, 'applied', 'now(), now(), 0')).join(', ')}` }];
}

/** Before a non-transactional step: the marker that tells the next run this one may be half done. */
export function historyStarted(t: Tables, row: HistoryRow): Statement {
  return { sql: `INSERT INTO ${t.history} ${COLUMNS} VALUES ${values(row, 'started', 'clock_timestamp(), NULL, NULL')}` };
}

/** After a non-transactional step succeeded, in the transaction that moves the version table. */
export function historyFinished(t: Tables, revision: string): Statement {
  return {
    sql:
      `UPDATE ${t.history} SET "status" = 'applied', "applied_at" = clock_timestamp(), ` +
      `"duration_ms" = 1000 * extract(epoch FROM clock_timestamp() - "started_at") ` +
      `WHERE "revision" = ${quoteLiteral(revision)} AND "status" = 'started'`,
  };
}

/** Clears the blocking markers once the user has said how the half-done migration was resolved. */
export function resolveBlocking(t: Tables, how: string): Statement {
  return {
    sql: `UPDATE ${t.history} SET "status" = 'abandoned', "message" = coalesce("message" || ' | ', '') || ${quoteLiteral(how)} WHERE "status" IN ('started', 'failed')`,
  };
}

/** A script as `--sql` prints it: one statement per line (or block), each ended by a semicolon. */
export function renderScript(statements: readonly Statement[]): string {
  return statements
    .map((s) => {
      const text = s.sql.trim().replace(/;\s*$/, '');
      return (s.parameters && s.parameters.length ? sqlComment(`parameters: ${JSON.stringify(s.parameters)}`) : '') + text + ';\n';
    })
    .join('');
}
