/**
 * A role that may only connect and read the catalog (no CREATE on the database, no SELECT on the
 * tables, no CREATEDB) runs the read-only commands: `diff` gives exactly what the owner's `diff`
 * gives, `check` works against a scratch server it may create databases on (--scratch-url), and
 * whatever privilege is still missing is named on one line with exit code 3.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, execSql, serverUrl, type TestDatabase } from '../../src/testing/database';
import { runCli } from '../cli/helpers';
import { copyExampleProject, type TempProject } from '../scratch/project';

let project: TempProject;
let empty: TestDatabase;
let migrated: TestDatabase;
const tag = randomBytes(4).toString('hex');
const reader = `ormdiff_reader_${tag}`;
const noTemp = `ormdiff_notemp_${tag}`;

/** Ignored under trust authentication (the local cluster), needed under scram (CI's service container). */
const password = `pw_${tag}`;

/** The same URL, logging in as `role`. */
const as = (role: string, url: string) => {
  const u = new URL(url);
  u.username = role;
  u.password = password;
  return u.toString();
};

beforeAll(async () => {
  project = copyExampleProject();
  empty = await createTestDatabase();
  migrated = await createTestDatabase();
  const up = await runCli(['upgrade', 'head'], { cwd: project.dir, env: { DATABASE_URL: migrated.url } });
  expect(up.code).toBe(0);
  await execSql(serverUrl(), `CREATE ROLE ${reader} LOGIN PASSWORD '${password}'; CREATE ROLE ${noTemp} LOGIN PASSWORD '${password}'`);
  for (const db of [empty, migrated]) {
    // PUBLIC keeps CONNECT; TEMPORARY is given to the reader alone, so the other role has nothing but CONNECT.
    await execSql(serverUrl(), `REVOKE TEMPORARY ON DATABASE ${db.name} FROM PUBLIC; GRANT TEMPORARY ON DATABASE ${db.name} TO ${reader}`);
  }
});

afterAll(async () => {
  await empty?.drop();
  await migrated?.drop();
  await execSql(serverUrl(), `DROP ROLE IF EXISTS ${reader}; DROP ROLE IF EXISTS ${noTemp}`);
  project?.remove();
});

/**
 * `diff` with no normalization cache: what an earlier run had Postgres spell is kept in
 * .ormdiff/normalize-cache.json, and a run that finds everything there needs no privilege at all, so
 * the privilege each role has would go untested.
 */
const diffSql = (url: string) => {
  rmSync(join(project.dir, '.ormdiff', 'normalize-cache.json'), { force: true });
  return runCli(['diff', '--format', 'sql'], { cwd: project.dir, env: { DATABASE_URL: url } });
};

test.each([
  ['an empty database (every table, and the enum type, new)', () => empty],
  ['a migrated database (one column missing)', () => migrated],
])('diff as a catalog-only reader of %s gives what the owner gets', async (_what, db) => {
  const owner = await diffSql(db().url);
  expect(owner.code).toBe(0);
  expect(owner.stdout).toMatch(/CREATE TABLE|ADD COLUMN/);
  const read = await diffSql(as(reader, db().url));
  expect({ code: read.code, stderr: read.stderr.split('\n').filter((l) => l.startsWith('ormdiff:')) }).toEqual({ code: 0, stderr: [] });
  expect(read.stdout).toBe(owner.stdout);
});

test('diff without even TEMPORARY: exit 3, one line naming the privilege and the database', async () => {
  const run = await diffSql(as(noTemp, migrated.url));
  expect(run.code).toBe(3);
  const errors = run.stderr.split('\n').filter((l) => l.startsWith('ormdiff:'));
  expect(errors).toEqual([`ormdiff: role "${noTemp}" lacks TEMPORARY on database "${migrated.name}": grant it or pass --scratch-url`]);
});

test('diff without even TEMPORARY needs no privilege once the normalization cache knows every item', async () => {
  const owner = await diffSql(migrated.url);
  expect(owner.code).toBe(0);
  // The owner's run left the cache behind; the role with nothing but CONNECT reads it.
  const read = await runCli(['diff', '--format', 'sql'], { cwd: project.dir, env: { DATABASE_URL: as(noTemp, migrated.url) } });
  expect({ code: read.code, stdout: read.stdout }).toEqual({ code: 0, stdout: owner.stdout });
});

test('diff without TEMPORARY but with --scratch-url gives what the owner gets', async () => {
  for (const db of [empty, migrated]) {
    const owner = await diffSql(db.url);
    const run = await runCli(['diff', '--format', 'sql', '--scratch-url', serverUrl()], { cwd: project.dir, env: { DATABASE_URL: as(noTemp, db.url) } });
    expect({ code: run.code, stderr: run.stderr.split('\n').filter((l) => l.startsWith('ormdiff:')) }).toEqual({ code: 0, stderr: [] });
    expect(run.stdout).toBe(owner.stdout);
  }
});

test('check without CREATEDB: exit 3, one line naming the privilege and what to do', async () => {
  const run = await runCli(['check'], { cwd: project.dir, env: { DATABASE_URL: as(reader, migrated.url) } });
  expect(run.code).toBe(3);
  const errors = run.stderr.split('\n').filter((l) => l.startsWith('ormdiff:'));
  const server = new URL(serverUrl());
  expect(errors).toEqual([`ormdiff: role "${reader}" lacks CREATEDB on server ${server.hostname}:${server.port || '5432'}: grant it or pass --scratch-url`]);
});

test('check with --scratch-url: the scratch side on the other role, the live side read-only', async () => {
  const scratch = ['check', '--scratch-url', serverUrl()];
  // Which revision the database is at is in the version table: without SELECT on it, that is the one line.
  const denied = await runCli(scratch, { cwd: project.dir, env: { DATABASE_URL: as(reader, migrated.url) } });
  expect(denied.code).toBe(3);
  expect(denied.stderr.split('\n').filter((l) => l.startsWith('ormdiff:'))).toEqual([
    `ormdiff: role "${reader}" lacks SELECT on table public.ormdiff_version: grant it (ormdiff reads the database's revision from it)`,
  ]);
  // TypeORM's own table too: ormdiff keeps it in step with the version table and reads it as part of the state.
  await execSql(migrated.url, `GRANT SELECT ON public.ormdiff_version, public.ormdiff_history, public.migrations TO ${reader}`);
  const owner = await runCli(scratch, { cwd: project.dir, env: { DATABASE_URL: migrated.url } });
  const read = await runCli(scratch, { cwd: project.dir, env: { DATABASE_URL: as(reader, migrated.url) } });
  // The entities hold a column no migration makes: both find exactly that, nothing about privileges.
  expect(owner.code).toBe(1);
  expect({ code: read.code, stdout: read.stdout }).toEqual({ code: owner.code, stdout: owner.stdout });
  expect(read.stdout).toMatch(/cards\.nickname/);
});

test("diff where TypeORM's metadata table exists but may not be read: exit 3 naming it", async () => {
  await execSql(
    migrated.url,
    'CREATE TABLE public.typeorm_metadata ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)',
  );
  try {
    const run = await diffSql(as(reader, migrated.url));
    expect(run.code).toBe(3);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('ormdiff:'))).toEqual([
      `ormdiff: role "${reader}" lacks SELECT on table public.typeorm_metadata: grant it (TypeORM keeps generated columns' expressions there)`,
    ]);
  } finally {
    await execSql(migrated.url, 'DROP TABLE public.typeorm_metadata');
  }
});
