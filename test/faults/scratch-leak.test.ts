/**
 * Scratch databases a run could not drop (it was killed outright) are swept by the next run on the
 * same server; a scratch database of a run that is still going is never touched.
 *
 * These tests have a PostgreSQL server of their own (the embedded one, in a temporary directory): a
 * sweep clears a whole server, so on the shared one another test file's `check` would sweep the
 * databases made here to stand for gone runs before the run under test could.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { hostTag, scratchName } from '../../src/scratch/marker';
import { FOREIGN_MAX_AGE_MS, processStartedAt } from '../../src/scratch/sweep';
import { execSql, querySql, withDatabase } from '../../src/testing/database';
import { embeddedStep } from '../../src/testing/server';
import { runCli } from '../cli/helpers';
import { projectWithDatabase, INITIAL, scratchNames, startCli } from '../scratch/project';

let home: string;
let server: { url: string; stop(): Promise<void> } | undefined;
beforeAll(async () => {
  // As root the embedded server runs as the OS user postgres, which must be able to enter its directory.
  home = mkdtempSync(path.join(os.tmpdir(), 'ormdiff-sweep-server-'));
  chmodSync(home, 0o755);
  const started = await embeddedStep({ projectDir: home }).start();
  if ('skipped' in started) throw new Error(started.skipped);
  server = started;
}, 120_000);
const serverUrl = () => server!.url;

const fixture = projectWithDatabase(serverUrl);
// Declared after the fixture's own, so that it runs after the fixture has dropped its database.
afterAll(async () => {
  await server?.stop();
  rmSync(home, { recursive: true, force: true });
});

const existing = async (names: string[]) =>
  (await querySql<{ datname: string }>(serverUrl(), 'SELECT datname FROM pg_database WHERE datname = ANY($1)', [names])).map((r) => r.datname);

/** The database in which a query containing `marker` runs, once it does. */
async function databaseRunning(marker: string): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const rows = await querySql<{ datname: string | null }>(serverUrl(), 'SELECT datname FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()', [
      `%${marker}%`,
    ]);
    const found = rows.find((r) => r.datname !== null)?.datname;
    if (found) return found;
    await sleep(100);
  }
  throw new Error(`no query with ${marker} ever ran`);
}

function slowMigration(revision: string, seconds: number, marker: string): string {
  return fixture.project().addMigration({
    revision,
    parent: INITIAL,
    slug: 'slow',
    up: `    await queryRunner.query(\`SELECT pg_sleep(${seconds}) /* ${marker} */\`);`,
    down: '',
  });
}

test('a check killed with SIGKILL leaves its scratch database; the next check drops it', async () => {
  const marker = `ormdiff_kill9_${process.pid}`;
  const file = slowMigration('f10000000001', 2, marker);
  try {
    const { child, done } = startCli(['check'], fixture.project().dir, { DATABASE_URL: fixture.db().url });
    const scratch = await databaseRunning(marker);
    expect(scratch).toMatch(/^ormdiff_scratch_/);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    expect(await existing([scratch])).toEqual([scratch]);
    const next = await runCli(['check'], { cwd: fixture.project().dir, env: { DATABASE_URL: fixture.db().url } });
    expect(next.code).toBe(1);
    expect(next.stderr).toContain(scratch);
    expect(await existing([scratch])).toEqual([]);
  } finally {
    rmSync(file);
  }
});

test('a check running beside another never drops the other one\'s scratch database', async () => {
  const marker = `ormdiff_live_${process.pid}`;
  const file = slowMigration('f10000000002', 8, marker);
  try {
    const first = startCli(['check'], fixture.project().dir, { DATABASE_URL: fixture.db().url });
    const scratch = await databaseRunning(marker);
    const second = await runCli(['check'], { cwd: fixture.project().dir, env: { DATABASE_URL: fixture.db().url } });
    expect(second.code).toBe(1);
    expect(second.stderr).not.toContain(`Dropped stale scratch database ${scratch}`);
    // The first run's database survived the second run, and the first run ends as it would alone.
    const result = await first.done;
    expect(result.code).toBe(1);
    expect(scratchNames(result.stderr)).toEqual([scratch]);
    expect(await existing([scratch])).toEqual([]);
  } finally {
    rmSync(file);
  }
});

test('the sweep drops what gone runs left (ending their connections) and keeps what live or recent runs use', async () => {
  // A pid that was just used and is gone.
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
  const now = Date.now();
  const thisProcessBegan = processStartedAt(process.pid) ?? now - process.uptime() * 1000;
  const names = {
    deadHere: scratchName({ host: hostTag(), pid: Number(dead), startedAt: now }),
    liveHere: scratchName({ host: hostTag(), pid: process.pid, startedAt: now }),
    // This process's pid, on a database made an hour before this process began: its owner is gone.
    reusedHere: scratchName({ host: hostTag(), pid: process.pid, startedAt: thisProcessBegan - 3_600_000 }),
    oldElsewhere: scratchName({ host: hostTag(`elsewhere-${now}`), pid: process.pid, startedAt: now - FOREIGN_MAX_AGE_MS - 60_000 }),
    recentElsewhere: scratchName({ host: hostTag(`elsewhere-${now}`), pid: Number(dead), startedAt: now - 60_000 }),
  };
  for (const name of Object.values(names)) await execSql(serverUrl(), `CREATE DATABASE "${name}"`);
  // A backend the killed run left connected: the sweep ends it.
  const lingering = new Client({ connectionString: withDatabase(serverUrl(), names.deadHere) });
  lingering.on('error', () => undefined);
  await lingering.connect();
  try {
    const run = await runCli(['check'], { cwd: fixture.project().dir, env: { DATABASE_URL: fixture.db().url } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Dropped stale scratch database ${names.deadHere}`);
    expect(run.stderr).toContain(`Dropped stale scratch database ${names.oldElsewhere}`);
    expect(run.stderr).toContain(`Dropped stale scratch database ${names.reusedHere}`);
    expect((await existing(Object.values(names))).sort()).toEqual([names.liveHere, names.recentElsewhere].sort());
    await expect(lingering.query('SELECT 1')).rejects.toThrow();
  } finally {
    await lingering.end().catch(() => undefined);
    for (const name of Object.values(names)) await execSql(serverUrl(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
});
