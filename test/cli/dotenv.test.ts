/** `.env` in the project: read for DATABASE_URL (and what the config reads), never over a variable already set. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, querySql, type TestDatabase } from '../../src/testing/database';
import { copyExampleProject, type TempProject } from '../scratch/project';
import { runCli } from './helpers';

let fromFile: TestDatabase;
let fromEnv: TestDatabase;
let project: TempProject;
beforeAll(async () => {
  [fromFile, fromEnv] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  project = copyExampleProject();
  writeFileSync(path.join(project.dir, '.env'), `# as TypeORM projects keep it\nDATABASE_URL=${fromFile.url}\n`);
});
afterAll(async () => {
  await Promise.all([fromFile.drop(), fromEnv.drop()]);
  project.remove();
});

const migrated = async (db: TestDatabase) =>
  (await querySql<{ n: number }>(db.url, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename = 'cards'"))[0].n === 1;

test('DATABASE_URL from .env when the environment has none', async () => {
  const run = await runCli(['upgrade', 'head'], { cwd: project.dir, env: { DATABASE_URL: undefined, TEST_DATABASE_URL: undefined } });
  expect(run.stderr).not.toMatch(/ormdiff:/);
  expect(run.code).toBe(0);
  expect(await migrated(fromFile)).toBe(true);
});

test('a DATABASE_URL set in the environment wins over .env', async () => {
  const run = await runCli(['upgrade', 'head'], { cwd: project.dir, env: { DATABASE_URL: fromEnv.url } });
  expect(run.code).toBe(0);
  expect(await migrated(fromEnv)).toBe(true);
});
