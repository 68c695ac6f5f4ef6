/**
 * Fault injection: `check`, `verify` and `upgrade` interrupted with SIGINT, SIGTERM or SIGKILL at each
 * step (before, during and after the scratch database's creation, with the migration lock held, in
 * the middle of a migration). Afterwards: no scratch database of the interrupted run is left once the
 * next run has swept, the history is consistent (no half-applied migration: its transaction rolled
 * back), and the next run completes. The pauses come from the test-only ORMDIFF_TEST_PAUSE_AT hook
 * (src/runner/pause.ts); "migration" is a migration that sleeps in pg_sleep.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, querySql, serverUrl, type TestDatabase } from '../../src/testing/database';
import { hostTag } from '../../src/scratch/marker';
import { runCli } from '../cli/helpers';
import { INITIAL, projectWithDatabase, startCli } from '../scratch/project';

const fixture = projectWithDatabase();
const FAULT = 'fa0000000001';
const SLEEP_MARKER = 'ormdiff-fault-sleep';

beforeAll(() => {
  // Two tables around a sleep in one transaction: a kill in between must leave neither.
  fixture.project().addMigration({
    revision: FAULT,
    parent: INITIAL,
    slug: 'fault_window',
    up: [
      '    await queryRunner.query(`CREATE TABLE fault_a (id int)`);',
      `    await queryRunner.query(\`SELECT pg_sleep(\${Number(process.env.ORMDIFF_FAULT_SLEEP ?? 0)}) /* ${SLEEP_MARKER} */\`);`,
      '    await queryRunner.query(`CREATE TABLE fault_b (id int)`);',
    ].join('\n'),
    down: '    await queryRunner.query(`DROP TABLE fault_b`);\n    await queryRunner.query(`DROP TABLE fault_a`);',
  });
});

type Signal = 'SIGINT' | 'SIGTERM' | 'SIGKILL';
const SIGNALS: Signal[] = ['SIGINT', 'SIGTERM', 'SIGKILL'];
const SCRATCH_STEPS = ['scratch:before-create', 'scratch:creating', 'scratch:created', 'migration'];
const UPGRADE_STEPS = ['upgrade:validated', 'upgrade:locked', 'migration'];

/** The scratch databases `pid` of this host made, by their marker. */
const scratchOf = async (pid: number) =>
  (
    await querySql<{ datname: string }>(serverUrl(), 'SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [
      `ormdiff_scratch_${hostTag()}_${pid.toString(36)}_`,
    ])
  ).map((r) => r.datname);

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (let i = 0; i < 1200; i++) {
    const found = await probe();
    if (found !== undefined) return found;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Starts the command, waits for `step`, and sends `signal`; returns the pid and how the process ended. */
async function interrupt(args: string[], step: string, signal: Signal, databaseUrl: string, where: (pid: number) => Promise<string[]>) {
  const env = { DATABASE_URL: databaseUrl, ...(step === 'migration' ? { ORMDIFF_FAULT_SLEEP: '5' } : { ORMDIFF_TEST_PAUSE_AT: step }) };
  const { child, done } = startCli(args, fixture.project().dir, env);
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const ended = done.then((r) => r);
  let finished = false;
  void ended.then(() => (finished = true));
  await until(`${args[0]} to reach ${step}`, async () => {
    if (finished) throw new Error(`${args[0]} ended before ${step}: ${stderr}`);
    if (step !== 'migration') return stderr.includes(`ormdiff-test: paused at ${step}`) || undefined;
    const rows = await querySql<{ datname: string }>(serverUrl(), 'SELECT datname FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()', [
      `%pg_sleep(5) /* ${SLEEP_MARKER} */%`,
    ]);
    const dbs = await where(child.pid!);
    return rows.some((r) => dbs.includes(r.datname)) || undefined;
  });
  child.kill(signal);
  return { pid: child.pid!, result: await ended };
}

const expectEndedBy = (result: { code: number | null; signal: string | null }, signal: Signal, handled: boolean) => {
  if (signal === 'SIGKILL') expect(result.signal).toBe('SIGKILL');
  else if (handled) expect(result.code).toBe(signal === 'SIGINT' ? 130 : 143);
  else expect(result.code !== null || result.signal !== null).toBe(true);
};

describe.each(['check', 'verify'])('%s', (command) => {
  test.each(SCRATCH_STEPS.flatMap((step) => SIGNALS.map((signal) => [step, signal] as const)))('interrupted at %s by %s', async (step, signal) => {
    const url = fixture.db().url;
    const { result, pid } = await interrupt([command], step, signal, url, scratchOf);
    // Every step is inside the clean-up's reach: SIGINT/SIGTERM drop what was made, then end the process.
    expectEndedBy(result, signal, true);
    if (signal !== 'SIGKILL') expect(await scratchOf(pid)).toEqual([]);
    const next = await runCli(['check'], { cwd: fixture.project().dir, env: { DATABASE_URL: url } });
    // The entities hold a column no migration makes (and the fault migration's tables no entity has).
    expect({ code: next.code, errors: next.stderr.split('\n').filter((l) => l.startsWith('ormdiff:')) }).toEqual({ code: 1, errors: [] });
    expect(await scratchOf(pid)).toEqual([]);
  });
});

describe('upgrade', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  const version = async (url: string) => {
    const exists = await querySql<{ v: string | null }>(url, "SELECT to_regclass('public.ormdiff_version')::text AS v");
    if (exists[0].v === null) return [];
    return (await querySql<{ version_num: string }>(url, 'SELECT version_num FROM ormdiff_version')).map((r) => r.version_num);
  };
  const tables = async (url: string) =>
    (
      await querySql<{ relname: string }>(
        url,
        "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname IN ('users', 'fault_a', 'fault_b') ORDER BY 1",
      )
    ).map((r) => r.relname);

  test.each(UPGRADE_STEPS.flatMap((step) => SIGNALS.map((signal) => [step, signal] as const)))('interrupted at %s by %s', async (step, signal) => {
    const db = await createTestDatabase();
    databases.push(db);
    // `migration`: the initial migration is done, the fault one sleeps between its two tables.
    const { result } = await interrupt(['upgrade', 'head'], step, signal, db.url, async () => [db.name]);
    expectEndedBy(result, signal, false);
    // Consistent: the version table names only fully applied migrations, and nothing of one that was not.
    const at = await version(db.url);
    const expected: Record<string, { version: string[]; tables: string[] }> = {
      'upgrade:validated': { version: [], tables: [] },
      'upgrade:locked': { version: [], tables: [] },
      migration: { version: [INITIAL], tables: ['users'] },
    };
    expect({ version: at, tables: await tables(db.url) }).toEqual(expected[step]);
    const failedRows = await querySql(db.url, "SELECT 1 FROM pg_class WHERE relname = 'ormdiff_history'").then(async (h) =>
      h.length ? querySql(db.url, "SELECT revision, status FROM ormdiff_history WHERE status <> 'applied'") : [],
    );
    expect(failedRows).toEqual([]);
    const next = await runCli(['upgrade', 'head'], { cwd: fixture.project().dir, env: { DATABASE_URL: db.url } });
    expect({ code: next.code, errors: next.stderr.split('\n').filter((l) => l.startsWith('ormdiff:')) }).toEqual({ code: 0, errors: [] });
    expect({ version: await version(db.url), tables: await tables(db.url) }).toEqual({ version: [FAULT], tables: ['fault_a', 'fault_b', 'users'] });
  });
});
