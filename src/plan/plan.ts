/** A plan: the ordered changes, their SQL both ways, and what to look out for. */
import { type Change, invert } from '../diff/changes';
import { renderChange } from '../render/sql';
import { coalesceRecreates } from './coalesce';
import { checkHazards, type Warning } from './hazards';
import { orderChanges } from './order';

export type { Warning };

export interface Statement {
  sql: string;
  change: Change;
  /** Whether the statement may run inside a transaction block. */
  transactional: boolean;
}

export interface Plan {
  /** The `up` changes, in the order they run. */
  changes: Change[];
  up: Statement[];
  down: Statement[];
  warnings: Warning[];
  /** Whether the whole migration can run in one transaction. */
  transactional: boolean;
}

/**
 * Every statement ormdiff renders can run in a transaction on the Postgres versions it supports
 * (ALTER TYPE … ADD VALUE can since 12); a use of such a value in the same transaction is a hazard
 * (TX401), not a reason to give the transaction up.
 */
const statementsOf = (changes: Change[]): Statement[] =>
  changes.flatMap((change) => renderChange(change).map((sql) => ({ sql, change, transactional: true })));

export function planChanges(changes: Change[]): Plan {
  const up = orderChanges(coalesceRecreates(changes));
  const down = orderChanges(coalesceRecreates([...up].reverse().map(invert)));
  const upStatements = statementsOf(up);
  const downStatements = statementsOf(down);
  return {
    changes: up,
    up: upStatements,
    down: downStatements,
    warnings: checkHazards(up),
    transactional: [...upStatements, ...downStatements].every((s) => s.transactional),
  };
}
