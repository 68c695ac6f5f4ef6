/**
 * `upgrade` checks its input before it changes anything on the server: with migrations that do not
 * load, or a target that names no revision, a missing database stays missing (it is created only
 * once the input is known to be good).
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { querySql, serverUrl, withDatabase } from '../../src/testing/database';
import { runCli } from '../cli/helpers';
import { copyExampleProject, INITIAL, type TempProject } from '../scratch/project';

let project: TempProject;
beforeAll(() => {
  project = copyExampleProject();
});
afterAll(() => project.remove());

const exists = async (name: string) =>
  (await querySql(serverUrl(), 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;

const missingDatabase = () => `ormdiff_never_${randomBytes(5).toString('hex')}`;

test('a migration file that does not compile: exit 2 naming the file, and the database is not created', async () => {
  const file = path.join(project.dir, 'migrations', 'ffffffffffff_broken.ts');
  writeFileSync(file, 'export class Broken { revision = "ffffffffffff"; downRevision = "84877894d01b"; up( {\n');
  const name = missingDatabase();
  try {
    const run = await runCli(['upgrade', 'head'], { cwd: project.dir, env: { DATABASE_URL: withDatabase(serverUrl(), name) } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ffffffffffff_broken\.ts/);
    expect(run.stderr).not.toMatch(/Created database/);
    expect(await exists(name)).toBe(false);
  } finally {
    rmSync(file);
  }
});

test('a migration whose parent does not exist: exit 2, and the database is not created', async () => {
  const file = project.addMigration({ revision: 'eeeeeeeeeeee', parent: '000000000bad', slug: 'orphan', up: '', down: '' });
  const name = missingDatabase();
  try {
    const run = await runCli(['upgrade', 'head'], { cwd: project.dir, env: { DATABASE_URL: withDatabase(serverUrl(), name) } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/000000000bad/);
    expect(await exists(name)).toBe(false);
  } finally {
    rmSync(file);
  }
});

test('a target that names no revision: exit 2, and the database is not created', async () => {
  const name = missingDatabase();
  const run = await runCli(['upgrade', 'abcdef999999'], { cwd: project.dir, env: { DATABASE_URL: withDatabase(serverUrl(), name) } });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/abcdef999999/);
  expect(await exists(name)).toBe(false);
});

test('good input: the missing database is created and migrated', async () => {
  const name = missingDatabase();
  const url = withDatabase(serverUrl(), name);
  try {
    const run = await runCli(['upgrade', 'head'], { cwd: project.dir, env: { DATABASE_URL: url } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Created database ${name}`);
    expect(await querySql(url, 'SELECT version_num FROM ormdiff_version')).toEqual([{ version_num: INITIAL }]);
  } finally {
    await querySql(serverUrl(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
});
