/**
 * Runs a plan, one migration at a time. A transactional migration commits together with its
 * version-table change and history row, so a failure leaves the previous revision. A
 * non-transactional one is bracketed by a `started` history row (plus online progress), so a
 * failure or a crash in the middle leaves an exact account for the next run.
 */
import { MigrationError, truncate, UsageError } from './errors';
import type { LoadedRevision, MigrationGraph } from './load';
import type { Session } from './session';
import { historyApplied, historyFinished, historyStarted, HistoryRow, HISTORY_TABLE, Statement, stepVersionChange, Tables } from './sql';
import { recordFailure, recordProgress, recordRolledBack } from './state';
import type { PlanStep } from './targets';
import { typeormRowChange, type TypeormTableRef } from './typeorm-table';

export interface StepResult {
  revision: string;
  direction: 'up' | 'down';
  file: string;
  message: string;
  transactional: boolean;
  /** Wall time of the step as the runner saw it (0-ish offline). */
  durationMs: number;
  /**
   * What the migration itself sent, in order: its `queryRunner.query` calls and the DDL of TypeORM's
   * schema-builder methods, exactly as written (a USING clause included); not the runner's own
   * transaction and version/history statements.
   */
  statements: Statement[];
}

/**
 * Watches a run step by step (lint replays migrations with one): `enter`/`leave` bracket the
 * migration's own code, so every script statement between them is one the migration ran (through
 * `queryRunner.query` or a schema-builder method), and `committed` follows the step's commit.
 */
export interface StepObserver {
  /** Before the step begins (before its transaction): the place to read the database as it was. */
  beforeStep?(rev: LoadedRevision, direction: 'up' | 'down'): Promise<void>;
  enter?(rev: LoadedRevision, direction: 'up' | 'down'): void;
  leave?(rev: LoadedRevision, direction: 'up' | 'down'): void;
  committed?(rev: LoadedRevision, direction: 'up' | 'down'): Promise<void>;
}

export interface ExecContext {
  session: Session;
  tables: Tables;
  graph: MigrationGraph;
  ranBy: string;
  /** Heads before the first step; kept current as steps commit, for error messages. */
  heads: string[];
  /** TypeORM's migrations table, written with each step when the folder holds adopted TypeORM migrations. */
  typeorm?: TypeormTableRef;
  log?: (line: string) => void;
  observer?: StepObserver;
  onStep?: (step: StepStarted) => void;
}

/** Migration `index` (1-based) of the `total` this run applies begins; for a progress display. */
export interface StepStarted {
  index: number;
  total: number;
  description: string;
}

const OFFLINE_NOTE =
  'Nothing was executed (--sql); offline runs see the catalog as it is now, plus tables made by queryRunner.createTable earlier in the run.';

const showHeads = (heads: readonly string[]) => (heads.length ? heads.join(', ') : '(base)');

export function describeStep(graph: MigrationGraph, step: PlanStep): string {
  const rev = graph.nodes.get(step.revision)!;
  const parents = rev.downRevisions.length ? rev.downRevisions.join(', ') : '<base>';
  const arrow = step.direction === 'up' ? `${parents} -> ${rev.revision}` : `${rev.revision} -> ${parents}`;
  const title = rev.message.split('\n')[0];
  return `Running ${step.direction === 'up' ? 'upgrade' : 'downgrade'} ${arrow}${title ? `, ${title}` : ''}`;
}

function failureOf(err: unknown): { statement?: string; databaseMessage: string } {
  const e = err as { query?: unknown; driverError?: { message?: string } };
  if (typeof e?.query === 'string' && e.driverError) return { statement: e.query, databaseMessage: e.driverError.message ?? String(err) };
  return { databaseMessage: err instanceof Error ? err.message : String(err) };
}

async function rollbackAll(session: Session): Promise<void> {
  try {
    while (session.runner.isTransactionActive) await session.runner.rollbackTransaction();
  } catch {
    // The connection is gone: the server has rolled the transaction back already.
  }
}

/** The version-table change of a step and, for a folder with adopted TypeORM migrations, TypeORM's row. */
function bookkeeping(ctx: ExecContext, step: PlanStep): Statement[] {
  const own = stepVersionChange(ctx.tables, step);
  return ctx.typeorm ? [...own, typeormRowChange(ctx.typeorm, ctx.graph.nodes.get(step.revision)!, step.direction)] : own;
}

export async function runSteps(ctx: ExecContext, steps: readonly PlanStep[]): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const [i, step] of steps.entries()) {
    ctx.onStep?.({ index: i + 1, total: steps.length, description: describeStep(ctx.graph, step) });
    results.push(await runStep(ctx, step));
    ctx.heads = ctx.heads.filter((h) => !step.removeHeads.includes(h)).concat(step.addHeads);
  }
  return results;
}

async function runStep(ctx: ExecContext, step: PlanStep): Promise<StepResult> {
  const { session, tables } = ctx;
  const rev = ctx.graph.nodes.get(step.revision)!;
  const operation = step.direction === 'up' ? 'upgrade' : 'downgrade';
  const row: HistoryRow = { revision: rev.revision, operation, direction: step.direction, checksum: rev.checksum, file: rev.file, ranBy: ctx.ranBy };
  let own: Statement[] = [];
  const body = async () => {
    ctx.observer?.enter?.(rev, step.direction);
    const mark = session.statements.length;
    try {
      await (step.direction === 'up' ? rev.migration.up(session.migrationRunner) : rev.migration.down(session.migrationRunner));
      own = session.statements.slice(mark);
    } finally {
      ctx.observer?.leave?.(rev, step.direction);
    }
  };
  await ctx.observer?.beforeStep?.(rev, step.direction);
  ctx.log?.(describeStep(ctx.graph, step));
  const started = performance.now();

  const fail = (err: unknown, consequence: string): never => {
    if (err instanceof UsageError) throw err;
    const { statement, databaseMessage } = failureOf(err);
    const where = statement ? `statement \`${truncate(statement, 200)}\` failed: ${databaseMessage}` : databaseMessage;
    throw new MigrationError(
      `Migration ${rev.revision} (${rev.file}) failed during ${operation}: ${where}. ${consequence}`,
      rev.revision,
      rev.file,
      statement,
      databaseMessage,
    );
  };

  if (rev.transaction) {
    try {
      await session.runner.startTransaction();
      await body();
      await session.execAll([...bookkeeping(ctx, step), historyApplied(tables, row)]);
      await session.runner.commitTransaction();
    } catch (err) {
      await rollbackAll(session);
      const { statement, databaseMessage } = failureOf(err);
      if (!session.offline) await recordRolledBack(session, tables, row, statement, databaseMessage).catch(() => undefined);
      fail(err, session.offline ? OFFLINE_NOTE : `Rolled back; the database is still at ${showHeads(ctx.heads)}.`);
    }
  } else {
    await session.exec(historyStarted(tables, row));
    let completed = 0;
    if (!session.offline) {
      session.afterStatement = async (s) => {
        completed++;
        await recordProgress(session, tables, rev.revision, s.sql);
      };
    }
    try {
      await body();
    } catch (err) {
      session.afterStatement = undefined;
      const { statement, databaseMessage } = failureOf(err);
      if (!session.offline) await recordFailure(session, tables, rev.revision, statement, databaseMessage).catch(() => undefined);
      fail(
        err,
        session.offline ? OFFLINE_NOTE : `It runs outside a transaction: ${completed} statement(s) before the failure completed and were not undone; ` +
          `this is recorded in ${HISTORY_TABLE} and the version table still says ${showHeads(ctx.heads)}.`,
      );
    }
    session.afterStatement = undefined;
    try {
      await session.runner.startTransaction();
      await session.execAll([...bookkeeping(ctx, step), historyFinished(tables, rev.revision)]);
      await session.runner.commitTransaction();
    } catch (err) {
      await rollbackAll(session);
      fail(err, `All of its statements ran, but recording that failed; ${HISTORY_TABLE} marks it as started and the version table still says ${showHeads(ctx.heads)}.`);
    }
  }
  await ctx.observer?.committed?.(rev, step.direction);
  return {
    revision: rev.revision,
    direction: step.direction,
    file: rev.file,
    message: rev.message,
    transactional: rev.transaction,
    durationMs: performance.now() - started,
    statements: own,
  };
}
