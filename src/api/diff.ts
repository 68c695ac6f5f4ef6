/** `ormdiff diff`: the plan between the entities and the database, rendered, with nothing written. */
import { renderJson } from '../render/json';
import { renderMarkdown } from '../render/markdown';
import { renderPlanSql } from '../render/sql';
import type { Statement, Warning } from '../plan/plan';
import { compareEntitiesWithDatabase, type Comparison } from './compare';
import { openProject, type ProjectOptions } from './project';

export type DiffFormat = 'text' | 'sql' | 'markdown' | 'json';

export interface DiffOptions extends ProjectOptions {
  format?: DiffFormat;
}

export interface DiffResult {
  comparison: Comparison;
  hasChanges: boolean;
  /** The rendered plan; empty when there are no changes (except JSON, which always renders). */
  output: string;
}

export function renderPlan(comparison: Comparison, format: DiffFormat): string {
  const { plan } = comparison;
  switch (format) {
    case 'sql':
      return renderPlanSql(plan, 'up');
    case 'markdown':
      return renderMarkdown(plan);
    case 'json':
      return JSON.stringify(renderJson(plan), null, 2);
    case 'text':
      return renderText(comparison);
  }
}

/** The terminal view: one line per change, then the warnings, then the SQL. */
function renderText({ plan }: Comparison): string {
  const warnings = plan.warnings.map((w: Warning) => `  ${w.code} ${w.severity}: ${w.message}`);
  return [
    `${plan.changes.length} change(s):`,
    ...plan.up.map((s: Statement) => `  ${s.sql.split('\n')[0]}${s.sql.includes('\n') ? ' …' : ''}`),
    ...(warnings.length ? ['', `${warnings.length} warning(s):`, ...warnings] : []),
  ].join('\n');
}

export async function diff(options: DiffOptions = {}): Promise<DiffResult> {
  const project = await openProject(options);
  const comparison = await compareEntitiesWithDatabase(project);
  const hasChanges = comparison.plan.changes.length > 0;
  const format = options.format ?? 'text';
  const output = hasChanges || format === 'json' ? renderPlan(comparison, format) : '';
  return { comparison, hasChanges, output };
}
