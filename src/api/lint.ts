/**
 * `ormdiff lint [files…]`: reads migration files (or every migration in the project's migrations
 * directory when none are named) and checks each with src/lint/lint.ts. `ormdiff check` lints
 * the migrations directory the same way.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UsageError } from '../errors';
import { formatLint, type LintResult, lintSource } from '../lint/lint';
import { isMigrationFile } from '../runner/load';
import { openProject, type ProjectOptions } from './project';

export interface LintOptions extends ProjectOptions {
  /** Files or directories; default: the project's migrations directory. */
  files?: string[];
}

export interface LintReport {
  results: LintResult[];
  /** Whether an error-level warning is left unacknowledged (the command exits 1). */
  blocking: boolean;
  /** One line per finding, then a summary. */
  output: string;
}

function expand(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`no such file or directory: ${path}`);
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(path)
    .filter(isMigrationFile)
    .sort()
    .map((name) => join(path, name));
}

/** Lints each file, naming it relative to `cwd` as the report prints it. */
export function lintFiles(files: string[], cwd: string): LintResult[] {
  return files.map((file) => lintSource(readFileSync(file, 'utf8'), relative(cwd, file) || file));
}

/** Every migration file of a directory, linted; none when the directory does not exist (yet). */
export function lintMigrations(migrationsDir: string, cwd: string): LintResult[] {
  return existsSync(migrationsDir) ? lintFiles(expand(migrationsDir), cwd) : [];
}

export async function lint(options: LintOptions = {}): Promise<LintReport> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const targets = options.files && options.files.length > 0 ? options.files.map((f) => resolve(cwd, f)) : [(await openProject(options)).migrationsDir];
  const results = lintFiles(targets.flatMap(expand), cwd);
  return { results, blocking: results.some((r) => r.blocking), output: formatLint(results) };
}
