/**
 * Scratch ("shadow") databases: an empty database to replay the migrations into, read, and drop.
 * Where one comes from, in order: `--scratch-url` (another server), the configured server (a new
 * database beside the project's), else the embedded PostgreSQL under `<project>/.ormdiff/`.
 */
import path from 'node:path';
import { upgrade, type ConnectExtensions, type MigrationGraph, type RunOptions, type RunResult, type StepObserver, type Statement, type TypeormTable } from '../runner';
import { withScratchOn, type ScratchDatabase } from './database';
import { withEmbeddedServer } from './embedded';
import { checkUrl } from '../config/url';

export type ScratchSource =
  /** Scratch databases are created on this server (the URL's own database is never touched). */
  | { kind: 'server'; url: string }
  /** The project's embedded PostgreSQL, under `<projectDir>/.ormdiff/pg`. */
  | { kind: 'embedded'; projectDir: string };

/** Pure: where a command's scratch database comes from. */
export function scratchSourceFor(project: { url?: string; configPath: string }, scratchUrl?: string): ScratchSource {
  if (scratchUrl) return { kind: 'server', url: checkUrl(scratchUrl, '--scratch-url')! };
  if (project.url) return { kind: 'server', url: project.url };
  return { kind: 'embedded', projectDir: path.dirname(project.configPath) };
}

export interface ScratchOptions {
  log?: (line: string) => void;
  /** Work to do while the server creates the database: see OnServerOptions. */
  meanwhile?: () => void;
}

export type { ScratchDatabase } from './database';

/**
 * Runs `fn` with a fresh, empty scratch database and drops it afterwards: after success, after a
 * failure, and on SIGINT/SIGTERM (the process then ends with 130/143 once it is dropped). Scratch
 * databases killed runs left on the server are swept first.
 */
export async function withScratchDatabase<T>(source: ScratchSource, fn: (db: ScratchDatabase) => Promise<T>, opts: ScratchOptions = {}): Promise<T> {
  const log = opts.log ?? (() => undefined);
  const { meanwhile } = opts;
  if (source.kind === 'server') return withScratchOn(source.url, fn, { log, meanwhile });
  return withEmbeddedServer(source.projectDir, (server) => withScratchOn(server.url, fn, { log, exclusive: true, meanwhile }), { log });
}

export interface ReplayOptions {
  migrationsDir: string;
  /** TypeORM's migrations table, written too when the folder holds adopted TypeORM migrations. */
  typeormTable?: TypeormTable;
  /** Schema of the version table (default public). */
  versionSchema?: string;
  /** What the project's DataSource creates on connect, created first as TypeORM's `migration:run` would have. */
  extensions?: ConnectExtensions;
  log?: (line: string) => void;
  onStep?: RunOptions['onStep'];
  warn?: (line: string) => void;
  /** Watches each step (lint records what each migration ran). */
  observer?: StepObserver;
  /** The migrations, when the caller has loaded them already. */
  graph?: MigrationGraph;
  onStatement?: (s: Statement) => void;
}

/** Applies every migration (all heads) to a scratch database. */
export function replayMigrations(url: string, opts: ReplayOptions): Promise<RunResult> {
  const { migrationsDir, typeormTable, versionSchema, extensions, log, warn, observer, onStatement, onStep, graph } = opts;
  return upgrade({ migrationsDir, graph, typeormTable, url, schema: versionSchema, target: 'heads', extensions, log, warn, observer, onStatement, onStep, ranBy: 'ormdiff scratch' });
}
