/**
 * `ormdiff revision`: an empty template, or with `autogenerate` the plan between the entities and a
 * database that is at head, written as the next migration with every change and warning in its header.
 */
import { renderMigration } from '../render/migration';
import type { Warning } from '../plan/plan';
import { assertAtHead, revision as writeRevision } from '../runner';
import { compareEntitiesWithDatabase } from './compare';
import { openProject, requireUrl, type ProjectOptions } from './project';

export interface RevisionCommandOptions extends ProjectOptions {
  message: string;
  autogenerate?: boolean;
  /** The revision the new one follows (default: the single head). */
  head?: string;
  revisionId?: string;
  /** Schema of ormdiff's version table (default public). */
  versionSchema?: string;
}

export type RevisionResult =
  | { kind: 'written'; path: string; revision: string; warnings: Warning[]; changes: number }
  | { kind: 'noChanges' };

export async function revision(options: RevisionCommandOptions): Promise<RevisionResult> {
  const project = await openProject(options);
  const common = { migrationsDir: project.migrationsDir, message: options.message, head: options.head, revisionId: options.revisionId };
  if (!options.autogenerate) {
    const written = await writeRevision(common);
    return { kind: 'written', path: written.path, revision: written.revision, warnings: [], changes: 0 };
  }
  const url = requireUrl(project);
  await assertAtHead({ migrationsDir: project.migrationsDir, url, schema: options.versionSchema });
  const { plan } = await compareEntitiesWithDatabase(project);
  if (plan.changes.length === 0) return { kind: 'noChanges' };
  const written = await writeRevision({
    ...common,
    render: async (meta) => (await renderMigration(plan, { ...meta, message: options.message })).source,
  });
  return { kind: 'written', path: written.path, revision: written.revision, warnings: plan.warnings, changes: plan.changes.length };
}
