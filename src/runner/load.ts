/**
 * Reads a migrations directory into revisions. Each file is read once: the same bytes are compiled
 * and checksummed (./checksum: the code, not the layout), so the checksum always describes what runs.
 *
 * TypeScript is compiled with @swc/core directly rather than through @swc-node/register's hook,
 * which loads the `typescript` package (~200 ms) before the first file; with 1,000 migrations
 * the whole load is the bulk of an `upgrade head` that has nothing to do. A `.ts` require hook
 * with the same options is installed for helpers the migrations import, unless the process
 * already has one (ts-node, @swc-node/register, jest, ormdiff's entity loader). Migrations need no
 * decorator metadata, so swc's file-at-a-time output is exact for them; the project's tsconfig `paths`
 * and `baseUrl` are resolved at require time (../config/resolve), as for entities.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { SourceMap } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import type { MigrationInterface } from 'typeorm';
import { writeCacheFile } from '../config/cache-file';
import { resolveProjectImports } from '../config/resolve';
import { nearestTsconfig } from '../config/tsconfig';
import { chainAdopted, typeormTimestamp } from './adopted';
import { byteChecksum, codeChecksumCached } from './checksum';
import { GraphError } from './errors';
import { buildGraph, RevisionGraph, RevisionNode } from './graph';

export interface LoadedRevision extends RevisionNode {
  /** Absolute path of the file. */
  path: string;
  className: string;
  /** What TypeORM records in its `migrations` table for this class. */
  typeormName: string;
  /** The timestamp TypeORM orders by and records: the last 13 digits of `typeormName`, when they are digits. */
  timestamp?: number;
  /**
   * A TypeORM migration without `revision`/`downRevision`, taken as it is: its id is its TypeORM name and
   * its parent the migration before it in TypeORM's own order (see adopted.ts).
   */
  adopted: boolean;
  transaction: boolean;
  /** `code-v1:<sha256>` of the code the file runs, comments and layout aside (./checksum). */
  checksum: string;
  /** sha256 of the file's bytes, hex: what histories written before the code checksum recorded. */
  byteChecksum: string;
  /** From the file's header comment. */
  message: string;
  createDate?: string;
  migration: MigrationInterface;
}

export type MigrationGraph = RevisionGraph<LoadedRevision>;

const SWC_OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript' as const, decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022' as const,
  },
  module: { type: 'commonjs' as const },
  // Inline, so a statement's call site in the compiled code maps back to its line in the file (lint).
  sourceMaps: 'inline' as const,
};

interface NodeModuleInternals {
  _extensions: Record<string, (m: NodeModuleInstance, filename: string) => void>;
  _nodeModulePaths(dir: string): string[];
}
interface NodeModuleInstance {
  filename: string;
  paths: string[];
  exports: Record<string, unknown>;
  _compile(code: string, filename: string): void;
}
const NodeModule = Module as unknown as NodeModuleInternals & (new (id: string, parent?: unknown) => NodeModuleInstance);

function compileTypeScript(source: string, filename: string): string {
  // Loaded on first use: commands that never compile (revision, heads from a cache) skip the native binding.
  const swc = require('@swc/core') as typeof import('@swc/core');
  return swc.transformSync(source, { ...SWC_OPTIONS, filename }).code;
}

function ensureTsHook(): void {
  if (NodeModule._extensions['.ts']) return;
  NodeModule._extensions['.ts'] = (m, filename) => {
    m._compile(compileTypeScript(readFileSync(filename, 'utf8'), filename), filename);
  };
}

/**
 * Compiled migrations are kept under `<project>/.ormdiff/compiled/`, keyed by a hash of the source and
 * the compiler settings, so a run at head does not recompile a thousand unchanged files. The cache is
 * an optimisation only: any failure to read or write it falls back to compiling.
 */
function compileCached(source: string, path: string, cacheDir: string): string {
  const key = createHash('sha256').update(COMPILER_KEY()).update('\0').update(path).update('\0').update(source).digest('hex');
  const cached = join(cacheDir, `${key}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    const code = compileTypeScript(source, path);
    // A read-only checkout: compiled every time.
    writeCacheFile(cached, code);
    return code;
  }
}

/** Computed on first compile: reading the compiler's version at import would cost every command. */
let compilerKey: string | undefined;
const COMPILER_KEY = (): string => (compilerKey ??= JSON.stringify([SWC_OPTIONS, (() => {
  try {
    return (require('@swc/core/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
})()]));

/** The compiled code of each TypeScript migration loaded, by path: its inline source map, parsed on demand. */
const compiled = new Map<string, string>();
const sourceMaps = new Map<string, SourceMap | null>();

/**
 * The 1-based line in a migration file of a position (1-based line and column) in the code that ran:
 * the same line for JavaScript, mapped through the source map for compiled TypeScript.
 */
export function sourceLine(path: string, line: number, column: number): number {
  const code = compiled.get(path);
  if (code === undefined) return line;
  let map = sourceMaps.get(path);
  if (map === undefined) {
    const inline = /\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)\s*$/.exec(code);
    map = inline ? new SourceMap(JSON.parse(Buffer.from(inline[1], 'base64').toString('utf8'))) : null;
    sourceMaps.set(path, map);
  }
  const entry = map?.findEntry(line - 1, column - 1) as { originalLine?: number } | undefined;
  return entry?.originalLine !== undefined ? entry.originalLine + 1 : line;
}

/** Compiles one file as a fresh CommonJS module (never from require's cache: a file may change between loads in one process). */
function evaluate(path: string, source: string, cacheDir: string): Record<string, unknown> {
  const code = path.endsWith('.ts') ? compileCached(source, path, cacheDir) : source;
  if (path.endsWith('.ts')) {
    compiled.set(path, code);
    sourceMaps.delete(path);
  }
  const m = new NodeModule(path, module);
  m.filename = path;
  m.paths = NodeModule._nodeModulePaths(dirname(path));
  m._compile(code, path);
  return m.exports;
}

export function isMigrationFile(name: string): boolean {
  return (name.endsWith('.ts') || name.endsWith('.js')) && !name.endsWith('.d.ts');
}

/** Message and create date from the header comment the templates write. */
export function parseHeader(source: string): { message: string; createDate?: string } {
  const block = /\/\*\*([\s\S]*?)\*\//.exec(source);
  if (!block) return { message: '' };
  const lines = block[1].split('\n').map((l) => l.replace(/^\s*\*\s?/, '').trimEnd());
  const idAt = lines.findIndex((l) => l.startsWith('Revision ID:'));
  const message = (idAt >= 0 ? lines.slice(0, idAt) : lines).join('\n').trim();
  const date = lines.find((l) => l.startsWith('Create Date:'));
  return { message, createDate: date?.slice('Create Date:'.length).trim() };
}

type MigrationClass = new () => MigrationInterface & Record<string, unknown>;

function migrationClasses(exports: Record<string, unknown>): MigrationClass[] {
  const out = new Set<MigrationClass>();
  for (const value of Object.values(exports)) {
    if (typeof value !== 'function') continue;
    const proto = (value as { prototype?: Record<string, unknown> }).prototype;
    if (proto && typeof proto.up === 'function' && typeof proto.down === 'function') out.add(value as MigrationClass);
  }
  return [...out];
}

function readParents(value: unknown): string[] | undefined {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string' && value.length > 0) return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0)) return [...new Set(value as string[])];
  return undefined;
}

/** A compiler's error without its source excerpt and native backtrace: what fits on the one line. */
function firstLines(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter((l) => l && !/^[,|`]/.test(l) && !/^\d+ \|/.test(l));
  const end = lines.findIndex((l) => /^(Caused by:|Stack backtrace:)/.test(l));
  return (end < 0 ? lines : lines.slice(0, end)).slice(0, 2).join(' ');
}

/** Loads every migration class in `dir`; problems in any file are reported together, each naming its file. */
export function loadRevisions(dir: string): LoadedRevision[] {
  const root = resolve(dir);
  let names: string[];
  // A project that has not written its first migration yet has no directory: an empty graph, not an error.
  if (!existsSync(root)) return [];
  try {
    if (!statSync(root).isDirectory()) throw new Error('not a directory');
    names = readdirSync(root).filter(isMigrationFile).sort();
  } catch (err) {
    throw new GraphError([`Can't read migrations directory ${root}: ${(err as Error).message}`]);
  }
  ensureTsHook();
  resolveProjectImports(nearestTsconfig(root));
  const cacheDir = join(dirname(root), '.ormdiff', 'compiled');
  const sumsDir = join(dirname(root), '.ormdiff', 'checksums');
  const problems: string[] = [];
  const out: LoadedRevision[] = [];
  for (const name of names) {
    const path = join(root, name);
    const bytes = readFileSync(path);
    const source = bytes.toString('utf8');
    let exports: Record<string, unknown>;
    try {
      exports = evaluate(path, source, cacheDir);
    } catch (err) {
      problems.push(`Could not load migration file ${name}: ${firstLines((err as Error).message)}`);
      continue;
    }
    const checksum = codeChecksumCached(bytes, path, sumsDir);
    const header = parseHeader(source);
    for (const cls of migrationClasses(exports)) {
      let migration: MigrationInterface & Record<string, unknown>;
      try {
        migration = new cls();
      } catch (err) {
        problems.push(`Could not instantiate ${cls.name} in ${name}: ${(err as Error).message}`);
        continue;
      }
      const typeormName = typeof migration.name === 'string' && migration.name ? migration.name : cls.name;
      const timestamp = typeormTimestamp(typeormName);
      const common = {
        file: basename(path),
        path,
        className: cls.name,
        typeormName,
        timestamp,
        transaction: migration.transaction !== false,
        checksum,
        byteChecksum: byteChecksum(bytes),
        message: header.message,
        createDate: header.createDate,
        migration,
      };
      const revision = migration.revision;
      if (revision === undefined && migration.downRevision === undefined) {
        if (timestamp === undefined) {
          problems.push(
            `${name}: class ${cls.name} has neither a \`revision\` field nor a name ending in a 13-digit timestamp (TypeORM's order); ` +
              'rename the class to end in one (as `typeorm migration:create` does) or move its code into `ormdiff revision -m "…"`',
          );
          continue;
        }
        // Parents are filled in once every file is read: they follow TypeORM's order over the whole folder.
        out.push({ ...common, revision: typeormName, downRevisions: [], adopted: true });
        continue;
      }
      const parents = readParents(migration.downRevision);
      if (typeof revision !== 'string' || revision.length === 0) {
        problems.push(`${name}: class ${cls.name} has \`downRevision\` but no \`revision\`; add \`revision = "<id>"\` (or remove both to adopt it by its timestamp)`);
        continue;
      }
      if (!parents) {
        problems.push(`${name}: class ${cls.name}: downRevision must be a revision id, a list of them, or null`);
        continue;
      }
      out.push({ ...common, revision, downRevisions: parents, adopted: false });
    }
  }
  if (problems.length) throw new GraphError(problems);
  return chainAdopted(out);
}

export function loadGraph(dir: string): MigrationGraph {
  return buildGraph(loadRevisions(dir));
}
