/** `upgrade` on a database that does not exist yet creates it, as a development tool is expected to. */
import { randomBytes } from 'node:crypto';
import { withDatabase, serverUrl, dropDatabase, querySql } from '../../src/testing/database';
import { runCli } from './helpers';

const name = `ormdiff_created_${randomBytes(4).toString('hex')}`;
afterAll(() => dropDatabase(serverUrl(), name));

test('upgrade head creates the missing database, says so, and migrates it', async () => {
  const url = withDatabase(serverUrl(), name);
  const run = await runCli(['upgrade', 'head', '--url', url]);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain(`Created database ${name}`);
  const tables = await querySql<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
  expect(tables.map((t) => t.tablename)).toEqual(['cards', 'ormdiff_history', 'ormdiff_version', 'profiles', 'users']);

  // The second time the database is there: nothing to create.
  const again = await runCli(['upgrade', 'head', '--url', url]);
  expect(again.code).toBe(0);
  expect(again.stderr).not.toContain('Created database');
});
