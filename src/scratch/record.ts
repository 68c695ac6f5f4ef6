/**
 * Replays a migrations directory on a scratch database and records, for each migration, the
 * statements it ran (every one that went through its QueryRunner: `queryRunner.query` and the
 * schema-builder methods such as `dropTable`, `dropColumn`, `changeColumn`, each with the line of the
 * call in the file) and the schema before and after it. What lint and check judge a migration by.
 */
import type { Client } from 'pg';
import { connect } from '../db/connect';
import { introspect } from '../introspect';
import type { LoadedRevision, RunResult, StepObserver } from '../runner';
import { sourceLine } from '../runner';
import type { Schema } from '../schema/model';
import { replayMigrations, type ReplayOptions } from './index';
import type { RecordedStatement } from '../lint/statements';

export interface RecordedStep {
  revision: string;
  /** Absolute path of the migration file. */
  path: string;
  statements: RecordedStatement[];
  /** Whether it ran in a transaction (`transaction = false` makes it run statement by statement). */
  transactional: boolean;
  before: Schema;
  after: Schema;
}

export interface RecordedReplay {
  run: RunResult;
  /** Each migration applied, in the order it ran. */
  steps: RecordedStep[];
}

const USER_SCHEMAS = `SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' ORDER BY 1`;

async function readSchema(client: Client): Promise<Schema> {
  const { rows } = await client.query<{ nspname: string }>(USER_SCHEMAS);
  return (await introspect(client, { schemas: rows.map((r) => r.nspname) })).schema;
}

interface CallSite {
  getFileName(): string | null | undefined;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The line in `path` of the call that is running now: the first frame of that file on the (async)
 * stack, mapped back to the source. Structured call sites where V8 gives them; the text of the stack
 * where a host formats it first (test runners do). Never throws: a statement without a line is
 * still recorded.
 */
function callSiteIn(path: string): number | undefined {
  const { prepareStackTrace, stackTraceLimit } = Error;
  const holder: { stack?: unknown } = {};
  try {
    Error.prepareStackTrace = (_error, sites) => sites;
    Error.stackTraceLimit = 64;
    Error.captureStackTrace(holder);
    const stack = holder.stack;
    if (Array.isArray(stack)) {
      const site = (stack as CallSite[]).find((s) => s.getFileName() === path);
      const line = site?.getLineNumber();
      return site && line ? sourceLine(path, line, site.getColumnNumber() ?? 1) : undefined;
    }
    if (typeof stack !== 'string') return undefined;
    const frame = new RegExp(`${escapeRegExp(path)}:(\\d+):(\\d+)`).exec(stack);
    return frame ? sourceLine(path, Number(frame[1]), Number(frame[2])) : undefined;
  } catch {
    return undefined;
  } finally {
    Error.prepareStackTrace = prepareStackTrace;
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** Applies every migration (all heads) to the scratch database at `url`, recording each step. */
export async function replayRecorded(url: string, opts: ReplayOptions): Promise<RecordedReplay> {
  const client = await connect(url);
  try {
    const steps: RecordedStep[] = [];
    let before = await readSchema(client);
    let running: { rev: LoadedRevision; statements: RecordedStatement[] } | undefined;
    let ran: RecordedStatement[] = [];
    const observer: StepObserver = {
      enter: (rev, direction) => {
        if (direction === 'up') running = { rev, statements: [] };
      },
      leave: () => {
        ran = running?.statements ?? [];
        running = undefined;
      },
      committed: async (rev, direction) => {
        if (direction !== 'up') return;
        const after = await readSchema(client);
        steps.push({ revision: rev.revision, path: rev.path, statements: ran, transactional: rev.transaction, before, after });
        before = after;
      },
    };
    const onStatement = (s: { sql: string }) => {
      if (running) running.statements.push({ sql: s.sql, line: callSiteIn(running.rev.path) });
    };
    const run = await replayMigrations(url, { ...opts, observer, onStatement });
    return { run, steps };
  } finally {
    await client.end().catch(() => undefined);
  }
}
