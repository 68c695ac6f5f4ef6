/**
 * "What would a new migration do on top of the migrations?": every migration replayed into a scratch
 * database (dropped afterwards), then the entities compared with it. `check` and
 * `revision --autogenerate` without a live database both ask it. A replay holds no rows, so no
 * hazard is counted on it.
 */
import { loadGraph, type MigrationGraph, type StepResult } from '../runner';
import { typeorm } from '../typeorm';
import { timed } from '../timings';
import { replayMigrations, scratchSourceFor, withScratchDatabase, type ReplayOptions } from '../scratch';
import { type RecordedStep, type RecordOptions, replayRecorded } from '../scratch/record';
import { compareEntitiesWithDatabase, type Comparison, type CompareOptions, type DesiredModel } from './compare';
import { connectExtensionsFor, type Project } from './project';

export interface ReplayCompareOptions {
  /** A server to create the scratch database on, instead of the configured one or the embedded one. */
  scratchUrl?: string;
  compare?: CompareOptions;
  /** The entities' model when the caller has read it already. */
  desired?: DesiredModel;
  /** Progress: the scratch database's life, the migrations replayed. */
  log?: (line: string) => void;
  /** Record what each migration ran and the schema around it (for lint's judgement), but where known. */
  record?: RecordOptions;
  /** Each migration replayed on the scratch database as it begins. */
  onStep?: ReplayOptions['onStep'];
}

export async function compareWithReplayedMigrations(
  project: Project,
  options: ReplayCompareOptions,
): Promise<{ comparison: Comparison; revisions: number; replayed: StepResult[]; steps?: RecordedStep[]; stale?: string }> {
  const log = options.log;
  let graph: MigrationGraph | undefined;
  // Compiling and loading the migrations (and TypeORM, which runs them) is CPU work the process can do
  // while the server copies the template for the scratch database.
  const meanwhile = () => {
    graph = loadGraph(project.migrationsDir);
    typeorm();
  };
  return withScratchDatabase(
    scratchSourceFor(project, options.scratchUrl),
    async (scratch) => {
      const replayOptions = {
        migrationsDir: project.migrationsDir,
        typeormTable: project.typeormTable,
        // The project's: the option, else the config's ormdiff.versionSchema, else public.
        versionSchema: project.versionSchema,
        extensions: connectExtensionsFor(project),
        warn: log,
        onStep: options.onStep,
        graph,
      };
      const recorded = options.record ? await timed('replay', () => replayRecorded(scratch.url, replayOptions, options.record)) : undefined;
      const replay = recorded?.run ?? (await timed('replay', () => replayMigrations(scratch.url, replayOptions)));
      log?.(`Replayed ${replay.steps.length} migration(s) into ${scratch.name}`);
      const comparison = await compareEntitiesWithDatabase(
        { ...project, url: scratch.url },
        { ...options.compare, facts: false },
        options.desired,
      );
      return {
        comparison,
        revisions: replay.steps.length,
        replayed: replay.steps,
        ...(recorded ? { steps: recorded.steps } : {}),
        ...(recorded?.stale ? { stale: recorded.stale } : {}),
      };
    },
    { log, meanwhile },
  );
}
