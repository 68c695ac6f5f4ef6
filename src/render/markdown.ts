/**
 * A plan as a Markdown report, written to be posted as a pull-request comment: per-table summary, warnings
 * with their help, each changed table's DDL as a unified diff (when the two models are given), and the
 * SQL both ways.
 */
import type { Change } from '../diff/changes';
import { changeObject, changeTable, describeChange, isDestructive } from '../diff/describe';
import type { Plan, Statement } from '../plan/plan';
import type { Schema } from '../schema/model';
import { tableDdlDiffs } from './ddl-diff';
import { markdownFence, markdownText } from './markdown-text';
import { renderPlanSql } from './sql';

/** The models the plan goes between: the database as it is and as it will be. */
export interface PlanSchemas {
  before: Schema;
  after: Schema;
}

/** `schema.table` for table-level changes, the object itself for types, sequences, schemas… */
function groupOf(change: Change): string {
  const table = changeTable(change);
  return table ? `${table.schema}.${table.name}` : changeObject(change);
}

function summary(plan: Plan): string {
  const groups = new Map<string, Change[]>();
  for (const c of plan.changes) groups.set(groupOf(c), [...(groups.get(groupOf(c)) ?? []), c]);
  const rows = [...groups].map(([object, changes]) => {
    const codes = plan.warnings.filter((w) => changes.includes(w.change)).map((w) => `${w.code} (${w.severity})`);
    const lines = changes.map((c) => markdownText(describeChange(c)) + (isDestructive(c) ? ' **(destructive)**' : ''));
    return `| ${markdownText(object)} | ${lines.join('<br>')} | ${markdownText(codes.join(', ')) || '—'} |`;
  });
  return ['| Object | Changes | Warnings |', '| --- | --- | --- |', ...rows].join('\n');
}

function warnings(plan: Plan): string {
  if (plan.warnings.length === 0) return 'None.';
  return plan.warnings
    .map((w) => `- **${markdownText(w.code)}** (${w.severity}) ${markdownText(w.object)}: ${markdownText(w.message)}\n  ${markdownText(w.help)}`)
    .join('\n');
}

function schemaDiff(plan: Plan, schemas: PlanSchemas): string[] {
  const diffs = tableDdlDiffs(plan.changes, schemas.before, schemas.after);
  if (diffs.length === 0) return [];
  return ['## Schema diff', ...diffs.flatMap((d) => [`### ${markdownText(`${d.table.schema}.${d.table.name}`)}`, markdownFence(d.patch, 'diff')])];
}

/** A migration file as it will run, for a review of migrations someone wrote (not ormdiff's plan). */
export interface MigrationToReview {
  file: string;
  message: string;
  transactional: boolean;
  /** As executed on a scratch database, in order. */
  statements: string[];
  hazards: Array<{ code: string; severity: string; line: number; message: string; acknowledged?: string }>;
}

function reviewedHazards(m: MigrationToReview): string {
  if (m.hazards.length === 0) return 'No warnings.';
  return m.hazards
    .map((h) => {
      const ack = h.acknowledged !== undefined ? ` — acknowledged: ${markdownText(h.acknowledged)}` : h.severity === 'error' ? ' — **not acknowledged**' : '';
      return `- **${markdownText(h.code)}** (${h.severity}, line ${h.line}): ${markdownText(h.message)}${ack}`;
    })
    .join('\n');
}

/**
 * Migrations as they will run (each file's statements, its warnings) and what they do to each table:
 * the summary and DDL diffs of `plan` between `schemas`, without ormdiff's own SQL for it.
 */
export function renderMigrationReview(migrations: readonly MigrationToReview[], plan: Plan, schemas: PlanSchemas): string {
  const files = migrations.flatMap((m) => [
    `### ${markdownText(`${m.file}: ${m.message.split('\n')[0]}`)}`,
    `${statementCount(m.statements)}${m.transactional ? ', in one transaction' : ', outside a transaction'}.`,
    reviewedHazards(m),
    markdownFence(m.statements.map((s) => (s.trimEnd().endsWith(';') ? s.trimEnd() : `${s.trimEnd()};`)).join('\n\n'), 'sql'),
  ]);
  const tables = plan.changes.length === 0 ? ['No schema change.'] : [summary(plan), ...schemaDiff(plan, schemas).map((l) => (l.startsWith('#') ? `#${l}` : l))];
  return [`## Migrations to run (${migrations.length})`, ...files, '## What they change', ...tables].join('\n\n') + '\n';
}

const statementCount = (s: { length: number }): string => `${s.length} statement${s.length === 1 ? '' : 's'}`;

export function renderMarkdown(plan: Plan, schemas?: PlanSchemas): string {
  if (plan.changes.length === 0) return '# Migration plan\n\nNo changes: the database matches the model.\n';
  return (
    [
      '# Migration plan',
      `${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'}, ${plan.warnings.length} warning${plan.warnings.length === 1 ? '' : 's'}; ${plan.transactional ? 'runs in one transaction' : 'runs outside a transaction'}.`,
      '## Summary',
      summary(plan),
      '## Warnings',
      warnings(plan),
      ...(schemas ? schemaDiff(plan, schemas) : []),
      `## Up (${statementCount(plan.up)})`,
      // The Warnings section above says it already; the fence stays the bare script.
      markdownFence(renderPlanSql(plan, 'up', { warnings: false }), 'sql'),
      `## Down (${statementCount(plan.down)})`,
      markdownFence(renderPlanSql(plan, 'down'), 'sql'),
    ].join('\n\n') + '\n'
  );
}
