/** A plan: the ordered changes, their SQL both ways, and what to look out for. */
import { type Change, invert } from '../diff/changes';
import type { RenameAmbiguity } from '../diff/renames/detect';
import { renderStatements } from '../ddl/sql';
import { coalesceRecreates } from './coalesce';
import type { FactCounts } from './facts';
import { checkHazards, type Warning } from './hazards';
import { dropsOnTheWayDown } from './extensions';
import { orderChanges } from './order';
import type { ColumnRoleOf, UnmanagedObject } from '../schema/model';
import type { ObjectUse } from '../schema/uses';
import { type LeftChange, leaveUsed } from './checks/used';
import { withOnlineVariants, withTemporaryDefaults, withTypeChangeForms } from './safety';
import { metadataStatements, type TypeormMetadata } from './typeorm-metadata';

export type { Warning };

export interface Statement {
  sql: string;
  change: Change;
  /** Whether the statement may run inside a transaction block (see RenderedStatement). */
  transactional: boolean;
  /** A line for the reader, rendered as a comment above the statement. */
  note?: string;
}

export interface PlanOptions {
  /** Lock-light variants on tables that exist: CONCURRENTLY, NOT VALID + VALIDATE, NOT NULL through a CHECK. */
  online?: boolean;
  /** With `online`: how long a statement may wait for a lock, and run (Postgres interval text). */
  lockTimeout?: string;
  statementTimeout?: string;
  /** Rename candidates the detector could not decide between, reported as RN304. */
  ambiguities?: RenameAmbiguity[];
  /** What special columns mean (from the entities), for temporary defaults. */
  columnRoles?: readonly ColumnRoleOf[];
  /** The database's unmanaged objects (the `actual` model's list), for DS105. */
  unmanaged?: readonly UnmanagedObject[];
  /** TypeORM's metadata table and its generated-column rows, kept in step with the columns (from the entities). */
  typeormMetadata?: TypeormMetadata;
  /** What objects outside the managed set use (src/schema/uses.ts): their drops are left out (DS106). */
  uses?: readonly ObjectUse[];
  /** Set by planChanges: the drops left out because of `uses`. */
  left?: readonly LeftChange[];
}

export interface Plan {
  /** The `up` changes, in the order they run. */
  changes: Change[];
  up: Statement[];
  down: Statement[];
  warnings: Warning[];
  /** Whether the whole migration can run in one transaction. */
  transactional: boolean;
  /** Session settings that open (`start`) and close (`end`) each direction: lock_timeout with --online. */
  settings: { start: string[]; end: string[] };
  /** What the plan was made with, so its warnings can be checked again once facts are counted. */
  options: PlanOptions;
}

/**
 * Every plain statement can run in a transaction on the Postgres versions ormdiff supports (ALTER
 * TYPE … ADD VALUE can since 12); a use of such a value in the same transaction is a hazard (TX401),
 * not a reason to give the transaction up. Only the online variants take a migration out of it.
 */
function statementsOf(changes: Change[], direction: 'up' | 'down', options: PlanOptions): Statement[] {
  const metadata = options.typeormMetadata && metadataStatements(changes, options.typeormMetadata, direction);
  return changes.flatMap((change, i) => [
    ...renderStatements(change).map((s) => ({ ...s, change })),
    ...(metadata?.[i] ?? []).map((m) => ({ ...m, change, transactional: true })),
  ]);
}

function safer(changes: Change[], options: PlanOptions): Change[] {
  const defaults = withTemporaryDefaults(withTypeChangeForms(changes), options.columnRoles);
  return options.online ? withOnlineVariants(defaults) : defaults;
}

function sessionSettings(options: PlanOptions, transactional: boolean): Plan['settings'] {
  if (!options.online) return { start: [], end: [] };
  const values = [
    ['lock_timeout', options.lockTimeout ?? '5s'],
    ['statement_timeout', options.statementTimeout ?? '1h'],
  ];
  // In a transaction SET LOCAL ends with it; outside, the session keeps the setting until RESET.
  return transactional
    ? { start: values.map(([k, v]) => `SET LOCAL ${k} = '${v}'`), end: [] }
    : { start: values.map(([k, v]) => `SET ${k} = '${v}'`), end: values.map(([k]) => `RESET ${k}`) };
}

export function planChanges(changes: Change[], given: PlanOptions = {}): Plan {
  // Never plan a drop Postgres refuses because something outside the plan uses the object.
  const used = leaveUsed(changes, given.uses);
  const options: PlanOptions = used.left.length > 0 ? { ...given, left: used.left } : given;
  const ordered = orderChanges(coalesceRecreates(used.changes), 'up');
  const up = safer(ordered, options);
  const upStatements = statementsOf(up, 'up', options);
  const upSql = upStatements.map((s) => s.sql);
  const undone = [...ordered]
    .reverse()
    .map(invert)
    .filter((c) => c.kind !== 'dropExtension' || dropsOnTheWayDown(c.extension.name, upSql));
  const down = safer(orderChanges(coalesceRecreates(undone), 'down'), options);
  const downStatements = statementsOf(down, 'down', options);
  const transactional = [...upStatements, ...downStatements].every((s) => s.transactional);
  return {
    changes: up,
    up: upStatements,
    down: downStatements,
    warnings: checkHazards(up, options),
    transactional,
    settings: sessionSettings(options, transactional),
    options,
  };
}

/** The same plan, its warnings checked again with facts counted on the live database. */
export function withCounts(plan: Plan, counts: FactCounts): Plan {
  return { ...plan, warnings: checkHazards(plan.changes, plan.options, counts) };
}
