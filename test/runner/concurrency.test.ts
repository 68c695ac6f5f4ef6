import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { LockTimeoutError } from '../../src/runner/errors';
import { lockKey } from '../../src/runner/lock';
import { upgrade } from '../../src/runner/migrate';
import { createTestDatabase, querySql, TestDatabase } from '../../src/testing/database';
import { Dir, migrationsDir, writeMigration } from './fixtures';

let db: TestDatabase;
let dir: Dir;
beforeAll(async () => {
  db = await createTestDatabase('ormdiff_runner');
  dir = migrationsDir();
});
afterAll(async () => {
  dir.remove();
  await db.drop();
});

function runProcess(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', resolve(__dirname, 'upgrade-process.ts'), db.url, dir.path],
      { cwd: resolve(__dirname, '../..'), env: { ...process.env, NODE_OPTIONS: '' } },
      (err, stdout, stderr) => done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

it('eight concurrent upgrade processes apply each migration exactly once and all exit 0', async () => {
  const revs = ['c00001', 'c00002', 'c00003', 'c00004', 'c00005'];
  writeMigration(dir.path, { revision: revs[0], up: ['SELECT pg_sleep(0.3)', 'CREATE TABLE "applied_log" ("revision" text NOT NULL)', `INSERT INTO "applied_log" VALUES ('${revs[0]}')`] });
  for (let i = 1; i < revs.length - 1; i++) {
    // The sleep widens the window in which a second runner could interleave if the lock did not hold.
    writeMigration(dir.path, { revision: revs[i], down: revs[i - 1], up: ['SELECT pg_sleep(0.3)', `INSERT INTO "applied_log" VALUES ('${revs[i]}')`] });
  }
  // CREATE INDEX CONCURRENTLY waits for every older snapshot, so the waiting runners must not hold one while they wait.
  writeMigration(dir.path, {
    revision: revs[4],
    down: revs[3],
    transaction: false,
    up: ['CREATE INDEX CONCURRENTLY "applied_log_revision" ON "applied_log" ("revision")', `INSERT INTO "applied_log" VALUES ('${revs[4]}')`],
  });
  const results = await Promise.all(Array.from({ length: 8 }, runProcess));
  for (const r of results) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  const appliedByProcesses = results.flatMap((r) => JSON.parse(r.stdout) as string[]).sort();
  expect(appliedByProcesses).toEqual(revs);
  expect((await querySql<{ revision: string }>(db.url, 'SELECT revision FROM applied_log ORDER BY 1')).map((r) => r.revision)).toEqual(revs);
  const hist = await querySql<{ revision: string }>(db.url, `SELECT revision FROM ormdiff_history WHERE operation = 'upgrade' ORDER BY 1`);
  expect(hist.map((h) => h.revision)).toEqual(revs);
  expect(await querySql(db.url, 'SELECT version_num FROM ormdiff_version')).toEqual([{ version_num: 'c00005' }]);
}, 120_000);

it('gives up waiting for the lock after the timeout, naming the holder pid', async () => {
  const holder = new Client({ connectionString: db.url });
  await holder.connect();
  try {
    const [{ pid }] = (await holder.query('SELECT pg_backend_pid() AS pid')).rows;
    await holder.query('SELECT pg_advisory_lock($1, $2)', [0x6f726d64, lockKey('public')]);
    const started = Date.now();
    const err = await upgrade({ url: db.url, migrationsDir: dir.path, lockTimeoutMs: 300 }).catch((e) => e);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(err).toBeInstanceOf(LockTimeoutError);
    expect(err.exitCode).toBe(3);
    expect(err.message).toContain(`Timed out after 300 ms waiting for the ormdiff migration lock on schema public: it is held by pid ${pid} (`);
  } finally {
    await holder.end();
  }
});
