/**
 * `ormdiff lint [files…]`: replays the migrations directory (of the files named, or the project's)
 * on a scratch database, recording what each migration runs, and judges every file by that
 * (src/lint/judge.ts, the planner's checks) and its acknowledgements (src/lint/lint.ts).
 * `ormdiff check` judges the migrations it replays the same way. Lint needs a PostgreSQL server for
 * the scratch database: `--scratch-url`, the project's database server, or the embedded one.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { DatabaseError, UsageError } from '../errors';
import { formatLint, type LintResult, lintSource } from '../lint/lint';
import { judgeStep, type StatementFinding } from '../lint/judge';
import { type RecordedStep, replayRecorded } from '../scratch/record';
import type { ConnectExtensions, TypeormTable } from '../runner';
import { isMigrationFile } from '../runner/load';
import { type ScratchSource, scratchSourceFor, withScratchDatabase } from '../scratch';
import { markHistory } from './history';
import { type Judgements, judgementsFor } from './judgements';
import { connectExtensionsFor, openProject, type ProjectOptions } from './project';

export interface LintOptions extends ProjectOptions {
  /** Files or directories; default: the project's migrations directory. */
  files?: string[];
  /** A server to create the scratch database on, instead of the configured one or the embedded one. */
  scratchUrl?: string;
  /** Schema of ormdiff's version table (default public). */
  versionSchema?: string;
  /** Progress: the scratch database's life, the migrations replayed. */
  log?: (line: string) => void;
}

export interface LintReport {
  results: LintResult[];
  /** Whether an error-level warning is left unacknowledged (the command exits 1). */
  blocking: boolean;
  /** One line per finding, then a summary. */
  output: string;
}

/** Each replayed migration file's findings, named relative to `cwd` as the report prints them; `only` narrows the files. */
export function lintSteps(
  steps: readonly RecordedStep[],
  cwd: string,
  only?: ReadonlySet<string>,
  projectMigrationsDir?: string,
  judgements?: Judgements,
): LintResult[] {
  const byFile = new Map<string, StatementFinding[]>();
  for (const step of steps) {
    if (only && !only.has(step.path)) continue;
    byFile.set(step.path, [...(byFile.get(step.path) ?? []), ...judged(step, judgements)]);
  }
  for (const path of only ?? []) if (!byFile.has(path)) byFile.set(path, []);
  const files = [...byFile.keys()].sort();
  const results = files.map((path) => lintSource(readFileSync(path, 'utf8'), relative(cwd, path) || path, byFile.get(path)!));
  // Migrations at or before the project's baseline are history: reported, never blocking.
  return projectMigrationsDir ? markHistory(results, files, projectMigrationsDir) : results;
}

/** A step's findings: judged from the schema around it, or as judged before when it was not read. */
function judged(step: RecordedStep, judgements: Judgements | undefined): StatementFinding[] {
  if (step.before && step.after) {
    const findings = judgeStep(step.before, step.after, step.statements, { transactional: step.transactional });
    judgements?.remember(step.key, step.statementsHash, findings);
    return findings;
  }
  const known = judgements?.findings(step.key);
  // replayRecorded reads every step nobody knows; a known one that ran other statements makes it stale.
  if (!known) throw new Error(`migration ${step.revision} was replayed without the schema around it and has no judgement`);
  return known;
}

/** The migration directories the targets name, each with the files to report (none: every file). */
function targetsOf(paths: string[]): Map<string, Set<string> | undefined> {
  const dirs = new Map<string, Set<string> | undefined>();
  for (const path of paths) {
    let directory: boolean;
    try {
      directory = statSync(path).isDirectory();
    } catch {
      throw new UsageError(`no such file or directory: ${path}`);
    }
    if (directory) {
      dirs.set(path, undefined);
      continue;
    }
    if (!isMigrationFile(path)) throw new UsageError(`${path} is not a migration file (.ts or .js)`);
    const dir = dirname(path);
    if (dirs.has(dir) && dirs.get(dir) === undefined) continue;
    dirs.set(dir, new Set([...(dirs.get(dir) ?? []), path]));
  }
  return dirs;
}

interface Replayer {
  source: ScratchSource;
  extensions?: ConnectExtensions;
  typeormTable?: TypeormTable;
  /** The project's judgements of earlier replays, when there is a project. */
  judgements?: Judgements;
}

/** Where the scratch database comes from: the project's (or --scratch-url); files named outside any project use --scratch-url or the embedded server. */
async function replayerFor(options: LintOptions, cwd: string): Promise<Replayer & { migrationsDir?: string }> {
  const named = options.files && options.files.length > 0;
  if (named && !existsSync(resolve(cwd, options.config ?? 'ormconfig.ts'))) {
    return { source: options.scratchUrl ? { kind: 'server', url: options.scratchUrl } : { kind: 'embedded', projectDir: cwd } };
  }
  const project = await openProject(options, { lazyEntities: true });
  return {
    source: scratchSourceFor(project, options.scratchUrl),
    extensions: connectExtensionsFor(project),
    typeormTable: project.typeormTable,
    migrationsDir: project.migrationsDir,
    judgements: judgementsFor(project.configPath),
  };
}

/**
 * `fn` on a fresh scratch database. Lint has no offline mode: when no server can give it one, it
 * says so, and what to pass.
 */
async function replayOn<T>(replayer: Replayer, fn: (url: string) => Promise<T>, log?: (line: string) => void): Promise<T> {
  let reached = false;
  try {
    return await withScratchDatabase(
      replayer.source,
      (scratch) => {
        reached = true;
        return fn(scratch.url);
      },
      { log },
    );
  } catch (error) {
    if (reached || !(error instanceof DatabaseError)) throw error;
    throw new DatabaseError(
      `lint replays the migrations on a scratch database and could not get one: ${error.message}; ` +
        'pass --scratch-url postgres://… (a server to create it on), or configure the database (--url, DATABASE_URL)',
      { cause: error },
    );
  }
}

export async function lint(options: LintOptions = {}): Promise<LintReport> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const replayer = await replayerFor(options, cwd);
  if (!(options.files && options.files.length > 0) && !existsSync(replayer.migrationsDir!)) return { results: [], blocking: false, output: formatLint([]) };
  const targets = targetsOf(options.files && options.files.length > 0 ? options.files.map((f) => resolve(cwd, f)) : [replayer.migrationsDir!]);
  const results: LintResult[] = [];
  for (const [migrationsDir, only] of targets) {
    if (!existsSync(migrationsDir)) continue;
    const judgements = replayer.judgements;
    const replayWith = (known: Judgements['known'] | undefined) =>
      replayOn(
        replayer,
        (url) =>
          replayRecorded(
            url,
            { migrationsDir, typeormTable: replayer.typeormTable, versionSchema: options.versionSchema, extensions: replayer.extensions, warn: options.log },
            { seed: judgements?.seed, known, skip: only ? (path) => !only.has(path) : undefined },
          ),
        options.log,
      );
    let replay = await replayWith(judgements?.known);
    // A known migration ran other statements than when it was judged: judge everything afresh.
    if (replay.stale) replay = await replayWith(undefined);
    const project = replayer.migrationsDir !== undefined && resolve(replayer.migrationsDir) === resolve(migrationsDir) ? migrationsDir : undefined;
    results.push(...lintSteps(replay.steps, cwd, only, project, judgements));
    judgements?.save();
  }
  return { results, blocking: results.some((r) => r.blocking), output: formatLint(results) };
}
