/**
 * The scratch database's lifetime on a configured server: created for `ormdiff check`, and dropped
 * after success, after a migration fails, and when the process gets SIGINT mid-migration.
 */
import { appendFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { querySql, serverUrl } from '../../src/testing/database';
import { runCli } from '../cli/helpers';
import { projectWithDatabase, INITIAL, scratchNames, startCli } from './project';

const fixture = projectWithDatabase();

const existing = async (names: string[]) =>
  (await querySql<{ datname: string }>(serverUrl(), 'SELECT datname FROM pg_database WHERE datname = ANY($1)', [names])).map((r) => r.datname);

test('dropped after a successful check', async () => {
  const run = await runCli(['check'], { cwd: fixture.project().dir, env: { DATABASE_URL: fixture.db().url } });
  // The example entities carry a change no migration makes, and the database has not run the migrations.
  expect(run.code).toBe(1);
  const names = scratchNames(run.stderr);
  expect(names).toHaveLength(1);
  expect(run.stderr).toContain(`Dropped scratch database ${names[0]}`);
  expect(await existing(names)).toEqual([]);
});

test('dropped after a migration fails, which is named with exit code 4', async () => {
  const file = fixture.project().addMigration({
    revision: 'f00000000001',
    parent: INITIAL,
    slug: 'broken',
    up: '    await queryRunner.query(`SELECT 1/0`);',
    down: '',
  });
  try {
    const run = await runCli(['check'], { cwd: fixture.project().dir, env: { DATABASE_URL: fixture.db().url } });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/f00000000001.*division by zero/);
    const names = scratchNames(run.stderr);
    expect(names).toHaveLength(1);
    expect(await existing(names)).toEqual([]);
  } finally {
    rmSync(file);
  }
});

test('dropped when a migration fails to load while the database is being created, which names the file', async () => {
  const file = fixture.project().addMigration({ revision: 'f00000000003', parent: INITIAL, slug: 'unloadable', up: '', down: '' });
  appendFileSync(file, `throw new Error('cannot load me');\n`);
  try {
    const run = await runCli(['check'], { cwd: fixture.project().dir, env: { DATABASE_URL: fixture.db().url } });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/f00000000003_unloadable\.ts.*cannot load me/);
    // Migrations load while the server creates the database: it was made, then dropped.
    const dropped = [...run.stderr.matchAll(/Dropped scratch database (ormdiff_scratch_[0-9a-z_]+)/g)].map((m) => m[1]);
    expect(dropped).toHaveLength(1);
    expect(await existing(dropped)).toEqual([]);
  } finally {
    rmSync(file);
  }
});

test('dropped on SIGINT in the middle of a migration; the process ends with 130', async () => {
  const marker = `ormdiff_sigint_${process.pid}`;
  const file = fixture.project().addMigration({
    revision: 'f00000000002',
    parent: INITIAL,
    slug: 'slow',
    up: `    await queryRunner.query(\`SELECT pg_sleep(60) /* ${marker} */\`);`,
    down: '',
  });
  try {
    const { child, done } = startCli(['check'], fixture.project().dir, { DATABASE_URL: fixture.db().url });
    // The scratch database is the one where the marked query runs.
    let scratch: string | undefined;
    for (let i = 0; i < 150 && !scratch; i++) {
      const rows = await querySql<{ datname: string }>(serverUrl(), 'SELECT datname FROM pg_stat_activity WHERE query LIKE $1', [`%${marker}%`]);
      scratch = rows.find((r) => r.datname !== null)?.datname;
      if (!scratch) await sleep(100);
    }
    expect(scratch).toMatch(/^ormdiff_scratch_[0-9a-f]{8}_[0-9a-z]+_[0-9a-z]+_[0-9a-f]{6}$/);
    expect(await existing([scratch!])).toEqual([scratch]);
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain(`Dropped scratch database ${scratch}`);
    expect(await existing([scratch!])).toEqual([]);
  } finally {
    rmSync(file);
  }
});
