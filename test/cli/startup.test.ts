/**
 * Start-up: `ormdiff --version` and `--help` load neither TypeORM nor the other heavy packages (they
 * are required on first use, src/typeorm.ts), nor any command's API (each handler requires its own),
 * while a command that reads entities does load TypeORM (so the check below would see it), and `diff`
 * loads nothing of the other commands. Runs the built CLI, with a preload that reports what was loaded:
 * the packages as bin/ormdiff.js runs it (ormdiff's own modules bundled in one file, packages apart),
 * ormdiff's own modules from the same entry unbundled (dist/src/cli/main.js), where each is a file the
 * preload can see; the bundle evaluates each module at its first require, as Node does.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BIN } from './helpers';

const REPORT = path.join(__dirname, 'fixtures', 'report-modules.js');
const UNBUNDLED = path.join(__dirname, 'fixtures', 'unbundled-cli.js');

function run(entry: string, args: string[], env: Record<string, string>): { packages: string[]; modules: string[]; stdout: string; status: number | null } {
  const r = spawnSync(process.execPath, ['-r', REPORT, entry, ...args], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', ...env } });
  const line = /^loaded-packages (.*)$/m.exec(r.stderr);
  const own = /^loaded-modules (.*)$/m.exec(r.stderr);
  if (!line || !own) throw new Error(`no report from the CLI: ${r.stderr}`);
  return { packages: JSON.parse(line[1]) as string[], modules: JSON.parse(own[1]) as string[], stdout: r.stdout, status: r.status };
}

/** The packages the CLI loads as users run it, and ormdiff's own modules the same command evaluates. */
function loadedBy(args: string[], env: Record<string, string> = {}): { packages: string[]; modules: string[]; stdout: string; status: number | null } {
  const bundled = run(BIN, args, env);
  // The bundle is one file: none of ormdiff's modules is loaded from dist/src.
  expect(bundled.modules).toEqual([]);
  return { ...bundled, modules: run(UNBUNDLED, args, env).modules };
}

const HEAVY = ['typeorm', 'typescript', '@swc/core', 'prettier'];
/** Packages only some commands use: the prompts (--interactive), the scratch server's lock file. */
const OCCASIONAL = ['@inquirer/prompts', 'proper-lockfile'];
/** A command's API (the parser of the --rename/--using flags aside, api/hints: every command's builder shares it). */
const isCommandApi = (m: string): boolean => m.startsWith('src/api/') && m !== 'src/api/hints';
/** What only other commands (or `diff --scratch-url`) run: migrations, scratch databases, CI checks. */
const OTHER_COMMANDS = /^src\/(runner|scratch|lint)\/|^src\/api\/(revision|check|verify|lint|baseline|squash|scaffold|adoption|replay)$/;

describe('start-up', () => {
  it('--version prints the version without loading TypeORM', () => {
    const { packages, modules, stdout, status } = loadedBy(['--version']);
    expect(status).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(packages.filter((p) => HEAVY.includes(p) || OCCASIONAL.includes(p))).toEqual([]);
    expect(modules.filter(isCommandApi)).toEqual([]);
  });

  it('--help lists the commands without loading TypeORM', () => {
    const { packages, modules, stdout, status } = loadedBy(['--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('ormdiff diff');
    expect(stdout).toContain('ormdiff check');
    expect(packages.filter((p) => HEAVY.includes(p) || OCCASIONAL.includes(p))).toEqual([]);
    expect(modules.filter(isCommandApi)).toEqual([]);
  });

  it('a command that reads the entities does load TypeORM (the report sees it), and diff nothing of the other commands', () => {
    const config = path.join(__dirname, '..', 'fixtures', 'config', 'valid', 'ormconfig.ts');
    // A model read from the entities, not from a record an earlier run of this test kept in the fixture.
    const { packages, modules } = loadedBy(['diff', '--config', config, '--url', 'postgres://nobody@127.0.0.1:1/none'], { ORMDIFF_MODEL_CACHE: '0' });
    expect(packages).toContain('typeorm');
    expect(modules).toContain('src/api/diff');
    expect(packages.filter((p) => OCCASIONAL.includes(p))).toEqual([]);
    expect(modules.filter((m) => OTHER_COMMANDS.test(m))).toEqual([]);
  });
});

describe('the driver', () => {
  it("loads without Node's fetch (undici) and leaves the global scope as it found it", () => {
    const script = [
      `const before = typeof globalThis.navigator;`,
      `const { connect } = require(${JSON.stringify(path.join(__dirname, '..', '..', 'dist', 'src', 'db', 'connect.js'))});`,
      // An unreachable server: the driver is loaded before the connection fails.
      `connect('postgres://nobody@127.0.0.1:1/none').catch(() => {}).finally(() => {`,
      `  const undici = process.moduleLoadList.some((m) => m.includes('undici'));`,
      `  console.log(JSON.stringify({ before, after: typeof globalThis.navigator, undici, pg: Object.keys(require.cache).some((f) => f.includes('/node_modules/pg/')) }));`,
      `});`,
    ].join('\n');
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    const seen = JSON.parse(r.stdout.trim()) as { before: string; after: string; undici: boolean; pg: boolean };
    expect(seen.pg).toBe(true);
    expect(seen.after).toBe(seen.before);
    expect(seen.undici).toBe(false);
  });
});
