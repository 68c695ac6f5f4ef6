/**
 * `ormdiff baseline`: where history ends.
 *
 * - `baseline <revision>`: records the revision in `ormdiff.baseline` beside the migrations
 *   (src/runner/baseline.ts); it and everything before it are history.
 * - `baseline` in a project with no migrations yet: writes one migration that creates the database's
 *   current schema (the plan from an empty database to it), records it as applied there, and makes it
 *   the baseline: the starting point of a project whose database existed before its migrations.
 */
import { withConnection } from '../db/connect';
import { diffSchemas } from '../diff/diff';
import { resolvePolicy } from '../diff/policy';
import { UsageError } from '../errors';
import { planChanges } from '../plan/plan';
import { renderMigration } from '../render/migration';
import { current, loadGraph, revision as writeRevision, stamp } from '../runner';
import { historicalRevisions, readBaseline, writeBaseline } from '../runner/baseline';
import { parseTarget } from '../runner/targets';
import { emptySchema } from '../schema/model';
import { readActual, readDesired } from './compare';
import { openProject, requireUrl, type ProjectOptions } from './project';

export interface BaselineOptions extends ProjectOptions {
  /** The revision to mark; none: write the database's schema as the first migration. */
  revision?: string;
  /** Message of the written migration. */
  message?: string;
  versionSchema?: string;
}

export type BaselineResult =
  | { kind: 'marked'; revision: string; history: number; previous?: string }
  | { kind: 'written'; revision: string; path: string; changes: number };

export async function baseline(options: BaselineOptions): Promise<BaselineResult> {
  const project = await openProject(options, { lazyEntities: true });
  const dir = project.migrationsDir;
  const graph = loadGraph(dir);
  if (options.revision !== undefined) {
    const target = parseTarget(graph, options.revision);
    if (target.kind !== 'revisions' || target.revisions.length !== 1) throw new UsageError(`baseline takes one revision, not ${options.revision}`);
    const [id] = target.revisions;
    const previous = readBaseline(dir);
    writeBaseline(dir, id);
    return { kind: 'marked', revision: id, history: historicalRevisions(graph, id, dir).size, ...(previous ? { previous } : {}) };
  }
  if (graph.nodes.size > 0) {
    throw new UsageError(
      `${dir} already holds ${graph.nodes.size} migration(s): name the revision history ends at, \`ormdiff baseline <revision>\` (e.g. \`ormdiff baseline ${graph.heads[0]}\`)`,
    );
  }
  const url = requireUrl(project);
  const state = await current({ migrationsDir: dir, url, schema: options.versionSchema, typeormTable: project.typeormTable });
  if (state.heads.length || state.unknown.length) throw new UsageError(`The database already records revisions (${state.unknown.join(', ')}); nothing to baseline`);
  const desired = await readDesired(project);
  const live = await withConnection(url, (client) => readActual(client, desired));
  const policy = resolvePolicy([project.policy]);
  const plan = planChanges(diffSchemas(emptySchema(live.schema.schemas), live.schema, policy), { unmanaged: live.schema.unmanaged });
  if (plan.changes.length === 0) throw new UsageError(`The database holds nothing in the managed schemas (${live.schema.schemas.join(', ')}); write the first migration with \`ormdiff revision --autogenerate\``);
  const message = options.message ?? 'baseline: the schema as it was';
  const written = await writeRevision({
    migrationsDir: dir,
    message,
    render: async (meta) => (await renderMigration(plan, { ...meta, message })).source,
  });
  await stamp({ migrationsDir: dir, url, schema: options.versionSchema, typeormTable: project.typeormTable, target: written.revision });
  writeBaseline(dir, written.revision);
  return { kind: 'written', revision: written.revision, path: written.path, changes: plan.changes.length };
}
