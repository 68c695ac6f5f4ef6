/**
 * What a newcomer does: a fresh `git clone`, then the README's set-up commands exactly as written,
 * with no database configured (no DATABASE_URL, TEST_DATABASE_URL or PG* variables) and nothing
 * beside the clone (no ../shared). The main job must write the example's one pending migration.
 * The README's test command is the whole suite, which this suite cannot run inside itself: it must
 * be what CI (.ci/run) runs, so CI is the proof that it passes.
 *
 * `npm ci` in the clone is the README's, word for word; npm reads `prefer-offline` from the
 * environment (npm_config_prefer_offline), so it installs from the npm cache that the suite's own
 * `npm ci` filled instead of asking the registry about every package.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../cli/helpers';
import { ciCommands, readmeCommands } from './readme';

const NO_DATABASE = /^(PG[A-Z]+|DATABASE_URL|TEST_DATABASE_URL|NODE_OPTIONS|ORMDIFF_TEST_[A-Z_]+)$/;

function newcomerEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !NO_DATABASE.test(k) && !k.startsWith('JEST_')) env[k] = v;
  return { ...env, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', NO_COLOR: '1' };
}

/** Runs `command` as bash would; `cpuSeconds` is what it and its children used (bash's `times`), which load does not inflate. */
function sh(command: string, cwd: string): Promise<{ code: number | null; output: string; seconds: number; cpuSeconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', `${command}\nrc=$?\ntimes >&3\nexit $rc`], { cwd, env: newcomerEnv(), stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    let output = '';
    let times = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d) => (times += d));
    child.on('close', (code) => {
      // Second line: the children's user and system time, e.g. `0m6.402s 0m1.731s`.
      const children = times.trim().split('\n')[1] ?? '';
      const cpuSeconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
      resolve({ code, output, seconds: (Date.now() - started) / 1000, cpuSeconds });
    });
  });
}

let home: string;
beforeAll(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'ormdiff-newcomer-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

test('the README test command is what CI runs', () => {
  const { tests } = readmeCommands(ROOT);
  expect(tests).toBe('npm ci && npm test');
  // .ci/run: `npm ci` (with quieter flags), then `npm test`, nothing else from npm.
  expect(ciCommands(ROOT).map((c) => c.split(' ').slice(0, 2).join(' '))).toEqual(['npm ci', 'npm test']);
});

test('a fresh clone: the README main job writes the example migration, fast after npm ci', async () => {
  const { mainJob } = readmeCommands(ROOT);
  const [install, job, ...rest] = mainJob.split(' && ');
  expect({ install, rest }).toEqual({ install: 'npm ci', rest: [] });

  const clone = path.join(home, 'ormdiff');
  const head = execFileSync('git', ['-C', ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  execFileSync('git', ['clone', '--quiet', '--no-checkout', ROOT, clone]);
  execFileSync('git', ['-C', clone, 'checkout', '--quiet', head]);
  expect(existsSync(path.join(home, 'shared'))).toBe(false);
  const before = readdirSync(path.join(clone, 'migrations'));

  const ci = await sh(install, clone);
  expect({ code: ci.code, tail: ci.code === 0 ? '' : ci.output.slice(-2000) }).toEqual({ code: 0, tail: '' });
  const main = await sh(job, clone);
  expect({ code: main.code, tail: main.code === 0 ? '' : main.output.slice(-2000) }).toEqual({ code: 0, tail: '' });

  const added = readdirSync(path.join(clone, 'migrations')).filter((f) => !before.includes(f));
  expect(added).toEqual([expect.stringMatching(/^[0-9a-f]{12}_add_card_nickname\.ts$/)]);
  expect(main.output).toMatch(/Created the embedded PostgreSQL cluster/);
  // Run again: nothing left to write.
  const again = await sh(job, clone);
  expect(again.output).toContain('No changes detected');
  console.info(
    `newcomer: npm ci ${ci.seconds.toFixed(1)} s (from the npm cache); main job ${main.seconds.toFixed(1)} s cold ` +
      `(initdb + first compile; ${main.cpuSeconds.toFixed(1)} s of CPU), ${again.seconds.toFixed(1)} s again (${again.cpuSeconds.toFixed(1)} s of CPU)`,
  );
  // Wall time depends on how loaded the machine is; the CPU the job needs does not. Under 15 s of it,
  // where a rebuild of ormdiff first (npx inside the repository: tsc over the whole project) is far more.
  expect(main.cpuSeconds).toBeGreaterThan(0);
  expect(main.cpuSeconds).toBeLessThan(15);
}, 900_000);
