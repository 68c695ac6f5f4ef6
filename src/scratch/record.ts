/**
 * Replays a migrations directory on a scratch database and records, for each migration, the
 * statements it ran (every one that went through its QueryRunner: `queryRunner.query` and the
 * schema-builder methods such as `dropTable`, `dropColumn`, `changeColumn`, each with the line of the
 * call in the file) and the schema before and after it. What lint and check judge a migration by.
 */
import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import { connect } from '../db/connect';
import { snapshot } from './snapshot';
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
  /**
   * What the step's judgement depends on: every migration replayed up to and including this one (their
   * bytes, in order) and the database they started from. Equal keys, equal before and after.
   */
  key: string;
  /** sha256 of the statements as they ran. */
  statementsHash: string;
  /** The schema around the step; absent when the caller said its judgement is known (`known`). */
  before?: Schema;
  after?: Schema;
}

export interface RecordedReplay {
  run: RunResult;
  /** Each migration applied, in the order it ran. */
  steps: RecordedStep[];
}

export interface RecordOptions {
  /**
   * Whether the judgement of the step with this key is known already, with the statements it ran then:
   * such a step is replayed but the schema around it is not read (reading it is most of a recorded
   * replay's time). A known step that now runs other statements (a helper it imports changed) is read
   * again from the next replay on: see `RecordedReplay.stale`.
   */
  known?: (key: string) => string | undefined;
  /** What else the judgement depends on (ormdiff's own rules): part of the first key. */
  seed?: string;
  /** Files whose steps nobody will judge (lint of named files): replayed, not read around. */
  skip?: (path: string) => boolean;
}

/** The statements hash of a step nobody judges: matches nothing, so it never makes a replay stale. */
const UNJUDGED = 'unjudged';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The key of the step after `previous`: its file's bytes and whether it runs in a transaction. */
const nextKey = (previous: string, rev: LoadedRevision): string => sha(`${previous}\0${rev.byteChecksum}\0${rev.transaction}`);

export const statementsHash = (statements: readonly RecordedStatement[]): string =>
  sha(statements.map((s) => `${s.line ?? ''}\0${s.sql}`).join('\0\0'));

/** No uses: a step is judged by its schema before and after; the uses are for planning drops. */
const readSchema = (client: Client): Promise<Schema> => snapshot(client, [], { uses: false, prepared: true });

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

/**
 * Applies every migration (all heads) to the scratch database at `url`, recording each step. `stale`
 * names the first known step whose statements differ from those its judgement was made on: its
 * judgement, and those after it, must be made again (with nothing known).
 */
export async function replayRecorded(url: string, opts: ReplayOptions, record: RecordOptions = {}): Promise<RecordedReplay & { stale?: string }> {
  const client = await connect(url);
  try {
    // This connection reads the schema after every step with the same prepared catalog queries: planned
    // once for any parameters, not again for each read (the server's default re-plans some every time).
    // A server before PostgreSQL 12 has no such setting: its reads are slower, not wrong.
    await client.query('SET plan_cache_mode = force_generic_plan').catch(() => undefined);
    const steps: RecordedStep[] = [];
    let before: Schema | undefined = await readSchema(client);
    let key = sha(`${record.seed ?? ''}\0${JSON.stringify(before)}`);
    let stale: string | undefined;
    let running: { rev: LoadedRevision; statements: RecordedStatement[] } | undefined;
    let ran: RecordedStatement[] = [];
    let judged: string | undefined;
    const observer: StepObserver = {
      beforeStep: async (rev, direction) => {
        if (direction !== 'up') return;
        key = nextKey(key, rev);
        judged = record.skip?.(rev.path) ? UNJUDGED : stale ? undefined : record.known?.(key);
        if (judged === undefined && !before) before = await readSchema(client);
      },
      enter: (rev, direction) => {
        if (direction === 'up') running = { rev, statements: [] };
      },
      leave: () => {
        ran = running?.statements ?? [];
        running = undefined;
      },
      committed: async (rev, direction) => {
        if (direction !== 'up') return;
        const step = { revision: rev.revision, path: rev.path, statements: ran, transactional: rev.transaction, key, statementsHash: statementsHash(ran) };
        if (judged !== undefined) {
          if (judged !== UNJUDGED && judged !== step.statementsHash) stale ??= rev.revision;
          steps.push(step);
          before = undefined;
          return;
        }
        const after = await readSchema(client);
        steps.push({ ...step, before, after });
        before = after;
      },
    };
    const onStatement = (s: { sql: string }) => {
      if (running) running.statements.push({ sql: s.sql, line: callSiteIn(running.rev.path) });
    };
    const run = await replayMigrations(url, { ...opts, observer, onStatement });
    return { run, steps, ...(stale ? { stale } : {}) };
  } finally {
    await client.end().catch(() => undefined);
  }
}
