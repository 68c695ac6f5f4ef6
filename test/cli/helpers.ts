/** Runs the built `ormdiff` command as a user would, in a given directory, with no stdin. */
import { spawn } from 'node:child_process';
import path from 'node:path';
// The TypeORM version matrix: the child loads the same typeorm copy as this test process.
import { nodeArgs } from '../typeorm-variant';

export const BIN = path.resolve(__dirname, '../../bin/ormdiff.js');
export const ROOT = path.resolve(__dirname, '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NO_COLOR: '1', ...opts.env } as Record<string, string>;
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
    // jest's own flags must not leak into the child's Node.
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, [...nodeArgs(), BIN, ...args], { cwd: opts.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
