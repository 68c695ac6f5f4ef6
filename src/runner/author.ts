/**
 * `revision` and `merge`: the commands that write migration files (no database involved).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from './errors';
import { ancestorsOf, buildGraph } from './graph';
import { loadGraph, LoadedRevision, MigrationGraph } from './load';
import { classNameFor, fileNameFor, newRevisionId, renderMigrationSource } from './template';
import { parseTarget } from './targets';

export interface WrittenRevision {
  revision: string;
  downRevision: string | string[] | null;
  className: string;
  /** Absolute path of the new file. */
  path: string;
  source: string;
}

export interface RevisionOptions {
  migrationsDir: string;
  message: string;
  /** What the new revision follows. Default `head` (refused while there are several; merge first or name one). */
  head?: string;
  /** Instead of a random id. */
  revisionId?: string;
  /** SQL for up()/down(); empty for a template to fill in. */
  up?: readonly string[];
  down?: readonly string[];
  transaction?: boolean;
  now?: Date;
  /** Writes the file text itself (autogenerate renders its plan, warnings and all); default: the template. */
  render?: (meta: { revision: string; downRevision: string | string[] | null; createdAt: Date; path: string }) => Promise<string>;
}

function graphOf(dir: string): MigrationGraph {
  return existsSync(dir) ? loadGraph(dir) : buildGraph<LoadedRevision>([]);
}

async function write(
  dir: string,
  graph: MigrationGraph,
  parents: string[],
  opts: Pick<RevisionOptions, 'message' | 'revisionId' | 'up' | 'down' | 'transaction' | 'now' | 'render'>,
): Promise<WrittenRevision> {
  const revision = opts.revisionId ?? newRevisionId();
  if (!/^[A-Za-z0-9_]+$/.test(revision)) throw new UsageError(`Revision id '${revision}' must be letters, digits and underscores`);
  if (graph.nodes.has(revision)) throw new UsageError(`Revision ${revision} already exists in ${graph.nodes.get(revision)!.file}`);
  const now = opts.now ?? new Date();
  const className = classNameFor(opts.message, now.getTime());
  const downRevision = parents.length === 0 ? null : parents.length === 1 ? parents[0] : parents;
  const path = join(dir, fileNameFor(revision, opts.message));
  const source = opts.render
    ? await opts.render({ revision, downRevision, createdAt: now, path })
    : await renderMigrationSource({
    message: opts.message,
    revision,
    downRevision,
    createDate: now,
    className,
    up: opts.up,
    down: opts.down,
    transaction: opts.transaction,
    path,
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, source, { flag: 'wx' });
  return { revision, downRevision, className, path, source };
}

/** Writes a new migration after `head` (an empty template unless up/down are given). */
export async function revision(opts: RevisionOptions): Promise<WrittenRevision> {
  if (!opts.message.trim()) throw new UsageError('A revision needs a message (-m)');
  const dir = resolve(opts.migrationsDir);
  const graph = graphOf(dir);
  const target = parseTarget(graph, opts.head ?? 'head');
  if (target.kind === 'relative') throw new UsageError(`--head takes a revision, not ${opts.head}`);
  return write(dir, graph, target.kind === 'base' ? [] : target.revisions, opts);
}

export interface MergeOptions {
  migrationsDir: string;
  /** Revisions to merge (ids, prefixes, `heads`…); at least two once resolved. */
  revisions: string[];
  message?: string;
  revisionId?: string;
  now?: Date;
}

/** Writes a migration whose parents are the given revisions, joining their branches into one head. */
export async function merge(opts: MergeOptions): Promise<WrittenRevision> {
  const dir = resolve(opts.migrationsDir);
  const graph = graphOf(dir);
  const parents: string[] = [];
  for (const token of opts.revisions) {
    const t = parseTarget(graph, token);
    if (t.kind !== 'revisions') throw new UsageError(`merge takes revisions, not ${token}`);
    for (const r of t.revisions) if (!parents.includes(r)) parents.push(r);
  }
  if (parents.length < 2) throw new UsageError(`merge needs at least two revisions; got ${parents.join(', ') || 'none'}`);
  for (const r of parents) {
    const below = ancestorsOf(graph, [r]);
    const redundant = parents.find((p) => p !== r && below.has(p));
    if (redundant) throw new UsageError(`${redundant} is an ancestor of ${r}: merging them joins nothing`);
  }
  return write(dir, graph, parents, { ...opts, message: opts.message ?? 'merge heads' });
}
