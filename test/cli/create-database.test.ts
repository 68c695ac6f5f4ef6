/** `upgrade` on a database that does not exist yet creates it, as a development tool is expected to. */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { copyExampleProject } from '../scratch/project';
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
  // `migrations` is TypeORM's own table: the example's DataSource names this folder, so ormdiff keeps it in step.
  expect(tables.map((t) => t.tablename)).toEqual(['cards', 'migrations', 'ormdiff_history', 'ormdiff_version', 'profiles', 'users']);

  // The second time the database is there: nothing to create.
  const again = await runCli(['upgrade', 'head', '--url', url]);
  expect(again.code).toBe(0);
  expect(again.stderr).not.toContain('Created database');
});

test('revision --autogenerate on a missing database creates it and writes the whole schema', async () => {
  const missing = `${name}_rev`;
  const url = withDatabase(serverUrl(), missing);
  const project = copyExampleProject();
  try {
    rmSync(`${project.dir}/migrations`, { recursive: true, force: true });
    const run = await runCli(['revision', '--autogenerate', '-m', 'initial'], { cwd: project.dir, env: { DATABASE_URL: url } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Created database ${missing}`);
    expect(project.migrations()).toHaveLength(1);
  } finally {
    project.remove();
    await dropDatabase(serverUrl(), missing);
  }
});
