/**
 * The scenario loader is strict (no database): a misnamed file, a missing one, an unknown key in
 * expected.json or in one of its warnings is an error naming the folder and the file or key, never a
 * folder skipped or a check silently off. And the corpus itself loads under these rules.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarios, ScenarioError } from './load';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ormdiff-scenarios-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const EXPECTED = { description: 'a column is added', warnings: [{ code: 'DD502', object: 'public.t.c' }] };

function folder(name: string, files: Record<string, string>): void {
  mkdirSync(join(root, name));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(root, name, file), text);
}

const entities = { 'before.ts': 'export default [];\n', 'after.ts': 'export default [];\n' };

test('a well-formed folder loads, its optional seed.sql included', () => {
  folder('01-fine', { ...entities, 'expected.json': JSON.stringify(EXPECTED), 'seed.sql': 'SELECT 1;' });
  folder('_lib', { 'entity.ts': 'export {};\n' });
  writeFileSync(join(root, 'README.md'), 'notes');
  const [s, ...rest] = loadScenarios(root);
  expect(rest).toHaveLength(0);
  expect({ name: s.name, seed: s.seed, expected: s.expected, before: s.before }).toStrictEqual({
    name: '01-fine',
    seed: 'SELECT 1;',
    expected: EXPECTED,
    before: [],
  });
});

test('a misnamed expected.json is an error naming the folder and the file', () => {
  folder('07-misnamed', { ...entities, 'expect.json': JSON.stringify(EXPECTED) });
  expect(() => loadScenarios(root)).toThrow(ScenarioError);
  expect(() => loadScenarios(root)).toThrow('scenario 07-misnamed: unknown file expect.json');
});

test('a folder without expected.json is an error, not a folder skipped', () => {
  folder('08-no-expectations', { ...entities });
  expect(() => loadScenarios(root)).toThrow('scenario 08-no-expectations: missing expected.json');
});

test('a misspelled key of expected.json is an error naming the folder, the file and the key', () => {
  folder('09-typo', { ...entities, 'expected.json': JSON.stringify({ ...EXPECTED, upSQL: ['ALTER TABLE'] }) });
  expect(() => loadScenarios(root)).toThrow('scenario 09-typo: expected.json: unknown key "upSQL"');
});

test("a misspelled key of a warning is an error naming the warning", () => {
  folder('10-warning-typo', { ...entities, 'expected.json': JSON.stringify({ ...EXPECTED, warnings: [{ code: 'DD502', object: 'public.t.c', serverity: 'error' }] }) });
  expect(() => loadScenarios(root)).toThrow('scenario 10-warning-typo: expected.json: warnings[0]: unknown key "serverity"');
});

test('a required key left out, or a folder named otherwise, is an error', () => {
  folder('11-no-warnings', { ...entities, 'expected.json': JSON.stringify({ description: 'x' }) });
  expect(() => loadScenarios(root)).toThrow('scenario 11-no-warnings: expected.json: missing key "warnings"');
  rmSync(join(root, '11-no-warnings'), { recursive: true });
  folder('renames', { ...entities, 'expected.json': JSON.stringify(EXPECTED) });
  expect(() => loadScenarios(root)).toThrow('scenario folder renames: the name must be <number>-<what>');
});

test('the corpus loads under these rules', () => {
  expect(loadScenarios(__dirname).length).toBeGreaterThanOrEqual(61);
});
