/** A plan's warnings checked against the live data: the facts the checks need, counted, then checked again. */
import type { Queryable } from '../introspect';
import { factsNeeded } from '../plan/hazards';
import { type Plan, withCounts } from '../plan/plan';
import { countFacts, type FactSource, type FactSourceOptions, withFactSource } from './count';

export async function assessPlan(plan: Plan, source: FactSource): Promise<Plan> {
  return withCounts(plan, await countFacts(factsNeeded(plan.changes, plan.options), source));
}

/** assessPlan over a connection (read-only in effect: its transaction is rolled back). */
export async function assessPlanOn(db: Queryable, plan: Plan, options: FactSourceOptions = {}): Promise<Plan> {
  if (factsNeeded(plan.changes, plan.options).length === 0) return plan;
  return withFactSource(db, (source) => assessPlan(plan, source), options);
}
