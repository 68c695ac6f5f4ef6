/** A whole plan as a psql-runnable script, one direction at a time. */
import type { Plan, Statement } from '../plan/plan';
import { sqlComment } from '../sql/quote';

/**
 * A psql-runnable script for one direction of a plan. Going up, the warnings are comments at the top
 * and above the first statement of the change they concern, as in the migration file, so a script
 * piped to psql or pasted in a review still says what it risks.
 */
export function renderPlanSql(plan: Plan, direction: 'up' | 'down', options: { warnings?: boolean } = {}): string {
  const statements = direction === 'up' ? plan.up : plan.down;
  const warnings = direction === 'up' && options.warnings !== false ? plan.warnings : [];
  const header =
    sqlComment(`ormdiff ${direction}: ${statements.length} statement${statements.length === 1 ? '' : 's'}`) +
    warnings.map((w) => sqlComment(`${w.code} ${w.severity}: ${w.message}`)).join('');
  const settings = (list: string[]) => list.map((sql) => `${sql};\n`).join('');
  const warned = new Set<Statement['change']>();
  const warningsAbove = (s: Statement): string => {
    if (warned.has(s.change)) return '';
    warned.add(s.change);
    return warnings.filter((w) => w.change === s.change).map((w) => sqlComment(`WARNING ${w.code}: ${w.message}`)).join('');
  };
  const body =
    settings(plan.settings.start) +
    statements.map((s) => `${warningsAbove(s)}${s.note ? sqlComment(s.note) : ''}${s.sql};\n`).join('') +
    settings(plan.settings.end);
  return plan.transactional ? `${header}BEGIN;\n${body}COMMIT;\n` : header + body;
}
