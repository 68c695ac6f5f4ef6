/** Runs the built `ormdiff` command as a user would, in a given directory, with no stdin. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
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

/**
 * A TypeORM project in a temporary folder, as users lay one out: ormdiff's node_modules linked, a strict
 * tsconfig with decorator metadata, and `files` (paths relative to it, folders made as needed).
 */
export function tempProject(prefix: string, files: Record<string, string>): { dir: string; write(file: string, text: string): void; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  write('tsconfig.json', JSON.stringify({ compilerOptions: { target: 'es2021', module: 'commonjs', experimentalDecorators: true, emitDecoratorMetadata: true, strict: true } }));
  for (const [file, text] of Object.entries(files)) write(file, text);
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `url` with a password in it (the test server trusts any): to show that no output or cache keeps it. */
export function withPassword(url: string, password: string): string {
  const u = new URL(url);
  u.password = password;
  return u.toString();
}
