/**
 * Every rule both ways, through the planner's checks with the facts given as data (no database):
 * each firing case raises its code (with the severity and message asked for), each quiet case does
 * not. The guard fails when a code of the registry has no firing or no quiet case.
 */
import { WARNING_CODES, type WarningCode } from '../../src/plan/rules';
import { caseFailure, RULE_CASES, type RuleCases } from './rules.cases';

const rows = (kind: keyof RuleCases) =>
  (Object.entries(RULE_CASES) as [WarningCode, RuleCases][]).flatMap(([code, cases]) => cases[kind].map((c) => [code, c.name, c] as const));

test('every rule in the registry has a case that fires and a case that must not', () => {
  const missing = WARNING_CODES.flatMap((code) => [
    ...((RULE_CASES[code]?.fires.length ?? 0) === 0 ? [`${code}: no firing case`] : []),
    ...((RULE_CASES[code]?.quiet.length ?? 0) === 0 ? [`${code}: no quiet case`] : []),
  ]);
  expect(missing).toStrictEqual([]);
  // And no cases for a code the registry does not have (a renamed or retired rule).
  expect(Object.keys(RULE_CASES).filter((code) => !(WARNING_CODES as string[]).includes(code))).toStrictEqual([]);
});

test.each(rows('fires'))('%s fires: %s', (code, _name, c) => {
  expect(caseFailure(code, 'fires', c)).toBeUndefined();
});

test.each(rows('quiet'))('%s stays quiet: %s', (code, _name, c) => {
  expect(caseFailure(code, 'quiet', c)).toBeUndefined();
});
