/**
 * A real project's migrations use uuid_generate_v4() without creating uuid-ossp, because TypeORM's
 * DataSource creates it on connect. ormdiff's runner does the same before it runs migrations, on a
 * real database (`upgrade`) and on a scratch one (`check`, `verify`); never with installExtensions: false,
 * where the replay fails at that migration, as TypeORM's own `migration:run` would.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, querySql, type TestDatabase } from '../../src/testing/database';
import { ROOT, runCli } from '../cli/helpers';

const FIXTURE = path.join(ROOT, 'test/fixtures/connect-extensions');
const REVISION = '1a2b3c4d5e6f';
const FILE = '1a2b3c4d5e6f_create_tokens.ts';

let dir: string;
const databases: TestDatabase[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ormdiff-connect-extensions-'));
  cpSync(FIXTURE, dir, { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
});
afterAll(async () => {
  for (const db of databases) await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function freshDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase('ormdiff_connext');
  databases.push(db);
  return db;
}

const cli = (args: string[], env: Record<string, string | undefined>) => runCli(args, { cwd: dir, env: { DATABASE_URL: undefined, ...env } });
const extensionsOf = async (url: string) =>
  (await querySql<{ extname: string }>(url, "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1")).map((r) => r.extname);
/** The CLI's error lines (`ormdiff: …`), progress lines aside. */
const errorLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('ormdiff:') || /\bat .*\(/.test(l));

describe('installExtensions on (the default)', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await freshDatabase()));
  const env = () => ({ DATABASE_URL: db.url });

  test('upgrade head on a fresh database creates uuid-ossp first, records only the migration, and is idempotent', async () => {
    const first = await cli(['upgrade', 'head'], env());
    expect(first.stderr).not.toMatch(/failed/);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("Created extension uuid-ossp (TypeORM's DataSource creates it on connect)");
    expect(await extensionsOf(db.url)).toEqual(['uuid-ossp']);
    // The generator works, and the history holds the migration and nothing else.
    expect(await querySql(db.url, "INSERT INTO tokens (label) VALUES ('a') RETURNING length(id::text) AS n")).toEqual([{ n: 36 }]);
    const history = await querySql(db.url, 'SELECT revision, operation, status FROM ormdiff_history ORDER BY id');
    expect(history).toEqual([{ revision: REVISION, operation: 'upgrade', status: 'applied' }]);
    expect(await querySql(db.url, 'SELECT version_num FROM ormdiff_version')).toEqual([{ version_num: REVISION }]);

    const again = await cli(['upgrade', 'head'], env());
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('Created extension');
    // Down and up again: the extension is there already, and stays (TypeORM's, not the migration's).
    expect((await cli(['downgrade', 'base'], env())).code).toBe(0);
    expect(await extensionsOf(db.url)).toEqual(['uuid-ossp']);
    expect((await cli(['upgrade', 'head'], env())).code).toBe(0);
  });

  test('offline, the script says in comments what a connecting DataSource creates first', async () => {
    const offline = await cli(['upgrade', 'base:head', '--sql'], {});
    expect(offline.code).toBe(0);
    const lines = offline.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      "-- Created before the migrations, outside this script, as TypeORM's DataSource does on connect (installExtensions):",
      '-- CREATE EXTENSION IF NOT EXISTS "uuid-ossp";',
    ]);
    expect(offline.stdout).toMatch(/^CREATE TABLE "tokens"/m);
    expect(offline.stdout).not.toMatch(/^CREATE EXTENSION/m);
  });

  test('check and verify replay the migrations into a scratch database', async () => {
    const check = await cli(['check'], env());
    expect(check.stdout.trim()).toBe('Entities, migrations (1) and database agree');
    expect(check.code).toBe(0);
    const verify = await cli(['verify'], env());
    expect(verify.stdout).toMatch(/^Verified 1 migration\(s\)/);
    expect(verify.code).toBe(0);
    // Without any configured database: the embedded server is not needed, --scratch-url names the server.
    const scratchOnly = await cli(['check', '--scratch-url', db.url], {});
    expect(scratchOnly.stdout.trim()).toMatch(/^Entities and migrations \(1\) agree/);
    expect(scratchOnly.code).toBe(0);
  });
});

describe('installExtensions: false', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await freshDatabase()));
  const env = () => ({ DATABASE_URL: db.url, CONNECT_EXTENSIONS: 'off' });
  const failure = new RegExp(`Migration ${REVISION} \\(${FILE}\\) failed during upgrade: .*function uuid_generate_v4\\(\\) does not exist`);

  test('upgrade and check fail at the migration that needs the extension, with exit 4 and one line', async () => {
    const upgrade = await cli(['upgrade', 'head'], env());
    expect(upgrade.code).toBe(4);
    expect(errorLines(upgrade.stderr)).toEqual([expect.stringMatching(failure)]);
    expect(await extensionsOf(db.url)).toEqual([]);

    const check = await cli(['check'], env());
    expect(check.code).toBe(4);
    expect(errorLines(check.stderr)).toEqual([expect.stringMatching(failure)]);

    const verify = await cli(['verify'], env());
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(new RegExp(`^verify failed: migration ${REVISION} \\(${FILE}, "create tokens"\\): up failed: .*uuid_generate_v4\\(\\) does not exist`));

    const offline = await cli(['upgrade', 'base:head', '--sql'], { CONNECT_EXTENSIONS: 'off' });
    expect(offline.code).toBe(0);
    expect(offline.stdout).toMatch(/^CREATE TABLE "tokens"/m);
    expect(offline.stdout).not.toMatch(/EXTENSION/);
  });
});

describe('a migration that creates the extension itself and drops it on the way down', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
    // As ormdiff autogenerated it before: CREATE EXTENSION IF NOT EXISTS in up, DROP EXTENSION in down.
    const file = path.join(dir, 'migrations', FILE);
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('await queryRunner.query(\n      `CREATE TABLE', 'await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "uuid-ossp"`);\n    await queryRunner.query(\n      `CREATE TABLE')
        .replace('await queryRunner.query(`DROP TABLE "tokens"`);', 'await queryRunner.query(`DROP TABLE "tokens"`);\n    await queryRunner.query(`DROP EXTENSION IF EXISTS "uuid-ossp"`);'),
    );
  });

  test('verify: its down restores the database as a connecting DataSource finds it', async () => {
    expect(readFileSync(path.join(dir, 'migrations', FILE), 'utf8')).toContain('DROP EXTENSION IF EXISTS "uuid-ossp"');
    const verify = await cli(['verify'], { DATABASE_URL: db.url });
    expect(verify.stdout).toMatch(/^Verified 1 migration\(s\)/);
    expect(verify.code).toBe(0);
  });
});
