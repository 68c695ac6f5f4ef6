/**
 * What `ormdiff check` finds, and the pure step from what was read to those findings: below both the
 * command (api/check.ts) and its report (api/check-report.ts), so neither imports the other.
 */
import { changeObject } from '../diff/describe';
import { diffSchemas } from '../diff/diff';
import type { ComparePolicy } from '../diff/policy';
import type { LintResult } from '../lint/lint';
import { planChanges, type Plan } from '../plan/plan';
import type { WarningCode } from '../plan/rules';
import type { ChangedRevision, StepResult } from '../runner';
import type { Schema } from '../schema/model';

export type Finding =
  /** The entities need changes no migration makes; `plan` is what a new migration would do. */
  | { kind: 'migrationsMissing'; plan: Plan }
  /**
   * The live database has not run every migration. `review` (when the scratch replay ran them): what
   * the pending migrations will run there, as in a pull request that adds them.
   */
  | { kind: 'databaseBehind'; heads: string[]; pending: string[]; review?: PendingReview }
  /**
   * The live database records revisions no migration file declares (a file deleted, or a branch not
   * merged here); `fileHeads`: the revisions the files end at, for a `stamp` if the file is gone for good.
   */
  | { kind: 'databaseAhead'; unknown: string[]; fileHeads: string[] }
  /** Applied migration files whose code no longer matches the checksum recorded when they ran (`upgrade` refuses them). */
  | { kind: 'changedMigrations'; changed: ChangedRevision[] }
  /** The live database is at the heads but its schema is not the migrations'; `plan` brings it back. */
  | { kind: 'databaseDrifted'; objects: string[]; plan: Plan }
  /** A migration file holds error-level warnings no `// ormdiff-ack: <CODE> <reason>` accepts (`ormdiff lint` fails on it). */
  | { kind: 'unacknowledgedHazards'; file: string; hazards: UnacknowledgedHazard[] };

/** One migration the live database has not run: its own statements, recorded as the scratch replay executed them. */
export interface PendingMigration {
  revision: string;
  file: string;
  message: string;
  transactional: boolean;
  statements: string[];
  /** Every warning `ormdiff lint` finds in the file, acknowledged or not. */
  hazards: Array<{ code: WarningCode; severity: string; line: number; message: string; acknowledged?: string }>;
}

/** What applying the pending migrations does to the live database: their statements, and the schema before and after. */
export interface PendingReview {
  migrations: PendingMigration[];
  /** The per-table difference, live schema → migrated schema (its SQL is ormdiff's, not shown as what runs). */
  plan: Plan;
  before: Schema;
  after: Schema;
}

/** An error-level warning of a migration file, where `ormdiff lint` reports it. */
export interface UnacknowledgedHazard {
  code: WarningCode;
  /** 1-based line of the file: the call that ran the statement. */
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
  /** Applied revisions whose file changed since (the verification `upgrade` makes). */
  changed?: ChangedRevision[];
  /** Its managed schema; read only when it is at the heads (otherwise a schema diff says nothing new). */
  schema?: Schema;
  /** Its managed schema while it is behind: what the pending migrations start from. */
  behindSchema?: Schema;
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

const baseName = (file: string): string => file.split(/[\\/]/).pop()!;

function pendingReview(
  pending: readonly string[],
  before: Schema,
  input: { migrated: Schema; replayed?: readonly StepResult[]; lint?: readonly LintResult[]; policy?: ComparePolicy },
): PendingReview {
  const lintOf = new Map((input.lint ?? []).map((r) => [baseName(r.file), r]));
  const migrations = (input.replayed ?? [])
    .filter((step) => step.direction === 'up' && pending.includes(step.revision))
    .map((step) => ({
      revision: step.revision,
      file: step.file,
      message: step.message,
      transactional: step.transactional,
      statements: step.statements.map((s) => s.sql),
      hazards: (lintOf.get(baseName(step.file))?.findings ?? []).map((f) => ({
        code: f.code,
        severity: f.severity,
        line: f.line,
        message: f.message,
        ...(f.acknowledged !== undefined ? { acknowledged: f.acknowledged } : {}),
      })),
    }));
  const plan = planChanges(diffSchemas(before, input.migrated, input.policy), { unmanaged: before.unmanaged });
  return { migrations, plan, before, after: input.migrated };
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
  /** The scratch replay's steps, each with the statements it executed. */
  replayed?: readonly StepResult[];
}): Finding[] {
  const findings: Finding[] = [];
  if (input.missing.changes.length > 0) findings.push({ kind: 'migrationsMissing', plan: input.missing });
  const live = input.live;
  if (live && live.unknown.length > 0) findings.push({ kind: 'databaseAhead', unknown: live.unknown, fileHeads: live.fileHeads });
  if (live?.changed && live.changed.length > 0) findings.push({ kind: 'changedMigrations', changed: live.changed });
  // At a revision no file declares, what is "pending" is measured from the known revisions only, and
  // `upgrade heads` refuses anyway: the ahead finding says what to do.
  if (live && live.unknown.length === 0 && live.pending.length > 0) {
    const review = live.behindSchema && input.replayed ? pendingReview(live.pending, live.behindSchema, input) : undefined;
    findings.push({ kind: 'databaseBehind', heads: live.heads, pending: live.pending, ...(review ? { review } : {}) });
  }
  if (live?.schema) {
    const changes = diffSchemas(live.schema, input.migrated, input.policy);
    if (changes.length > 0) {
      const plan = planChanges(changes, { unmanaged: live.schema.unmanaged });
      findings.push({ kind: 'databaseDrifted', objects: [...new Set(plan.changes.map(changeObject))], plan });
    }
  }
  return [...findings, ...hazardFindings(input.lint ?? [])];
}
