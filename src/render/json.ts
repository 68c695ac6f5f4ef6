/**
 * The machine-readable form of a plan, for CI and tools. Its shape is documented field by field in
 * docs/json-format.md, whose JSON Schema the tests hold this output to. Any change a consumer could
 * notice (a field removed, renamed or retyped) needs a new `format` name; new optional fields do not.
 */
import { changeObject, changeTable, describeChange, isDestructive } from '../diff/describe';
import type { Plan } from '../plan/plan';

export const PLAN_JSON_FORMAT = 'ormdiff.plan/v1';

export type Severity = 'info' | 'warning' | 'error';

export interface PlanJson {
  format: typeof PLAN_JSON_FORMAT;
  transactional: boolean;
  summary: {
    changes: number;
    destructive: number;
    warnings: Record<Severity, number>;
  };
  changes: Array<{
    kind: string;
    object: string;
    /** `schema.table` when the change belongs to a table. */
    table: string | null;
    description: string;
    destructive: boolean;
  }>;
  warnings: Array<{
    code: string;
    severity: Severity;
    message: string;
    object: string;
    help: string;
    /** Index into `changes`; null for a warning about the plan as a whole. */
    change: number | null;
    /** The number the message is about (rows, values), present only when it was counted on the database. */
    count?: number;
  }>;
  up: string[];
  down: string[];
}

export function renderJson(plan: Plan): PlanJson {
  const changes = plan.changes.map((c) => {
    const table = changeTable(c);
    return {
      kind: c.kind,
      object: changeObject(c),
      table: table ? `${table.schema}.${table.name}` : null,
      description: describeChange(c),
      destructive: isDestructive(c),
    };
  });
  const count = (severity: Severity) => plan.warnings.filter((w) => w.severity === severity).length;
  return {
    format: PLAN_JSON_FORMAT,
    transactional: plan.transactional,
    summary: {
      changes: changes.length,
      destructive: changes.filter((c) => c.destructive).length,
      warnings: { info: count('info'), warning: count('warning'), error: count('error') },
    },
    changes,
    warnings: plan.warnings.map(({ code, severity, message, object, help, change, count }) => ({
      code,
      severity,
      message,
      object,
      help,
      change: plan.changes.includes(change) ? plan.changes.indexOf(change) : null,
      ...(count !== undefined ? { count } : {}),
    })),
    up: plan.up.map((s) => s.sql),
    down: plan.down.map((s) => s.sql),
  };
}
