/**
 * The policy from the config's `ormdiff` export and from `--policy`, through the built command: the
 * command line wins over the config; a bad key or value is one line naming it, exit 2.
 */
import path from 'node:path';
import { createTestDatabase, execSql, type TestDatabase } from '../../src/testing/database';
import { ROOT, runCli } from './helpers';

const FIXTURES = path.join(ROOT, 'test/fixtures/policy');
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await execSql(db.url, `CREATE TABLE memberships ("userId" integer NOT NULL, "groupId" integer NOT NULL,
    CONSTRAINT "PK_user_groups" PRIMARY KEY ("groupId", "userId"))`);
});
afterAll(async () => {
  await db.drop();
});

const diff = (config: string, ...args: string[]) =>
  runCli(['diff', '--exit-code', '--config', path.join(FIXTURES, config, 'ormconfig.ts'), '--url', db.url, ...args]);

test('by default (and under the config) a key differing in name and column order is no change', async () => {
  const run = await diff('valid');
  expect(run.stdout).toContain('No changes detected');
  expect(run.code).toBe(0);
});

test('--policy columnOrder.primaryKey=compare: the key is rebuilt in the entity order', async () => {
  const run = await diff('valid', '--policy', 'columnOrder.primaryKey=compare', '--format', 'sql');
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/DROP CONSTRAINT "PK_user_groups"/);
  expect(run.stdout).toMatch(/PRIMARY KEY \("userId", "groupId"\)/);
});

test('a bad key in the config: exit 2, one line naming it and the file', async () => {
  const run = await diff('bad');
  expect(run.code).toBe(2);
  expect(run.stderr.trim()).toMatch(/^ormdiff: ormdiff\.policy\.names\.pk in test\/fixtures\/policy\/bad\/ormconfig\.ts: unknown kind \(expected "primaryKey"/i);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
});

test('a bad --policy value: exit 2, one line naming it', async () => {
  const run = await diff('valid', '--policy', 'names.index=maybe');
  expect(run.code).toBe(2);
  expect(run.stderr.trim()).toMatch(/--policy names\.index: expected "compare", "ignore", not "maybe"$/);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
});
