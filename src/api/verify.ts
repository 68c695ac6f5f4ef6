/**
 * `ormdiff verify`: the migration pipeline a CI runs, on a scratch database, in one command. Each
 * migration in order goes up → down → up, and the schema is compared after each step, so the one
 * whose `down` does not restore the schema (or whose `up` cannot run twice) is named; then the whole
 * chain goes upgrade heads → downgrade base → upgrade heads, and the result is compared with the
 * entities. The first problem stops the run: what follows it would be measured from a wrong state.
 */
import type { Client } from 'pg';
import { withConnection } from '../db/connect';
import { MigrationError, PartialMigrationError, downgrade, ensureExtensions, loadGraph, upgrade, type RunOptions } from '../runner';
import type { Plan } from '../plan/plan';
import type { Schema } from '../schema/model';
import { scratchSourceFor, withScratchDatabase } from '../scratch';
import { differingObjects, snapshot } from '../scratch/snapshot';
import { compareEntitiesWithDatabase } from './compare';
import { findingMessage } from './check-report';
import { connectExtensionsFor, openProject, type Project, type ProjectOptions } from './project';
import { metadataTableOf } from './typeorm-metadata';
import { historicalRevisions, readBaseline } from '../runner/baseline';

export interface VerifyOptions extends ProjectOptions {
  scratchUrl?: string;
  versionSchema?: string;
  /** Progress: one line per migration verified, and the scratch database's life. */
  log?: (line: string) => void;
}

export interface RevisionRef {
  revision: string;
  file: string;
  message: string;
}

export type VerifyProblem =
  /** A step threw: `up`, `down`, or `up` again after `down`. */
  | { kind: 'stepFailed'; step: 'up' | 'down' | 'up again'; revision: RevisionRef; error: string }
  /** After up → down the schema is not what it was before up. */
  | { kind: 'downDoesNotRestore'; revision: RevisionRef; objects: string[] }
  /** After up → down → up the schema is not what the first up made. */
  | { kind: 'upNotRepeatable'; revision: RevisionRef; objects: string[] }
  /** `downgrade base` does not give the empty database back, or `upgrade heads` then not the same schema. */
  | { kind: 'chainDiffers'; after: 'downgrade base' | 'upgrade heads'; objects: string[] }
  /** The migrations, all applied, are not what the entities describe. */
  | { kind: 'migrationsMissing'; plan: Plan };

export interface VerifyResult {
  ok: boolean;
  /** Revisions that went up → down → up cleanly. */
  verified: RevisionRef[];
  problem?: VerifyProblem;
  output: string;
}

const refOf = (rev: { revision: string; file: string; message: string }): RevisionRef => ({
  revision: rev.revision,
  file: rev.file,
  message: rev.message,
});

export function problemMessage(problem: VerifyProblem): string {
  const name = (r: RevisionRef) => `migration ${r.revision} (${r.file}${r.message ? `, "${r.message}"` : ''})`;
  switch (problem.kind) {
    case 'stepFailed':
      return `${name(problem.revision)}: ${problem.step} failed${problem.step === 'up again' ? ' after down (down leaves something up does not expect)' : ''}: ${problem.error}`;
    case 'downDoesNotRestore':
      return `${name(problem.revision)}: down does not restore the schema; after up → down these differ from before up: ${problem.objects.join(', ')}`;
    case 'upNotRepeatable':
      return `${name(problem.revision)}: up → down → up does not give the schema the first up gave; these differ: ${problem.objects.join(', ')}`;
    case 'chainDiffers':
      return problem.after === 'downgrade base'
        ? `downgrade base does not give the empty database back; these remain: ${problem.objects.join(', ')}`
        : `upgrade heads after downgrade base gives another schema than before; these differ: ${problem.objects.join(', ')}`;
    case 'migrationsMissing':
      return findingMessage({ kind: 'migrationsMissing', plan: problem.plan });
  }
}

/** A migration that throws is the migration's problem, to be reported; anything else (connection…) is not. */
async function attempt(fn: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await fn();
    return undefined;
  } catch (error) {
    if (error instanceof MigrationError || error instanceof PartialMigrationError) return error.message;
    throw error;
  }
}

/** Tables of the project's naming that hold bookkeeping, not schema: up may create them, down leaves them. */
const bookkeeping = (project: Project): string[] => [metadataTableOf(project.dataSourceOptions).name];

interface Walk {
  client: Client;
  run: RunOptions;
  project: Project;
  log: (line: string) => void;
  /** What the project's DataSource creates on connect (empty when there is no migration to run). */
  extensions: readonly string[];
  /** The baseline revision: verification starts after it, and the chain goes down to it rather than to base. */
  baseline?: string;
}

/**
 * The schema as a TypeORM application finds it once connected: the extensions its DataSource creates
 * on connect are there (the runner creates them before each run), even after a `down` that dropped one.
 */
async function look(walk: Walk): Promise<Schema> {
  await ensureExtensions(async (sql, parameters) => (await walk.client.query(sql, parameters)).rows, walk.extensions);
  return snapshot(walk.client, bookkeeping(walk.project));
}

async function stepByStep(walk: Walk, order: readonly RevisionRef[], verified: RevisionRef[]): Promise<{ problem?: VerifyProblem; empty: Schema; top: Schema }> {
  const { run } = walk;
  if (walk.baseline) {
    // History is applied as it is, in one go: what it does was settled long ago.
    await upgrade({ ...run, target: walk.baseline });
    walk.log(`Applied the history up to the baseline ${walk.baseline}`);
  }
  const empty = await look(walk);
  let before = empty;
  for (const revision of order) {
    const id = revision.revision;
    const failed = (step: 'up' | 'down' | 'up again', error: string) => ({ problem: { kind: 'stepFailed' as const, step, revision, error }, empty, top: before });
    let error = await attempt(() => upgrade({ ...run, target: id }));
    if (error) return failed('up', error);
    const after = await look(walk);
    // `<rev>@-1` unapplies exactly this revision, the one current head on its line, even where branches exist.
    error = await attempt(() => downgrade({ ...run, target: `${id}@-1` }));
    if (error) return failed('down', error);
    let objects = differingObjects(before, await look(walk));
    if (objects.length) return { problem: { kind: 'downDoesNotRestore', revision, objects }, empty, top: before };
    error = await attempt(() => upgrade({ ...run, target: id }));
    if (error) return failed('up again', error);
    objects = differingObjects(after, await look(walk));
    if (objects.length) return { problem: { kind: 'upNotRepeatable', revision, objects }, empty, top: before };
    verified.push(revision);
    walk.log(`Verified ${id} ${revision.message}: up → down → up`);
    before = after;
  }
  return { empty, top: before };
}

async function wholeChain(walk: Walk, empty: Schema, top: Schema): Promise<VerifyProblem | undefined> {
  const { run } = walk;
  await downgrade({ ...run, target: walk.baseline ?? 'base' });
  let objects = differingObjects(empty, await look(walk));
  if (objects.length) return { kind: 'chainDiffers', after: 'downgrade base', objects };
  await upgrade({ ...run, target: 'heads' });
  objects = differingObjects(top, await look(walk));
  if (objects.length) return { kind: 'chainDiffers', after: 'upgrade heads', objects };
  const { plan } = await compareEntitiesWithDatabase({ ...walk.project, url: run.url }, { facts: false });
  return plan.changes.length ? { kind: 'migrationsMissing', plan } : undefined;
}

export async function verify(options: VerifyOptions = {}): Promise<VerifyResult> {
  const project = await openProject(options, { lazyEntities: true });
  const graph = loadGraph(project.migrationsDir);
  const baseline = readBaseline(project.migrationsDir);
  const history = historicalRevisions(graph, baseline, project.migrationsDir);
  const order = graph.order.filter((id) => !history.has(id)).map((id) => refOf(graph.nodes.get(id)!));
  const log = options.log ?? (() => undefined);
  const verified: RevisionRef[] = [];
  const problem = await withScratchDatabase(
    scratchSourceFor(project, options.scratchUrl),
    (scratch) =>
      withConnection(scratch.url, async (client) => {
        const extensions = graph.nodes.size ? await connectExtensionsFor(project)() : [];
        const walk: Walk = {
          client,
          project,
          log,
          extensions,
          baseline,
          run: { migrationsDir: project.migrationsDir, typeormTable: project.typeormTable, url: scratch.url, schema: project.versionSchema, ranBy: 'ormdiff verify', extensions, warn: log },
        };
        const steps = await stepByStep(walk, order, verified);
        return steps.problem ?? (await wholeChain(walk, steps.empty, steps.top));
      }),
    { log },
  );
  const output = problem
    ? `verify failed: ${problemMessage(problem)}`
    : `Verified ${verified.length} migration(s)${baseline ? ` after the baseline ${baseline}` : ''}: each up → down → up restores the schema; ` +
      `upgrade heads → downgrade ${baseline ?? 'base'} → upgrade heads; entities and migrations agree`;
  return { ok: problem === undefined, verified, problem, output };
}
