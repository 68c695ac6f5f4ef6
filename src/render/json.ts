/** A stable, machine-readable form of a plan (for CI and tools); bump `version` on any shape change. */
import { changeObject, isDestructive } from '../diff/describe';
import type { Plan } from '../plan/plan';

export interface PlanJson {
  version: 1;
  transactional: boolean;
  changes: Array<{ kind: string; object: string; destructive: boolean }>;
  warnings: Array<{
    code: string;
    severity: 'info' | 'warning' | 'error';
    message: string;
    object: string;
    help: string;
  }>;
  up: string[];
  down: string[];
}

export function renderJson(plan: Plan): PlanJson {
  return {
    version: 1,
    transactional: plan.transactional,
    changes: plan.changes.map((c) => ({ kind: c.kind, object: changeObject(c), destructive: isDestructive(c) })),
    warnings: plan.warnings.map(({ code, severity, message, object, help }) => ({
      code,
      severity,
      message,
      object,
      help,
    })),
    up: plan.up.map((s) => s.sql),
    down: plan.down.map((s) => s.sql),
  };
}
