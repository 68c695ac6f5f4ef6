/**
 * Issue 9, case 6: the messages bad input gets. A malformed %-escape names the setting it is in; the
 * password is redacted where it stands in the URL, not wherever its text appears; a library's
 * source-mapped frame is never named as the file at fault; yargs' `Invalid values:` and unknown
 * options say what was given, what is valid and what was probably meant.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redactSecrets } from '../../src/db/redact';
import { ExitCode } from '../../src/errors';
import { BIN, runCli } from '../cli/helpers';
import { nodeArgs } from '../typeorm-variant';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ormdiff-messages-'));
  const typeorm = JSON.stringify(require.resolve('typeorm'));
  writeFileSync(join(dir, 'env.js'), `const { DataSource } = require(${typeorm});\nmodule.exports = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [] });\n`);
  const entity = `new (require(${typeorm}).EntitySchema)({ name: 't', columns: { id: { type: 'integer', primary: true } } })`;
  writeFileSync(join(dir, 'plain.js'), `module.exports = { type: 'postgres', entities: [${entity}] };\n`);
  writeFileSync(join(dir, 'wrong-driver.js'), `const { DataSource } = require(${typeorm});\nmodule.exports = new DataSource({ type: 'nosuchdb', entities: [] });\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MALFORMED = 'postgres://app:pa%zzword@127.0.0.1:5432/app';

test.each([
  ['DATABASE_URL', ['diff', '--config', 'env.js'], { DATABASE_URL: MALFORMED }],
  ['--url', ['diff', '--config', 'plain.js', '--url', MALFORMED], {}],
  ['--scratch-url', ['check', '--config', 'plain.js', '--scratch-url', MALFORMED], { DATABASE_URL: undefined }],
])('a malformed %%-escape in %s names it, and the part of the URL, in one line (exit 2)', async (setting, args, env) => {
  const r = await runCli(args as string[], { cwd: dir, env: env as Record<string, string | undefined> });
  expect(r.code).toBe(ExitCode.usage);
  expect(r.stderr.trim().split('\n')).toEqual([
    `ormdiff: ${setting}: the password in the URL has a malformed %-escape (a % must be followed by two hex digits; write %25 for a % itself)`,
  ]);
  expect(r.stderr).not.toContain('pa%zz');
});

test('a config that fails inside TypeORM on a malformed URL says what to look at', async () => {
  writeFileSync(join(dir, 'own-url.js'), `const { DataSource } = require(${JSON.stringify(require.resolve('typeorm'))});\nmodule.exports = new DataSource({ type: 'postgres', url: ${JSON.stringify(MALFORMED)}, entities: [] });\n`);
  const r = await runCli(['diff', '--config', 'own-url.js'], { cwd: dir, env: { DATABASE_URL: undefined } });
  expect(r.code).toBe(ExitCode.usage);
  expect(r.stderr).toContain('malformed %-escape');
  expect(r.stderr).not.toContain('pa%zz');
});

test("a library's source-mapped frame is not named as the file that threw", () => {
  // Source maps on from the start, as NODE_OPTIONS=--enable-source-maps (or a loader) turns them on.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, ['--enable-source-maps', ...nodeArgs(), BIN, 'diff', '--config', 'wrong-driver.js'], { cwd: dir, env, encoding: 'utf8' });
  expect(r.stderr).toContain('Wrong driver: "nosuchdb"');
  expect(r.stderr).not.toMatch(/DriverFactory|src\/driver/);
});

test('the password is redacted where it stands, not wherever its text appears', async () => {
  expect(redactSecrets('Could not connect to postgres://postgres:postgres@db:5432/postgres: database "postgres" does not exist', 'postgres://postgres:postgres@db:5432/postgres')).toBe(
    'Could not connect to postgres://postgres:***@db:5432/postgres: database "postgres" does not exist',
  );
  // Any other URL or libpq setting in a driver message has its password hidden too.
  expect(redactSecrets("failed: postgresql://u:s3cret@h/x and password=s3cret host=h", undefined)).toBe('failed: postgresql://u:***@h/x and password=*** host=h');
  const r = await runCli(['current', '--config', 'plain.js', '--url', 'postgres://postgres:postgres@127.0.0.1:5432/ormdiff_no_such_postgres'], { cwd: dir });
  expect(r.code).toBe(ExitCode.database);
  expect(r.stderr).toContain('postgres://postgres:***@127.0.0.1:5432/ormdiff_no_such_postgres');
  expect(r.stderr).not.toContain('***://');
});

test.each([
  [['diff', '--format', 'xml'], 'ormdiff: invalid value: --format does not take "xml" (choose one of "text", "sql", "markdown", "json")'],
  [['diff', '--formt', 'sql'], 'ormdiff: unknown option: --formt (did you mean --format?); ormdiff <command> --help lists them'],
  [['check', '--scratchurl', 'x'], 'ormdiff: unknown option: --scratchurl (did you mean --scratch-url?); ormdiff <command> --help lists them'],
  [['dif'], 'ormdiff: unknown command dif: did you mean diff? (ormdiff --help lists the commands)'],
])('%j: one line that says what is wrong and what was meant', async (args, line) => {
  const r = await runCli(args, { cwd: dir });
  expect(r.code).toBe(ExitCode.usage);
  expect(r.stderr.trim()).toBe(line);
});
