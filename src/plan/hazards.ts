/**
 * Hazard checks: small independent passes over the ordered `up` changes (src/plan/checks), each
 * with a stable code (src/plan/rules.ts), a one-line message naming the object and the numbers, and
 * the safer way. Passes are pure: the facts they need are counted beforehand (src/facts) and
 * looked up here; without counts they still warn, in general terms.
 */
import type { Change } from '../diff/changes';
import { columnKey } from '../diff/keys';
import { qualifiedKey } from '../schema/model';
import { type Fact, type FactCounts, factKey, NO_COUNTS } from './facts';
import { createdSets, type HazardContext, type HazardOptions, liveNames, type Pass, type Warning } from './checks/context';
import { dataPasses } from './checks/data';
import { destructivePasses } from './checks/destructive';
import { lockPasses } from './checks/locks';
import { renamePasses } from './checks/renames';
import { typePasses } from './checks/types';
import { leftPass } from './checks/used';

export type { HazardOptions, Warning };

const PASSES: Pass[] = [...destructivePasses, ...dataPasses, ...typePasses, ...renamePasses, ...lockPasses];

function context(changes: Change[], options: HazardOptions, count: (fact: Fact) => number | undefined): HazardContext {
  const created = createdSets(changes);
  const existed: HazardContext['existed'] = (t) => !created.tables.has(qualifiedKey(t));
  return {
    changes,
    count,
    existed,
    columnExisted: (t, column) => existed(t) && !created.columns.has(columnKey(t, column)),
    live: liveNames(changes),
    options,
  };
}

/** Every pass's warnings, in plan order, reading counted facts from `counts`. */
export function checkHazards(changes: Change[], options: HazardOptions = {}, counts: FactCounts = NO_COUNTS): Warning[] {
  const ctx = context(changes, options, (fact) => counts.get(factKey(fact)));
  const position = new Map(changes.map((c, i) => [c, i]));
  // Drops left out of the plan have no position: their notes come first.
  return [...leftPass(ctx), ...PASSES.flatMap((pass) => pass(ctx)).sort((a, b) => position.get(a.change)! - position.get(b.change)!)];
}

/** The facts the passes would read: what to count on the live database before checking. */
export function factsNeeded(changes: Change[], options: HazardOptions = {}): Fact[] {
  const asked = new Map<string, Fact>();
  const ctx = context(changes, options, (fact) => {
    asked.set(factKey(fact), fact);
    return undefined;
  });
  PASSES.forEach((pass) => pass(ctx));
  return [...asked.values()];
}
