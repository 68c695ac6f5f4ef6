/**
 * Reads the scenario folders, strictly: a folder with a file the harness does not know (a misnamed
 * `expect.json`, a stray `seed.psql`), without one it needs, or an expected.json with a key it does
 * not know is an error naming the folder and the file or key. Skipping such a folder, or ignoring
 * the key, would turn its checks off without anyone noticing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EntitySchema } from 'typeorm';
import type { HintTexts } from '../../src/api/hints';
import type { PolicyOverrides } from '../../src/diff/policy';

export interface ExpectedWarning {
  code: string;
  object: string;
  severity?: 'info' | 'warning' | 'error';
  count?: number;
  /** Text the message must contain. */
  message?: string;
}

export interface Expected {
  description: string;
  hints?: HintTexts;
  online?: boolean;
  /** What counts as a difference (`ormdiff.policy`; default TypeORM's view). */
  policy?: PolicyOverrides;
  /** Every warning the plan must carry (no more, no fewer), in any order. */
  warnings: ExpectedWarning[];
  /** `fails`: up must fail and leave schema and rows as they were (default `succeeds`). */
  up?: 'succeeds' | 'fails';
  /** Text the rendered up SQL must contain (the safe variant, the template…). */
  upSql?: string[];
  /** `schema.table.column` (old names) whose values the edit changes on purpose, or drops. */
  changedColumns?: string[];
  /** Values after up, by `schema.table.column` (new names) then primary key, as text (null for NULL). */
  after?: Record<string, Record<string, string | null>>;
  /** Whether down gives the seeded rows back exactly (default: unless columns are changed or dropped). */
  restoresData?: boolean;
}

export interface Scenario {
  name: string;
  dir: string;
  before: EntitySchema[];
  after: EntitySchema[];
  seed: string;
  expected: Expected;
}

/** The files of a scenario folder: true when it must be there. */
const FILES: Record<string, boolean> = { 'before.ts': true, 'after.ts': true, 'expected.json': true, 'seed.sql': false };

/** expected.json's keys (true: required), and each warning's. */
const EXPECTED_KEYS: Record<keyof Expected, boolean> = {
  description: true,
  hints: false,
  online: false,
  policy: false,
  warnings: true,
  up: false,
  upSql: false,
  changedColumns: false,
  after: false,
  restoresData: false,
};
const WARNING_KEYS: Record<keyof ExpectedWarning, boolean> = { code: true, object: true, severity: false, count: false, message: false };

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

function checkKeys(where: string, value: unknown, keys: Record<string, boolean>): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ScenarioError(`${where}: expected an object`);
  const unknown = Object.keys(value).filter((k) => !(k in keys));
  if (unknown.length > 0) throw new ScenarioError(`${where}: unknown key ${unknown.map((k) => JSON.stringify(k)).join(', ')} (known: ${Object.keys(keys).join(', ')})`);
  const missing = Object.keys(keys).filter((k) => keys[k] && !(k in value));
  if (missing.length > 0) throw new ScenarioError(`${where}: missing key ${missing.map((k) => JSON.stringify(k)).join(', ')}`);
}

/** expected.json, parsed and checked key by key. */
export function readExpected(dir: string, name: string): Expected {
  const where = `scenario ${name}: expected.json`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  } catch (e) {
    throw new ScenarioError(`${where}: ${(e as Error).message}`);
  }
  checkKeys(where, parsed, EXPECTED_KEYS);
  const expected = parsed as Expected;
  if (!Array.isArray(expected.warnings)) throw new ScenarioError(`${where}: "warnings" must be a list`);
  expected.warnings.forEach((w, i) => checkKeys(`${where}: warnings[${i}]`, w, WARNING_KEYS));
  if (expected.up !== undefined && expected.up !== 'succeeds' && expected.up !== 'fails') {
    throw new ScenarioError(`${where}: "up" must be "succeeds" or "fails", not ${JSON.stringify(expected.up)}`);
  }
  return expected;
}

/** Checks one folder's files, before anything in it is loaded. */
export function checkFolder(dir: string, name: string): void {
  const present = readdirSync(dir);
  const unknown = present.filter((f) => !(f in FILES));
  if (unknown.length > 0) {
    throw new ScenarioError(`scenario ${name}: unknown file ${unknown.join(', ')} (a scenario folder holds ${Object.keys(FILES).join(', ')})`);
  }
  const missing = Object.keys(FILES).filter((f) => FILES[f] && !present.includes(f));
  if (missing.length > 0) throw new ScenarioError(`scenario ${name}: missing ${missing.join(', ')}`);
}

/**
 * Every scenario under `root`: each folder is one, named `<number>-<what>`, except `_`-prefixed
 * folders (shared code). Files beside the folders (this harness, the README) are not scenarios.
 */
export function loadScenarios(root: string): Scenario[] {
  return readdirSync(root)
    .filter((name) => !name.startsWith('_') && statSync(join(root, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = join(root, name);
      if (!/^\d+-[a-z0-9-]+$/.test(name)) throw new ScenarioError(`scenario folder ${name}: the name must be <number>-<what> (or start with _ for shared code)`);
      checkFolder(dir, name);
      const expected = readExpected(dir, name);
      /* eslint-disable @typescript-eslint/no-require-imports */
      return {
        name,
        dir,
        before: require(join(dir, 'before.ts')).default as EntitySchema[],
        after: require(join(dir, 'after.ts')).default as EntitySchema[],
        seed: existsSync(join(dir, 'seed.sql')) ? readFileSync(join(dir, 'seed.sql'), 'utf8') : '',
        expected,
      };
    });
}
