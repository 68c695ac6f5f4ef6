/** An entity model Postgres cannot hold as declared: exit 2, one line naming both entities, no change to the database. */
import path from 'node:path';
import { createTestDatabase, querySql, type TestDatabase } from '../../src/testing/database';
import { ROOT, runCli } from './helpers';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

test('two entities claiming one table with different column definitions', async () => {
  const config = path.join(ROOT, 'test/fixtures/config/one-table-two-entities/ormconfig.ts');
  const run = await runCli(['diff', '--config', config, '--url', db.url]);
  expect(run.code).toBe(2);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toContain('entity Account and entity LegacyAccount both map table public.accounts with different definitions of column "email"');
  expect(await querySql(db.url, `SELECT to_regclass('public.accounts') AS t`)).toEqual([{ t: null }]);
});
