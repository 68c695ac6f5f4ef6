/**
 * Issue 9 item 9: a run killed with -9 leaves the embedded cluster's lock behind, stale. Runs that
 * start together then race to take it over; exactly one may, the others wait for it, and none stops
 * the server of another or fails.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runCli } from '../cli/helpers';
import { copyExampleProject, type TempProject } from './project';

const NO_DATABASE = { DATABASE_URL: undefined, TEST_DATABASE_URL: undefined, PGHOST: undefined, PGPORT: undefined };

/** What a killed run leaves: the lock directory, not refreshed for an hour. */
function staleLock(file: string): void {
  mkdirSync(file, { recursive: true });
  const hourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(file, hourAgo, hourAgo);
}

/** A process that waits for `startAt`, takes the lock, holds it `holdMs`, and prints when it held it. */
function contender(file: string, startAt: number, holdMs: number): Promise<{ from: number; to: number; waited: boolean }> {
  const script = `
    const { acquireFileLock } = require(${JSON.stringify(path.join(ROOT, 'dist/src/scratch/lock.js'))});
    (async () => {
      while (Date.now() < ${startAt}) await new Promise((r) => setImmediate(r));
      let waited = false;
      const lock = await acquireFileLock(${JSON.stringify(file)}, { timeoutMs: 60000, onWait: () => (waited = true) });
      const from = Date.now();
      await new Promise((r) => setTimeout(r, ${holdMs}));
      const to = Date.now();
      await lock.release();
      process.stdout.write(JSON.stringify({ from, to, waited }));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`contender exited ${code}`))));
  });
}

let project: TempProject;
beforeAll(() => {
  project = copyExampleProject();
});
afterAll(() => project.remove());

test('processes racing for a stale lock: each holds it alone, one after the other', async () => {
  const file = path.join(project.dir, '.ormdiff', 'race.lock');
  for (let round = 0; round < 3; round++) {
    staleLock(file);
    // Started together at one instant, long after node has loaded, so their takeovers coincide.
    const startAt = Date.now() + 3000;
    const held = (await Promise.all([0, 1, 2, 3].map(() => contender(file, startAt, 300)))).sort((a, b) => a.from - b.from);
    for (let i = 1; i < held.length; i++) expect(held[i].from).toBeGreaterThanOrEqual(held[i - 1].to);
    // The first took the stale lock over; one that came while it was held waited (a late starter may not have had to).
    expect(held[0].waited).toBe(false);
    expect(existsSync(file)).toBe(false);
  }
}, 120_000);

test('two runs on the embedded PostgreSQL after a killed one: one takes over, the other waits, both finish', async () => {
  staleLock(path.join(project.dir, '.ormdiff', 'pg.lock'));
  const [a, b] = await Promise.all([0, 1].map(() => runCli(['check'], { cwd: project.dir, env: NO_DATABASE })));
  for (const run of [a, b]) {
    // Exit 1 is check's finding (the example's pending nickname column), not a failure: a stopped server would be exit 3.
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 1, stdout: a.stdout });
    expect(run.stdout).toMatch(/^migrations missing: .*public\.cards\.nickname/m);
    expect(run.stderr).not.toMatch(/terminating connection|server closed|ECONNREFUSED|lock was taken over/);
  }
  expect([a, b].filter((r) => r.stderr.includes('Waiting for another ormdiff to finish with the embedded PostgreSQL'))).toHaveLength(1);
  expect(existsSync(path.join(project.dir, '.ormdiff', 'pg.lock'))).toBe(false);
  expect(existsSync(path.join(project.dir, '.ormdiff', 'pg', 'postmaster.pid'))).toBe(false);
}, 240_000);
