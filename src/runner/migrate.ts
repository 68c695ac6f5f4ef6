/**
 * `upgrade`, `downgrade` and `stamp`: the commands that move the version table.
 */
import { withRun, knownHeads, preflight, RunContext, RunOptions } from './context';
import { UsageError } from './errors';
import { runSteps, StepResult } from './execute';
import { ensureExtensions, ExtensionOutcome, offlineExtensionsNote, resolveExtensions } from './extensions';
import { createTables, historyRecorded, HistoryRow, renderScript, resolveBlocking, Statement, versionChange } from './sql';
import { parseTarget, planDowngrade, planStamp, planUpgrade, PlanStep, Target } from './targets';
import { createTypeormTable, typeormRowChange } from './typeorm-table';

export interface RunResult {
  /** Heads before and after the run. */
  from: string[];
  to: string[];
  steps: StepResult[];
  /** The script, in order: what ran (online) or would run (offline). */
  statements: Statement[];
  /** `statements` as SQL text (what `--sql` prints), after comment lines naming the extensions a connecting DataSource creates. */
  sql: string;
  /** The extensions TypeORM creates on connect, as found (or created) before the first migration ran; none offline. */
  extensions: ExtensionOutcome[];
}

export interface UpgradeOptions extends RunOptions {
  /** Default `head`. With `sql`, may be a range `start:end` (then the database's own state is not consulted). */
  target?: string;
}

export interface DowngradeOptions extends RunOptions {
  target: string;
}

/** `start:end` is only for offline runs, as in Alembic: online the start is always where the database is. */
function splitRange(target: string, offline: boolean): { start?: string; end: string } {
  const colon = target.indexOf(':');
  if (colon < 0) return { end: target };
  if (!offline) throw new UsageError(`A range (${target}) is only for --sql; online runs start where the database is`);
  return { start: target.slice(0, colon), end: target.slice(colon + 1) };
}

function rangeStartHeads(run: RunContext, start: string): string[] {
  const t = parseTarget(run.graph, start || 'base');
  if (t.kind === 'relative') throw new UsageError(`The start of a --sql range must be a revision or base, not ${start}`);
  return t.kind === 'base' ? [] : t.revisions;
}

function finalHeads(from: readonly string[], steps: readonly PlanStep[]): string[] {
  let heads = [...from];
  for (const s of steps) heads = heads.filter((h) => !s.removeHeads.includes(h)).concat(s.addHeads);
  return heads;
}

/**
 * Before the first migration, outside every transaction and the script, but under the lock: what
 * TypeORM's DataSource would have done on connecting (extensions.ts). Offline, a note for the script.
 */
async function connectLikeTypeorm(run: RunContext, opts: RunOptions): Promise<{ outcomes: ExtensionOutcome[]; note: string }> {
  const names = await resolveExtensions(opts.extensions);
  if (run.session.offline) return { outcomes: [], note: offlineExtensionsNote(names) };
  const outcomes = await ensureExtensions((sql, parameters) => run.session.direct(sql, parameters), names, opts.warn);
  return { outcomes, note: '' };
}

async function move(opts: RunOptions, target: string, plan: (run: RunContext, heads: string[], t: Target) => PlanStep[]): Promise<RunResult> {
  const { start, end } = splitRange(target, Boolean(opts.sql));
  // A range says where the script starts, so the database is not consulted (Alembic's offline mode):
  // nothing connects, even when a URL is configured, and the server may well be down.
  const runOpts: RunOptions = start !== undefined ? { ...opts, url: undefined, dataSource: undefined } : opts;
  return withRun(runOpts, async (run) => {
    const from = start !== undefined ? rangeStartHeads(run, start) : knownHeads(run);
    const accepted = start !== undefined ? [] : preflight(run, opts, from);
    const steps = plan(run, from, parseTarget(run.graph, end));
    const to = finalHeads(from, steps);
    const sync = start !== undefined ? [] : run.sync;
    if (steps.length === 0 && accepted.length === 0 && sync.length === 0) return { from, to, steps: [], statements: [], sql: '', extensions: [] };
    for (const s of createTables(run.tables)) await run.session.exec(s);
    await inTransaction(run, [...sync, ...accepted]);
    if (run.typeorm && start !== undefined) for (const s of createTypeormTable(run.typeorm)) await run.session.exec(s);
    const connected = steps.length ? await connectLikeTypeorm(run, opts) : { outcomes: [], note: '' };
    const results = await runSteps(
      { session: run.session, tables: run.tables, graph: run.graph, ranBy: run.ranBy, heads: [...from], log: opts.log, observer: opts.observer, typeorm: run.typeorm, onStep: opts.onStep },
      steps,
    );
    const statements = run.session.statements;
    return { from, to, steps: results, statements, sql: connected.note + renderScript(statements), extensions: connected.outcomes };
  });
}

/** Statements that belong together (the bookkeeping of a command), committed as one. */
async function inTransaction(run: RunContext, statements: readonly Statement[]): Promise<void> {
  if (statements.length === 0) return;
  await run.session.runner.startTransaction();
  try {
    for (const s of statements) await run.session.exec(s);
    await run.session.runner.commitTransaction();
  } catch (err) {
    if (run.session.runner.isTransactionActive) await run.session.runner.rollbackTransaction().catch(() => undefined);
    throw err;
  }
}

export function upgrade(opts: UpgradeOptions): Promise<RunResult> {
  return move(opts, opts.target ?? 'head', (run, heads, t) => planUpgrade(run.graph, heads, t));
}

export function downgrade(opts: DowngradeOptions): Promise<RunResult> {
  if (!opts.target) return Promise.reject(new UsageError('downgrade needs a target: a revision, -N, or base'));
  return move(opts, opts.target, (run, heads, t) => planDowngrade(run.graph, heads, t));
}

export interface StampOptions extends RunOptions {
  /** One target, or several revisions (each may be a prefix, `heads`, `<rev>@head`…). */
  target: string | string[];
  /** Empty the version table first (it names revisions no file declares, or is simply wrong). */
  purge?: boolean;
}

export interface StampResult {
  from: string[];
  to: string[];
  /** Revisions now recorded as applied that were not, and the reverse. */
  added: string[];
  removed: string[];
  statements: Statement[];
  sql: string;
}

function stampTarget(run: RunContext, target: string | string[]): Target {
  const tokens = Array.isArray(target) ? target : [target];
  if (tokens.length === 0) throw new UsageError('stamp needs a target');
  if (tokens.length === 1) return parseTarget(run.graph, tokens[0]);
  const revisions = new Set<string>();
  for (const token of tokens) {
    const t = parseTarget(run.graph, token);
    if (t.kind !== 'revisions') throw new UsageError(`stamp with several targets takes revisions only, not ${token}`);
    for (const r of t.revisions) revisions.add(r);
  }
  return { kind: 'revisions', revisions: [...revisions] };
}

/** Records the database as being at `target` without running any migration (adopting a database, repairing by hand). */
export function stamp(opts: StampOptions): Promise<StampResult> {
  return withRun(opts, async (run) => {
    const from = opts.purge ? [] : knownHeads(run);
    const plan = planStamp(run.graph, from, stampTarget(run, opts.target));
    const removeRows = opts.purge ? run.state.heads : from.filter((h) => !plan.heads.includes(h));
    const addRows = plan.heads.filter((h) => opts.purge || !from.includes(h));
    const statements: Statement[] = [];
    // Stamping says where the database really is, which is what a half-done migration left unknown.
    if (run.state.blocking.length) statements.push(resolveBlocking(run.tables, 'resolved: stamped'));
    if (removeRows.length || addRows.length || plan.added.length || plan.removed.length) {
      const row = (revision: string, direction: 'up' | 'down'): HistoryRow => {
        const rev = run.graph.nodes.get(revision)!;
        return { revision, operation: 'stamp', direction, checksum: rev.checksum, file: rev.file, ranBy: run.ranBy };
      };
      statements.push(
        ...versionChange(run.tables, removeRows, addRows),
        ...historyRecorded(run.tables, [...plan.removed.map((r) => row(r, 'down')), ...plan.added.map((r) => row(r, 'up'))]),
      );
      // TypeORM's table says the same: the rows of what was unstamped go, those of what was stamped come.
      const typeorm = run.typeorm;
      if (typeorm) {
        statements.push(
          ...plan.removed.map((r) => typeormRowChange(typeorm, run.graph.nodes.get(r)!, 'down')),
          ...plan.added.map((r) => typeormRowChange(typeorm, run.graph.nodes.get(r)!, 'up')),
        );
      }
    }
    const result = { from: run.state.heads, to: plan.heads, added: plan.added, removed: plan.removed };
    if (statements.length === 0 && run.sync.length === 0) return { ...result, statements: [], sql: '' };
    for (const s of createTables(run.tables)) await run.session.exec(s);
    await inTransaction(run, [...run.sync, ...statements]);
    return { ...result, statements: run.session.statements, sql: renderScript(run.session.statements) };
  });
}
