/**
 * The hazards of one migration, from what it really did: the schema before and after it ran on a
 * scratch database, diffed into the planner's changes, and the statements it ran, read for what that
 * diff cannot show (a table or column dropped and made again, the lock-light forms, explicit
 * renames). The planner's own checks (src/plan/hazards.ts) then judge those changes, so a generated
 * migration and a hand-written one that do the same get the same findings, with the same codes. Pure.
 */
import type { Change } from '../diff/changes';
import { changeObject } from '../diff/describe';
import { diffWithHints } from '../diff/renames/diff-with-hints';
import { columnKey } from '../diff/keys';
import { checkHazards, type Warning } from '../plan/hazards';
import { orderChanges } from '../plan/order';
import { typeChangeForm } from '../plan/safety';
import type { Severity, WarningCode } from '../plan/rules';
import { type QualifiedName, qualifiedKey, type Schema, type Table } from '../schema/model';
import { mentions, type RecordedStatement, statementFacts, type StatementFacts, type WrittenName } from './statements';

export interface StatementFinding {
  code: WarningCode;
  severity: Severity;
  message: string;
  /** The object, dotted: `public.users.fax`. */
  object: string;
  /** 1-based line of the statement in the file it was found in (the migration's first statement when none names the object). */
  line?: number;
  /** The statement the finding is about, as it ran. */
  sql?: string;
}

/**
 * Lint sees no data (the scratch database is empty), so a change that deletes rows or values is an
 * error to acknowledge, as the planner makes it once it has counted any.
 */
const DELETES_DATA: ReadonlySet<WarningCode> = new Set(['DS101', 'DS102', 'DS103']);

const withoutData = (w: Warning): Severity => (w.count === undefined && DELETES_DATA.has(w.code) ? 'error' : w.severity);

/** The table a statement names: its schema, or the one schema of `model` holding a table of that name (public first). */
function resolveTable(model: Schema, name: WrittenName): Table | undefined {
  const candidates = model.tables.filter((t) => t.name === name.name && (name.schema === undefined || t.schema === name.schema));
  return candidates.find((t) => t.schema === 'public') ?? candidates[0];
}

const sameTable = (a: QualifiedName, name: WrittenName) => a.name === name.name && (name.schema === undefined || a.schema === name.schema);

/** The lock-light forms the statements used, and the defaults columns were added with, on the changes they concern. */
function asRan(change: Change, facts: StatementFacts): Change {
  switch (change.kind) {
    case 'createIndex':
      return facts.concurrentIndexes.has(change.index.name) ? { ...change, online: true } : change;
    case 'addForeignKey':
      return facts.lockLightConstraints.has(change.foreignKey.name) ? { ...change, online: true } : change;
    case 'addCheck':
      return facts.lockLightConstraints.has(change.check.name) ? { ...change, online: true } : change;
    case 'addUnique':
      return facts.lockLightConstraints.has(change.unique.name) ? { ...change, online: true } : change;
    case 'addPrimaryKey':
      return facts.lockLightConstraints.has(change.primaryKey.name) ? { ...change, online: true } : change;
    case 'setNotNull':
      return facts.notNullByCheck.some((n) => sameTable(change.table, n.table) && n.column === change.column) ? { ...change, online: true } : change;
    case 'alterColumnType':
      // The diff sees the type change, not how the file made it: judged as the planner would have planned it (TC204).
      return { ...change, form: typeChangeForm(change) };
    case 'addColumn': {
      if (change.column.valueSource.kind !== 'none') return change;
      const added = facts.addedWithDefault.find((a) => sameTable(change.table, a.table) && a.column === change.column.name);
      return added ? { ...change, temporaryDefault: added.expression } : change;
    }
    default:
      return change;
  }
}

/**
 * Drops the schema diff cannot see: an existing table or column dropped and then made again under
 * the same name (its rows are gone all the same), as the planner's dropTable / dropColumn.
 */
function recreatedDrops(before: Schema, after: Schema, facts: StatementFacts, changes: Change[]): Array<{ change: Change; statement: RecordedStatement }> {
  const dropped = new Set(changes.flatMap((c) => (c.kind === 'dropTable' ? [qualifiedKey(c.table)] : c.kind === 'dropColumn' ? [columnKey(c.table, c.column.name)] : [])));
  const out: Array<{ change: Change; statement: RecordedStatement }> = [];
  for (const d of facts.droppedTables) {
    const table = resolveTable(before, d);
    if (!table || dropped.has(qualifiedKey(table)) || !after.tables.some((t) => qualifiedKey(t) === qualifiedKey(table))) continue;
    dropped.add(qualifiedKey(table));
    out.push({ change: { kind: 'dropTable', table }, statement: d.statement });
  }
  for (const d of facts.droppedColumns) {
    const table = resolveTable(before, d.table);
    const column = table?.columns.find((c) => c.name === d.column);
    if (!table || !column || dropped.has(qualifiedKey(table)) || dropped.has(columnKey(table, column.name))) continue;
    const now = after.tables.find((t) => qualifiedKey(t) === qualifiedKey(table));
    if (!now?.columns.some((c) => c.name === column.name)) continue;
    dropped.add(columnKey(table, column.name));
    out.push({ change: { kind: 'dropColumn', table: { schema: table.schema, name: table.name }, column }, statement: d.statement });
  }
  return out;
}

const VERB: Array<[RegExp, RegExp]> = [
  [/^drop/, /\bDROP\b/i],
  [/^(create|add)/, /\b(CREATE|ADD)\b/i],
  [/^rename/, /\bRENAME\b/i],
  [/^(alter|set|recreate)/, /\b(ALTER|SET)\b/i],
];

/** The statement that made a change: the one naming its object (and its table) with the matching verb, first. */
function statementOf(change: Change, statements: readonly RecordedStatement[]): RecordedStatement | undefined {
  const parts = changeObject(change).split('.');
  const leaf = parts[parts.length - 1];
  const table = parts.length >= 3 ? parts[parts.length - 2] : undefined;
  const verb = VERB.find(([kind]) => kind.test(change.kind))?.[1];
  let best: { statement: RecordedStatement; score: number } | undefined;
  for (const statement of statements) {
    if (!mentions(statement.sql, leaf)) continue;
    const score = 2 + (table !== undefined && mentions(statement.sql, table) ? 1 : 0) + (verb?.test(statement.sql) ? 1 : 0);
    if (!best || score > best.score) best = { statement, score };
  }
  return best?.statement ?? statements[0];
}

export interface StepOptions {
  /**
   * Whether the migration ran in a transaction (default true). The planner infers "outside a
   * transaction" (LK607) from its lock-light variants; a file says it itself.
   */
  transactional?: boolean;
}

/** The findings of one migration step: `before` and `after` read from the scratch database, `statements` as it ran them. */
export function judgeStep(before: Schema, after: Schema, statements: readonly RecordedStatement[], options: StepOptions = {}): StatementFinding[] {
  const facts = statementFacts(statements);
  // The statements say what was renamed; anything else that went is a drop, whatever the detector would guess.
  const hints = { renames: facts.renames, using: [], enumMaps: [] };
  const diffed = diffWithHints(before, after, hints, { detectRenames: false }).changes.map((c) => asRan(c, facts));
  const extra = recreatedDrops(before, after, facts, diffed);
  const made = new Map(extra.map((e) => [e.change, e.statement]));
  const changes = orderChanges([...diffed, ...extra.map((e) => e.change)], 'up');
  const warnings = checkHazards(changes, { unmanaged: before.unmanaged });
  return warnings.filter((w) => w.code !== 'LK607' || options.transactional === false).map((w) => {
    const statement = made.get(w.change) ?? statementOf(w.change, statements);
    return {
      code: w.code,
      severity: withoutData(w),
      message: w.message,
      object: w.object,
      ...(statement?.line !== undefined ? { line: statement.line } : {}),
      ...(statement ? { sql: statement.sql } : {}),
    };
  });
}
