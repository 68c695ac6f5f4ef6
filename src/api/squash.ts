/**
 * `ormdiff squash <from>:<to>`: replaces a linear range of migrations by one with the same effect.
 *
 * The new migration is what the range really runs: every statement its `up`s send (schema-builder
 * calls included, data statements with their parameters), recorded by replaying the range on a
 * scratch database, and likewise its `down`s in reverse. It is proven before anything is written:
 * on a second scratch database, the squashed `up` must give exactly the schema the range gave, and
 * its `down` the schema the range's downs gave. Only then are the range's files deleted and the new
 * one written.
 *
 * It keeps the ids others refer to: it is revision `<to>` (what later migrations and databases
 * name), its parents are `<from>`'s, and its TypeORM name and timestamp are `<to>`'s, so TypeORM's
 * runner, too, sees it as already run wherever `<to>` ran. A branch point or merge strictly inside
 * the range (a revision outside it would lose its parent) is refused, naming it.
 */
import { mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from 'pg';
import { withConnection } from '../db/connect';
import { diffSchemas } from '../diff/diff';
import { planChanges } from '../plan/plan';
import { ExitCode, OrmdiffError, UsageError } from '../errors';
import { truncate } from '../runner/errors';

/** A migration of the range (or the squashed one) failed on a scratch database: nothing was written. */
class MigrationFailed extends OrmdiffError {
  constructor(message: string) {
    super(message, ExitCode.migrationFailed);
  }
}
import { formatMigrationSource, migrationFileName, migrationFileSource, type MigrationStatement } from '../render/migration';
import { ensureExtensions, loadGraph, loadRevisions, upgrade, type LoadedRevision, type MigrationGraph, type Statement } from '../runner';
import { readBaseline, writeBaseline } from '../runner/baseline';
import { ancestorsOf, descendantsOf } from '../runner/graph';
import { openSession } from '../runner/session';
import { resolveRevision } from '../runner/targets';
import type { Schema } from '../schema/model';
import { scratchSourceFor, withScratchDatabase } from '../scratch';
import { differingObjects, snapshot } from '../scratch/snapshot';
import { connectExtensionsFor, openProject, type Project, type ProjectOptions } from './project';
import { metadataTableOf } from './typeorm-metadata';

export interface SquashOptions extends ProjectOptions {
  /** `<from>:<to>`, both included; either may be a prefix. */
  range: string;
  message?: string;
  scratchUrl?: string;
  log?: (line: string) => void;
}

export interface SquashResult {
  /** The replaced revisions, parents first. */
  replaced: string[];
  revision: string;
  path: string;
  /** Statements of the squashed up and down. */
  up: number;
  down: number;
  /** Set when the range's own downs fail and the down was planned from the schemas instead. */
  downNote?: string;
}

/** The revisions from `from` to `to` (both included), parents first; refused unless it is a plain chain. */
export function squashRange(graph: MigrationGraph, from: string, to: string): string[] {
  if (!ancestorsOf(graph, [to]).has(from)) throw new UsageError(`${from} is not an ancestor of ${to}: a squash range goes from an older revision to a newer one`);
  const between = descendantsOf(graph, [from]);
  const range = graph.order.filter((id) => between.has(id) && ancestorsOf(graph, [to]).has(id));
  const inRange = new Set(range);
  for (const id of range) {
    const rev = graph.nodes.get(id)!;
    if (id !== from && rev.downRevisions.length > 1) throw new UsageError(`Can't squash ${from}:${to}: ${id} (${rev.file}) merges ${rev.downRevisions.join(', ')} inside the range`);
    const outside = id === to ? [] : graph.children.get(id)!.filter((c) => !inRange.has(c));
    if (outside.length) {
      throw new UsageError(
        `Can't squash ${from}:${to}: ${id} (${rev.file}) is a branch point inside the range; ${outside.join(', ')} would lose its parent (squash up to ${id}, or from after it)`,
      );
    }
  }
  return range;
}

const bookkeepingTables = (project: Project) => [metadataTableOf(project.dataSourceOptions).name];

/**
 * Runs `migrations`' up (or down, in reverse) directly on `url`, outside the runner's bookkeeping, and
 * returns the statements they sent: each transactional migration in its own transaction, as the runner runs it.
 */
async function record(url: string, migrations: readonly LoadedRevision[], direction: 'up' | 'down'): Promise<Statement[]> {
  const session = await openSession({ url, offline: false });
  const out: Statement[] = [];
  try {
    for (const rev of direction === 'up' ? migrations : [...migrations].reverse()) {
      if (rev.transaction) await session.runner.startTransaction();
      const start = session.statements.length;
      try {
        await (direction === 'up' ? rev.migration.up(session.migrationRunner) : rev.migration.down(session.migrationRunner));
      } catch (err) {
        const failed = session.statements[session.statements.length - 1]?.sql ?? '';
        throw new MigrationFailed(`squash stopped: ${rev.file} failed during ${direction} on the scratch database: ${(err as Error).message} (statement \`${truncate(failed, 160)}\`)`);
      }
      out.push(...session.statements.slice(start));
      if (rev.transaction) await session.runner.commitTransaction();
    }
    return out;
  } finally {
    await session.close();
  }
}

/** The statements that take a database from `from` back to `to`, as ormdiff would plan them. */
function plannedDown(from: Schema, to: Schema): Statement[] {
  const plan = planChanges(diffSchemas(from, to), { unmanaged: from.unmanaged });
  return [...plan.settings.start, ...plan.up.map((s) => s.sql), ...plan.settings.end].map((sql) => ({ sql }));
}

const asMigrationStatements = (statements: readonly Statement[]): MigrationStatement[] =>
  statements.map((s) => (s.parameters && s.parameters.length ? { sql: s.sql, parameters: s.parameters } : { sql: s.sql }));

/** A scratch database at the range's parents: upgraded to each, with the connect-time extensions in place. */
async function atParents(project: Project, url: string, parents: readonly string[], extensions: readonly string[]): Promise<void> {
  for (const parent of parents) {
    await upgrade({ migrationsDir: project.migrationsDir, typeormTable: project.typeormTable, url, target: parent, extensions, ranBy: 'ormdiff squash' });
  }
  await withConnection(url, (client) => ensureExtensions(async (sql, parameters) => (await client.query(sql, parameters)).rows, extensions));
}

const look = (project: Project, url: string): Promise<Schema> => withConnection(url, (client: Client) => snapshot(client, bookkeepingTables(project)));

export async function squash(options: SquashOptions): Promise<SquashResult> {
  const project = await openProject(options, { lazyEntities: true });
  const dir = project.migrationsDir;
  const graph = loadGraph(dir);
  const colon = options.range.indexOf(':');
  if (colon < 0) throw new UsageError(`squash takes a range <from>:<to>, not ${options.range}`);
  const from = resolveRevision(graph, options.range.slice(0, colon));
  const to = resolveRevision(graph, options.range.slice(colon + 1));
  const ids = squashRange(graph, from, to);
  if (ids.length < 2) throw new UsageError(`${from}:${to} is a single revision: nothing to squash`);
  const range = ids.map((id) => graph.nodes.get(id)!);
  const files = new Set(range.map((r) => r.path));
  const sharing = [...graph.nodes.values()].find((r) => files.has(r.path) && !ids.includes(r.revision));
  if (sharing) throw new UsageError(`Can't squash ${from}:${to}: ${sharing.file} also declares ${sharing.revision}, outside the range`);
  const first = range[0];
  const last = range[range.length - 1];
  const parents = first.downRevisions;
  const log = options.log ?? (() => undefined);
  const extensions = await connectExtensionsFor(project)();
  const source = scratchSourceFor(project, options.scratchUrl);

  // 1. The range itself: what its ups and downs send, and the schemas they leave.
  const recorded = await withScratchDatabase(
    source,
    async (scratch) => {
      await atParents(project, scratch.url, parents, extensions);
      const before = await look(project, scratch.url);
      const up = await record(scratch.url, range, 'up');
      const after = await look(project, scratch.url);
      let down: Statement[];
      let restored: Schema;
      let downNote: string | undefined;
      try {
        down = await record(scratch.url, range, 'down');
        restored = await look(project, scratch.url);
      } catch (err) {
        if (!(err instanceof MigrationFailed)) throw err;
        // A historical down that never worked (it is rarely run): the down is planned from the schemas instead.
        down = plannedDown(after, before);
        restored = before;
        downNote = `The range's own downs fail (${err.message.replace(/^squash stopped: /, '')}); this down is planned from the schemas: it restores the schema, not data the downs would have moved.`;
        log(downNote);
      }
      log(`Recorded ${ids.length} migration(s): ${up.length} up and ${down.length} down statement(s)`);
      return { up, down, after, restored, downNote };
    },
    { log },
  );

  const message = options.message ?? `squash of ${first.revision} … ${last.revision}`;
  const downRevision = parents.length === 0 ? null : parents.length === 1 ? parents[0] : parents;
  const text = await formatMigrationSource(
    migrationFileSource({
      message,
      revision: last.revision,
      downRevision,
      createdAt: new Date(),
      // TypeORM's name and timestamp stay the last one's: where that ran, TypeORM sees this one as run.
      className: last.className,
      headerSections: [`Squashes ${ids.length} migrations: ${ids.join(', ')}`, ...(recorded.downNote ? [recorded.downNote] : [])],
      up: asMigrationStatements(recorded.up),
      down: asMigrationStatements(recorded.down),
      transaction: range.every((r) => r.transaction),
    }),
  );
  const named = last.typeormName === last.className ? text : text.replace(`name = ${JSON.stringify(last.className)};`, `name = ${JSON.stringify(last.typeormName)};`);

  // 2. The proof, on a second scratch database, before any file changes.
  const staging = path.join(path.dirname(dir), '.ormdiff', 'squash', String(process.pid));
  mkdirSync(staging, { recursive: true });
  const fileName = migrationFileName(last.revision, message);
  try {
    writeFileSync(path.join(staging, fileName), named);
    const [squashed] = loadRevisions(staging);
    await withScratchDatabase(
      source,
      async (scratch) => {
        await atParents(project, scratch.url, parents, extensions);
        await record(scratch.url, [squashed], 'up');
        let differs = differingObjects(recorded.after, await look(project, scratch.url));
        if (differs.length) throw new UsageError(`squash not written: after its up, these differ from after the range's ups: ${differs.join(', ')}`);
        await record(scratch.url, [squashed], 'down');
        differs = differingObjects(recorded.restored, await look(project, scratch.url));
        if (differs.length) throw new UsageError(`squash not written: after its down, these differ from after the range's downs: ${differs.join(', ')}`);
        log(`Proven: the squashed migration gives the range's schema up and down`);
      },
      { log },
    );
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }

  // 3. Only now: the range's files go, the squashed one comes.
  for (const file of files) unlinkSync(file);
  const target = path.join(dir, fileName);
  writeFileSync(target, named, { flag: 'wx' });
  const baseline = readBaseline(dir);
  if (baseline !== undefined && ids.includes(baseline)) writeBaseline(dir, last.revision);
  return {
    replaced: ids,
    revision: last.revision,
    path: target,
    up: recorded.up.length,
    down: recorded.down.length,
    ...(recorded.downNote ? { downNote: recorded.downNote } : {}),
  };
}
