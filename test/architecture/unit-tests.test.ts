/**
 * The unit list (test/unit-tests.js, run by `npm run test:unit` without the database setup) holds only
 * tests that need no database: none of them reaches, through the test helpers it imports, a database
 * or CLI helper, and under the unit config a connection attempt fails at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Client } from 'pg';
import * as ts from 'typescript';

const root = resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { UNIT_TESTS } = require('../unit-tests') as { UNIT_TESTS: string[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const unitConfig = require('../../jest.unit.config.js') as Record<string, unknown>;

/** Modules that open connections, create databases or start processes. */
const FORBIDDEN = [/src\/testing\/(database|server|index)\b/, /test\/scenarios\/harness\b/, /test\/cli\/helpers\b/, /test\/introspect\/helpers\b/, /test\/realworld\//, /^child_process$/, /^node:child_process$/];

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  return [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')].find((f) => existsSync(f) && !f.endsWith('/'));
}

/** Every module a test reaches through the test folder's own helpers (src is judged by its imports, not walked). */
function reached(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const out: string[] = [];
  for (const { fileName: spec } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
    const local = resolveLocal(file, spec);
    const name = local ? relative(root, local) : spec;
    out.push(name);
    if (local && name.startsWith('test/')) out.push(...reached(local, seen));
  }
  return out;
}

test('every listed file exists and is a test', () => {
  expect(UNIT_TESTS.filter((f) => !f.endsWith('.test.ts') || !existsSync(join(root, f)))).toStrictEqual([]);
});

test('no listed test reaches a database, server or process helper', () => {
  const bad = UNIT_TESTS.flatMap((f) => reached(join(root, f)).filter((m) => FORBIDDEN.some((r) => r.test(m))).map((m) => `${f} → ${m}`));
  expect(bad).toStrictEqual([]);
});

test('the unit config runs the list without the global database setup, with the connection guard', () => {
  expect(unitConfig.globalSetup).toBeUndefined();
  expect(unitConfig.globalTeardown).toBeUndefined();
  expect(unitConfig.testMatch).toStrictEqual(UNIT_TESTS.map((f) => `<rootDir>/${f}`));
  expect(unitConfig.setupFiles).toContain('<rootDir>/test/unit-setup.js');
});

test('under the guard, opening a connection fails at once naming the list', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../unit-setup.js');
  await expect(async () => new Client({ host: '127.0.0.1', port: 1 }).connect()).rejects.toThrow("database-free list: take it out of UNIT_TESTS");
});
