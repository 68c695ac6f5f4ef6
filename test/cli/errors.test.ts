/**
 * Bad input gives one clear line naming the culprit, a distinct exit code, no stack trace, no password,
 * and no change to the database.
 */
import path from 'node:path';
import { createTestDatabase, execSql, querySql, type TestDatabase } from '../../src/testing/database';
import { ROOT, runCli } from './helpers';

const CONFIGS = path.join(ROOT, 'test/fixtures/config');
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

function expectOneLine(stderr: string) {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

test('missing config: exit 2, names the file', async () => {
  const run = await runCli(['diff', '--config', 'nope/ormconfig.ts', '--url', db.url]);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/nope\/ormconfig\.ts/);
  expectOneLine(run.stderr);
});

test('config without entities: exit 2', async () => {
  const run = await runCli(['diff', '--config', path.join(CONFIGS, 'no-entities/ormconfig.ts'), '--url', db.url]);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/entit/i);
  expectOneLine(run.stderr);
});

test('an entity file that throws: exit 2, names the file', async () => {
  const run = await runCli(['diff', '--config', path.join(CONFIGS, 'broken-entity/ormconfig.ts'), '--url', db.url]);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/\.ts/);
  expectOneLine(run.stderr);
});

test('a config that is not a DataSource: exit 2', async () => {
  const run = await runCli(['diff', '--config', path.join(CONFIGS, 'not-datasource/ormconfig.ts'), '--url', db.url]);
  expect(run.code).toBe(2);
  expectOneLine(run.stderr);
});

test('--verbose adds the stack trace', async () => {
  const run = await runCli(['diff', '--verbose', '--config', path.join(CONFIGS, 'broken-entity/ormconfig.ts'), '--url', db.url]);
  expect(run.code).toBe(2);
  expect(run.stderr.trim().split('\n').length).toBeGreaterThan(1);
});

test('unreachable database: exit 3, names the server, hides the password', async () => {
  const run = await runCli(['diff', '--url', 'postgres://app:S3cretPassw0rd@127.0.0.1:1/nowhere']);
  expect(run.code).toBe(3);
  expect(run.stderr).toMatch(/127\.0\.0\.1:1\/nowhere/);
  expect(run.stderr).not.toContain('S3cretPassw0rd');
  expectOneLine(run.stderr);
});

test('login refused (the server trusts nobody with that role): exit 3, no password in output', async () => {
  const role = `ormdiff_nologin_${db.name.slice(-6)}`;
  await execSql(db.url, `DROP ROLE IF EXISTS ${role}; CREATE ROLE ${role} NOLOGIN PASSWORD 'Hunter2Secret'`);
  try {
    const u = new URL(db.url);
    u.username = role;
    u.password = 'Hunter2Secret';
    const run = await runCli(['diff', '--url', u.toString()]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/not permitted to log in|authentication failed/);
    expect(run.stderr + run.stdout).not.toContain('Hunter2Secret');
    expectOneLine(run.stderr);
  } finally {
    await execSql(db.url, `DROP ROLE IF EXISTS ${role}`);
  }
});

test('unknown command or flag: exit 2 with one line', async () => {
  const run = await runCli(['frobnicate']);
  expect(run.code).toBe(2);
  const flag = await runCli(['diff', '--no-such-flag', '--url', db.url]);
  expect(flag.code).toBe(2);
});

test('diff is read-only and `diff --exit-code` exits 1 when changes exist', async () => {
  const run = await runCli(['diff', '--exit-code', '--url', db.url]);
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/create table|CREATE TABLE/i);
  const tables = await querySql(db.url, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
  expect(tables[0].n).toBe(0);
});

test('diff --format sql: stdout is SQL only, messages on stderr', async () => {
  const run = await runCli(['diff', '--format', 'sql', '--url', db.url]);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/CREATE TABLE "public"."users"/);
  // psql can run it as it is.
  const scratch = await createTestDatabase();
  try {
    await execSql(scratch.url, run.stdout);
    const tables = await querySql(scratch.url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    expect(tables.map((t) => t.tablename)).toEqual(['cards', 'profiles', 'users']);
  } finally {
    await scratch.drop();
  }
});

test('no changes: "No changes detected" on stdout for text, on stderr for sql', async () => {
  const scratch = await createTestDatabase();
  try {
    const sql = await runCli(['diff', '--format', 'sql', '--url', scratch.url]);
    await execSql(scratch.url, sql.stdout);
    const text = await runCli(['diff', '--url', scratch.url]);
    expect(text.code).toBe(0);
    expect(text.stdout.trim()).toBe('No changes detected');
    const again = await runCli(['diff', '--format', 'sql', '--url', scratch.url]);
    expect(again.stdout).toBe('');
    expect(again.stderr.trim()).toBe('No changes detected');
  } finally {
    await scratch.drop();
  }
});

test('a --url that is not a postgres URL: exit 2 before any connection', async () => {
  const notUrl = await runCli(['diff', '--url', 'not a url']);
  expect(notUrl.code).toBe(2);
  expect(notUrl.stderr).toMatch(/--url is not a URL/);
  const mysql = await runCli(['diff', '--url', 'mysql://app:Pw9secret@db/x']);
  expect(mysql.code).toBe(2);
  expect(mysql.stderr).toMatch(/not a PostgreSQL URL/);
  expect(mysql.stderr).not.toContain('Pw9secret');
});

test('history -r takes a range that starts with a minus', async () => {
  const run = await runCli(['history', '-r', '-1:', '--url', db.url]);
  // Parsed as a range, not an unknown flag: the relative start is resolved against the database,
  // which is at base here, so one step back does not exist.
  expect(run.stderr).not.toMatch(/Unknown argument/);
  expect(run.stderr).toMatch(/Relative revision -1/);
  expect(run.code).toBe(2);
});
