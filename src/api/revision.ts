/**
 * `ormdiff revision`: an empty template, or with `autogenerate` the plan between the entities and
 * the migrations, written as the next migration with every change and warning in its header.
 *
 * What "the migrations" are read from: the live database when one is configured (it must be at
 * head, or the plan would repeat pending migrations), else, or with `scratch`, a scratch database
 * with every migration replayed, so no pre-migrated database is needed at all.
 */
import { renderMigration } from '../render/migration';
import type { Plan, Warning } from '../plan/plan';
import { assertAtHead, revision as writeRevision } from '../runner';
import { compareWithReplayedMigrations, type ReplayCompareOptions } from './replay';
import { compareEntitiesWithDatabase, type CompareOptions } from './compare';
import { connectCreatingIfMissing } from '../db/databases';
import { openProject, requireUrl, type Project, type ProjectOptions } from './project';

export interface RevisionCommandOptions extends ProjectOptions {
  message: string;
  autogenerate?: boolean;
  /** The revision the new one follows (default: the single head). */
  head?: string;
  revisionId?: string;
  /** Schema of ormdiff's version table (default public). */
  versionSchema?: string;
  /** Compare with a scratch database holding the replayed migrations even though a database is configured. */
  scratch?: boolean;
  /** The server to create the scratch database on (implies `scratch`). */
  scratchUrl?: string;
  /**
   * Autogenerating against a live database that does not exist yet creates it (empty, so every
   * entity is new) and says so through this; without it a missing database is an error.
   */
  onDatabaseCreated?: (database: string) => void;
  /** Progress of the scratch database (created, migrations replayed, dropped). */
  log?: (line: string) => void;
  /** Each migration replayed on the scratch database as it begins. */
  onStep?: ReplayCompareOptions['onStep'];
  /** Rename hints, custom casts, enum maps, --online, the interactive asker. */
  compare?: CompareOptions;
}

export type RevisionResult =
  | { kind: 'written'; path: string; revision: string; warnings: Warning[]; changes: number }
  | { kind: 'noChanges' };

export async function revision(options: RevisionCommandOptions): Promise<RevisionResult> {
  const project = await openProject(options, { lazyEntities: true });
  const common = { migrationsDir: project.migrationsDir, message: options.message, head: options.head, revisionId: options.revisionId };
  if (!options.autogenerate) {
    const written = await writeRevision(common);
    return { kind: 'written', path: written.path, revision: written.revision, warnings: [], changes: 0 };
  }
  const { plan } = await autogeneratePlan(project, options);
  if (plan.changes.length === 0) return { kind: 'noChanges' };
  const written = await writeRevision({
    ...common,
    render: async (meta) => (await renderMigration(plan, { ...meta, message: options.message })).source,
  });
  return { kind: 'written', path: written.path, revision: written.revision, warnings: plan.warnings, changes: plan.changes.length };
}

/** Whether autogenerate reads the migrations from a scratch database rather than the live one. */
export function usesScratch(project: Pick<Project, 'url'>, options: Pick<RevisionCommandOptions, 'scratch' | 'scratchUrl'>): boolean {
  return Boolean(options.scratch || options.scratchUrl || !project.url);
}

async function autogeneratePlan(project: Project, options: RevisionCommandOptions): Promise<{ plan: Plan }> {
  if (!usesScratch(project, options)) {
    if (options.onDatabaseCreated) await (await connectCreatingIfMissing(requireUrl(project), options.onDatabaseCreated)).end();
    await assertAtHead({ migrationsDir: project.migrationsDir, typeormTable: project.typeormTable, url: project.url, schema: project.versionSchema });
    return compareEntitiesWithDatabase(project, { keepRead: true, ...options.compare, saveAnswers: true });
  }
  // The same comparison as against a live database, hints file included.
  const replayed = await compareWithReplayedMigrations(project, { ...options, compare: { ...options.compare, saveAnswers: true } });
  return replayed.comparison;
}
