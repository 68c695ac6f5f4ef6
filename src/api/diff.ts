/** `ormdiff diff`: the plan between the entities and the database, rendered, with nothing written. */
import { renderJson } from '../render/json';
import { renderPlanSql } from '../render/sql';
import type { Statement, Warning } from '../plan/plan';
import { compareEntitiesWithDatabase, type CompareOptions, type Comparison } from './compare';
import { openProject, type ProjectOptions } from './project';
import { timed } from '../timings';

export type DiffFormat = 'text' | 'sql' | 'markdown' | 'json';

export interface DiffOptions extends ProjectOptions {
  format?: DiffFormat;
  /** Rename hints, custom casts, enum maps, --online, the interactive asker. */
  compare?: CompareOptions;
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
    case 'markdown': {
      // Loaded for this format only: its DDL renderer is a tenth of a no-change run's module loading.
      const { renderMarkdown } = require('../render/markdown') as typeof import('../render/markdown');
      return renderMarkdown(plan, { before: comparison.actual, after: comparison.desired });
    }
    case 'json':
      return JSON.stringify(renderJson(plan), null, 2);
    case 'text':
      return renderText(comparison);
  }
}

/** `3 views, 1 function`: what the catalog holds that ormdiff reads but never plans for. */
function unmanagedSummary(comparison: Comparison): string | undefined {
  const counts = new Map<string, number>();
  for (const u of comparison.actual.unmanaged) counts.set(u.kind, (counts.get(u.kind) ?? 0) + 1);
  if (counts.size === 0) return undefined;
  const parts = [...counts].map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : kind.endsWith('s') ? 'es' : 's'}`);
  return `Left alone (not modelled by ormdiff): ${parts.join(', ')}`;
}

/** The terminal view: one line per statement, then the warnings and what was left alone. */
export function renderText(comparison: Comparison): string {
  const { plan } = comparison;
  const warnings = plan.warnings.map((w: Warning) => `  ${w.code} ${w.severity}: ${w.message}`);
  const unmanaged = unmanagedSummary(comparison);
  return [
    `${plan.changes.length} change(s):`,
    ...plan.up.map((s: Statement) => `  ${s.sql.split('\n')[0]}${s.sql.includes('\n') ? ' …' : ''}`),
    ...(warnings.length ? ['', `${warnings.length} warning(s):`, ...warnings] : []),
    ...(unmanaged ? ['', unmanaged] : []),
  ].join('\n');
}

export async function diff(options: DiffOptions = {}): Promise<DiffResult> {
  const project = await timed('load', () => openProject(options, { lazyEntities: true }));
  const comparison = await compareEntitiesWithDatabase(project, { keepRead: true, ...options.compare });
  const hasChanges = comparison.plan.changes.length > 0;
  const format = options.format ?? 'text';
  const output = await timed('render', async () => (hasChanges || format === 'json' ? renderPlan(comparison, format) : ''));
  return { comparison, hasChanges, output };
}
