/**
 * Start-up: `ormdiff --version` and `--help` load neither TypeORM nor the other heavy packages (they
 * are required on first use, src/typeorm.ts), while a command that reads entities does load TypeORM
 * (so the check below would see it). Runs the built CLI, with a preload that reports what was loaded.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BIN } from './helpers';

const REPORT = path.join(__dirname, 'fixtures', 'report-modules.js');

function loadedBy(args: string[]): { packages: string[]; stdout: string; status: number | null } {
  const r = spawnSync(process.execPath, ['-r', REPORT, BIN, ...args], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  const line = /^loaded-packages (.*)$/m.exec(r.stderr);
  if (!line) throw new Error(`no report from the CLI: ${r.stderr}`);
  return { packages: JSON.parse(line[1]) as string[], stdout: r.stdout, status: r.status };
}

const HEAVY = ['typeorm', 'typescript', '@swc/core', 'prettier'];

describe('start-up', () => {
  it('--version prints the version without loading TypeORM', () => {
    const { packages, stdout, status } = loadedBy(['--version']);
    expect(status).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(packages.filter((p) => HEAVY.includes(p))).toEqual([]);
  });

  it('--help lists the commands without loading TypeORM', () => {
    const { packages, stdout, status } = loadedBy(['--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('ormdiff diff');
    expect(stdout).toContain('ormdiff check');
    expect(packages.filter((p) => HEAVY.includes(p))).toEqual([]);
  });

  it('a command that reads the entities does load TypeORM (the report sees it)', () => {
    const config = path.join(__dirname, '..', 'fixtures', 'config', 'valid', 'ormconfig.ts');
    const { packages } = loadedBy(['diff', '--config', config, '--url', 'postgres://nobody@127.0.0.1:1/none']);
    expect(packages).toContain('typeorm');
  });
});
