/**
 * From two models to a plan whose hazards are named and counted: hints and the rename detector
 * (asking the user about each candidate when a RenameAsker is given), the plan with its safer
 * variants, then the data-aware checks against the live database.
 */
import {
  type DiffHints,
  formatEnumMapHint,
  formatRenameHint,
  formatUsingHint,
  mergeHints,
  NO_HINTS,
  type RenameHint,
} from '../diff/renames/hints';
import { diffWithHints, type DiffWithHints } from '../diff/renames/diff-with-hints';
import { type PolicyOverrides, resolvePolicy } from '../diff/policy';
import { hintFor, type RenameDecision, type RenameSubject } from '../diff/renames/detect';
import { assessPlanOn } from '../facts/assess';
import type { Queryable } from '../introspect';
import { type Plan, planChanges } from '../plan/plan';
import type { ColumnRoleOf, Schema } from '../schema/model';
import type { TypeormMetadata } from '../plan/typeorm-metadata';
import type { ObjectUse } from '../schema/uses';
import type { RenameAsker, RenameQuestion } from './hints';

export interface CompareOptions {
  /** Schema of the version tables: the runner creates it, so migrations neither create nor drop it. */
  versionSchema?: string;
  /** Renames, casts and enum value mappings the user gives (after the project's hints file). */
  hints?: DiffHints;
  /** Propose renames nobody hinted (default true). */
  detectRenames?: boolean;
  /** What counts as a difference, over TypeORM's view (src/diff/policy.ts): the config's, then --policy. */
  policy?: PolicyOverrides;
  /** Lock-light variants on tables that exist (CONCURRENTLY, NOT VALID + VALIDATE, lock_timeout). */
  online?: boolean;
  /** Count the rows each hazard concerns on the connected database. */
  facts?: boolean;
  /** Asked about every rename candidate (--interactive on a terminal). */
  ask?: RenameAsker;
  /**
   * Keep the answers in the hints file, so CI decides the same way. Only commands that write a
   * migration do; `diff` and `check` are read-only.
   */
  saveAnswers?: boolean;
  /** What special columns mean (from the entities), for temporary defaults. */
  columnRoles?: readonly ColumnRoleOf[];
  /** TypeORM's metadata table and its generated-column rows, kept in step by the plan. */
  typeormMetadata?: TypeormMetadata;
  /** What objects outside the managed set use, read from the catalog: drops they stop are left out (DS106). */
  uses?: readonly ObjectUse[];
  /**
   * A server to put the entities' expressions in Postgres' spelling on, in a scratch database, rather
   * than in temporary tables of the compared database (for a role without TEMPORARY there).
   */
  normalizeOn?: string;
  /**
   * Reuse the catalog read an earlier run kept beside the project while the database's catalog is
   * unchanged, and keep this run's (`diff` and `revision`, on the project's own database).
   */
  keepRead?: boolean;
}

export interface DiffAndPlan {
  diff: DiffWithHints;
  plan: Plan;
  /** The rename decisions (assumed, hinted, ambiguous). */
  renames: RenameDecision;
  /** Hints the asker's answers amount to, to be kept in the hints file. */
  answered: RenameHint[];
  /** Hints that matched nothing, as typed (a stale file entry, or a typo on the command line). */
  unused: string[];
}

const where = (s: RenameSubject, from: string): string => {
  switch (s.kind) {
    case 'type':
      return `enum ${s.schema}.${from}`;
    case 'enumValue':
      return `value '${from}' of enum ${s.type.schema}.${s.type.name}`;
    case 'table':
      return `table ${s.schema}.${from}`;
    case 'column':
      return `column ${s.table.schema}.${s.table.name}.${from}`;
  }
};

function questions(decision: RenameDecision): RenameQuestion[] {
  const assumed = decision.renames
    .filter((r) => r.origin === 'assumed')
    .map((r) => ({ subject: r.subject, from: r.from, candidates: [r.to], object: where(r.subject, r.from) }));
  const ambiguous = decision.ambiguities.flatMap((a) =>
    [...new Set(a.pairs.map((p) => p.from))].map((from) => ({
      subject: a.subject,
      from,
      candidates: a.pairs.filter((p) => p.from === from).map((p) => p.to),
      object: where(a.subject, from),
    })),
  );
  return [...assumed, ...ambiguous];
}

const questionKey = (q: RenameQuestion): string => JSON.stringify([q.subject, q.from]);

export async function diffAndPlan(db: Queryable, actual: Schema, desired: Schema, options: CompareOptions = {}): Promise<DiffAndPlan> {
  let hints = options.hints ?? NO_HINTS;
  const diffOptions = { detectRenames: options.detectRenames ?? true, policy: resolvePolicy([options.policy]) };
  let diff = diffWithHints(actual, desired, hints, diffOptions);
  const answered: RenameHint[] = [];
  if (options.ask) {
    const asked = new Set<string>();
    // One answer can settle others (a taken target leaves one candidate elsewhere): diff again after each.
    for (let q = questions(diff.renames).find((x) => !asked.has(questionKey(x))); q; q = questions(diff.renames).find((x) => !asked.has(questionKey(x)))) {
      asked.add(questionKey(q));
      const answer = await options.ask(q);
      if (answer === undefined) continue;
      const hint = hintFor(q.subject, q.from, answer);
      answered.push(hint);
      hints = mergeHints(hints, { renames: [hint], using: [], enumMaps: [] });
      diff = diffWithHints(actual, desired, hints, diffOptions);
    }
  }
  const plan = planChanges(diff.changes, {
    online: options.online,
    ambiguities: diff.renames.ambiguities,
    columnRoles: options.columnRoles,
    unmanaged: actual.unmanaged,
    typeormMetadata: options.typeormMetadata,
    uses: options.uses,
  });
  const unused = [
    ...diff.renames.unusedHints.map(formatRenameHint),
    ...diff.unusedUsing.map(formatUsingHint),
    ...diff.unusedEnumMaps.map(formatEnumMapHint),
  ];
  return { diff, plan: options.facts ? await assessPlanOn(db, plan) : plan, renames: diff.renames, answered, unused };
}
