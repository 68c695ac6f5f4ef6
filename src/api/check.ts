/**
 * `ormdiff check`: do the entities (E), the migrations (M, replayed into a scratch database) and,
 * when one is configured, the live database (L) agree? Three questions, each with its own finding:
 * E ≠ M "migrations missing", L not at M's heads "database behind" (or ahead of the files), and L at
 * the heads but with another schema than M "database drifted from migrations"; an applied migration
 * whose file changed since fails it exactly as it stops `upgrade`. And, as `ormdiff lint` does, a
 * migration with an error-level warning (judged by what it ran in the replay) no `// ormdiff-ack:`
 * comment accepts fails it too, so the one check CI runs is also the gate on unaccepted hazards.
 */
import { withConnection } from '../db/connect';
import { resolvePolicy } from '../diff/policy';
import { current } from '../runner';
import type { Schema } from '../schema/model';
import { readActual, readDesired, type CompareOptions, type DesiredModel } from './compare';
import { checkFindings, type CheckResult, type LiveFacts } from './check-findings';
import { renderCheck, type CheckFormat } from './check-report';
import { timed } from '../timings';
import { judgementsFor } from './judgements';
import { lintSteps } from './lint';
import { openProject, type Project, type ProjectOptions } from './project';
import { compareWithReplayedMigrations, type ReplayCompareOptions } from './replay';

export type { CheckFormat } from './check-report';
export { checkFindings, type CheckResult, type Finding, type LiveFacts, type UnacknowledgedHazard } from './check-findings';

export interface CheckOptions extends ProjectOptions {
  /** Rename hints, custom casts and enum maps, as for diff and revision. */
  compare?: CompareOptions;
  /** A server to create the scratch database on, instead of the configured one or the embedded one. */
  scratchUrl?: string;
  /** Schema of ormdiff's version table (default public). */
  versionSchema?: string;
  format?: CheckFormat;
  /** Progress: the scratch database's life, the migrations replayed. */
  log?: (line: string) => void;
  /** Each migration replayed on the scratch database as it begins. */
  onStep?: ReplayCompareOptions['onStep'];
}

async function readLive(project: Project, url: string, desired: DesiredModel, versionSchema?: string): Promise<LiveFacts> {
  const state = await current({ migrationsDir: project.migrationsDir, typeormTable: project.typeormTable, url, schema: versionSchema });
  const facts: LiveFacts = { heads: state.heads.map((h) => h.revision), pending: state.pending, unknown: state.unknown, fileHeads: state.fileHeads, changed: state.changed };
  const schema = (await withConnection(url, (client) => readActual(client, desired))).schema;
  return state.upToDate ? { ...facts, schema } : { ...facts, behindSchema: schema };
}

export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const project = await timed('load', () => openProject(options, { lazyEntities: true }));
  const desired = await readDesired(project);
  // What `revision --autogenerate` would write on top of the migrations; the one replay also records
  // what each migration ran, judged as `ormdiff lint` judges it.
  const judgements = judgementsFor(project.configPath);
  let migrated = await compareWithReplayedMigrations(project, { ...options, desired, record: { seed: judgements.seed, known: judgements.known } });
  // A known migration ran other statements than when it was judged (a file it imports changed): judge all again.
  if (migrated.stale) migrated = await compareWithReplayedMigrations(project, { ...options, desired, record: { seed: judgements.seed } });
  const lint = await timed('lint', async () => lintSteps(migrated.steps ?? [], project.cwd, undefined, project.migrationsDir, judgements));
  judgements.save();
  const live = project.url ? await readLive(project, project.url, desired, project.versionSchema) : undefined;
  const policy = resolvePolicy([project.policy, options.compare?.policy]);
  const { actual, plan } = migrated.comparison;
  const findings = checkFindings({ missing: plan, migrated: actual, live, lint, policy, replayed: migrated.replayed });
  const result = { ok: findings.length === 0, findings, live: live !== undefined, revisions: migrated.revisions };
  return { ...result, output: renderCheck(result, options.format ?? 'text') };
}
