/**
 * `ormdiff check`: do the entities (E), the migrations (M, replayed into a scratch database) and,
 * when one is configured, the live database (L) agree? Three questions, each with its own finding:
 * E ≠ M "migrations missing", L not at M's heads "database behind" (or ahead of the files), and L at
 * the heads but with another schema than M "database drifted from migrations". And, as
 * `ormdiff lint` does, a migration file with an error-level warning no `// ormdiff-ack:` comment
 * accepts fails it too, so the one check CI runs is also the gate on unaccepted hazards.
 */
import { withConnection } from '../db/connect';
import { changeObject } from '../diff/describe';
import { diffSchemas } from '../diff/diff';
import { type ComparePolicy, resolvePolicy } from '../diff/policy';
import { planChanges, type Plan } from '../plan/plan';
import { current } from '../runner';
import type { Schema } from '../schema/model';
import type { LintResult } from '../hazards/lint';
import type { WarningCode } from '../plan/rules';
import { replayMigrations, scratchSourceFor, withScratchDatabase } from '../scratch';
import { compareEntitiesWithDatabase, readActual, readDesired, type CompareOptions, type DesiredModel } from './compare';
import { renderCheck, type CheckFormat } from './check-report';
import { lintMigrations } from './lint';
import { connectExtensionsFor, openProject, type Project, type ProjectOptions } from './project';

export type { CheckFormat } from './check-report';

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
}

export type Finding =
  /** The entities need changes no migration makes; `plan` is what a new migration would do. */
  | { kind: 'migrationsMissing'; plan: Plan }
  /** The live database has not run every migration. */
  | { kind: 'databaseBehind'; heads: string[]; pending: string[] }
  /**
   * The live database records revisions no migration file declares (a file deleted, or a branch not
   * merged here); `fileHeads`: the revisions the files end at, for a `stamp` if the file is gone for good.
   */
  | { kind: 'databaseAhead'; unknown: string[]; fileHeads: string[] }
  /** The live database is at the heads but its schema is not the migrations'; `plan` brings it back. */
  | { kind: 'databaseDrifted'; objects: string[]; plan: Plan }
  /** A migration file holds error-level warnings no `// ormdiff-ack: <CODE> <reason>` accepts (`ormdiff lint` fails on it). */
  | { kind: 'unacknowledgedHazards'; file: string; hazards: UnacknowledgedHazard[] };

/** An error-level warning of a migration file, where `ormdiff lint` reports it. */
export interface UnacknowledgedHazard {
  code: WarningCode;
  /** 1-based line of the file: the header's warning list, or the statement of a hand-written file. */
  line: number;
  message: string;
}

export interface CheckResult {
  ok: boolean;
  findings: Finding[];
  /** Whether a live database was part of the comparison. */
  live: boolean;
  /** Migrations replayed into the scratch database. */
  revisions: number;
  output: string;
}

/** What was read of the live database. */
export interface LiveFacts {
  heads: string[];
  pending: string[];
  unknown: string[];
  /** The heads of the migration files' revision graph. */
  fileHeads: string[];
  /** Its managed schema; read only when it is at the heads (otherwise a schema diff says nothing new). */
  schema?: Schema;
}

/** The files `ormdiff lint` would fail, one finding each. */
function hazardFindings(lint: readonly LintResult[]): Finding[] {
  return lint
    .filter((r) => r.blocking)
    .map((r) => ({
      kind: 'unacknowledgedHazards' as const,
      file: r.file,
      hazards: r.findings.filter((f) => f.blocking).map((f) => ({ code: f.code, line: f.line, message: f.message })),
    }));
}

/**
 * Pure: the findings, from the entities-vs-migrations plan, the migrated schema, the live facts and
 * the lint results of the migration files.
 */
export function checkFindings(input: {
  missing: Plan;
  migrated: Schema;
  live?: LiveFacts;
  lint?: readonly LintResult[];
  /** What counts as drift between the live database and the migrations (default: everything). */
  policy?: ComparePolicy;
}): Finding[] {
  const findings: Finding[] = [];
  if (input.missing.changes.length > 0) findings.push({ kind: 'migrationsMissing', plan: input.missing });
  const live = input.live;
  if (live && live.unknown.length > 0) findings.push({ kind: 'databaseAhead', unknown: live.unknown, fileHeads: live.fileHeads });
  // At a revision no file declares, what is "pending" is measured from the known revisions only, and
  // `upgrade heads` refuses anyway: the ahead finding says what to do.
  else if (live && live.pending.length > 0) findings.push({ kind: 'databaseBehind', heads: live.heads, pending: live.pending });
  if (live?.schema) {
    const changes = diffSchemas(live.schema, input.migrated, input.policy);
    if (changes.length > 0) {
      const plan = planChanges(changes, { unmanaged: live.schema.unmanaged });
      findings.push({ kind: 'databaseDrifted', objects: [...new Set(plan.changes.map(changeObject))], plan });
    }
  }
  return [...findings, ...hazardFindings(input.lint ?? [])];
}

async function readLive(project: Project, url: string, desired: DesiredModel, versionSchema?: string): Promise<LiveFacts> {
  const state = await current({ migrationsDir: project.migrationsDir, url, schema: versionSchema });
  const facts: LiveFacts = { heads: state.heads.map((h) => h.revision), pending: state.pending, unknown: state.unknown, fileHeads: state.fileHeads };
  if (!state.upToDate) return facts;
  return { ...facts, schema: (await withConnection(url, (client) => readActual(client, desired))).schema };
}

export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const project = await openProject(options);
  // Reading the files is cheap and needs no database: done first, reported with the rest.
  const lint = lintMigrations(project.migrationsDir, project.cwd);
  const log = options.log;
  const source = scratchSourceFor(project, options.scratchUrl);
  const migrated = await withScratchDatabase(
    source,
    async (scratch) => {
      const replay = await replayMigrations(scratch.url, {
        migrationsDir: project.migrationsDir,
        versionSchema: options.versionSchema,
        extensions: connectExtensionsFor(project),
        warn: log,
      });
      log?.(`Replayed ${replay.steps.length} migration(s) into ${scratch.name}`);
      // What `revision --autogenerate` would write; a replay holds no rows, so no hazard is counted on it.
      const comparison = await compareEntitiesWithDatabase({ ...project, url: scratch.url }, { ...options.compare, facts: false });
      return { schema: comparison.actual, missing: comparison.plan, revisions: replay.steps.length };
    },
    { log },
  );
  const live = project.url ? await readLive(project, project.url, await readDesired(project), options.versionSchema) : undefined;
  const policy = resolvePolicy([project.policy, options.compare?.policy]);
  const findings = checkFindings({ missing: migrated.missing, migrated: migrated.schema, live, lint, policy });
  const result = { ok: findings.length === 0, findings, live: live !== undefined, revisions: migrated.revisions };
  return { ...result, output: renderCheck(result, options.format ?? 'text') };
}
