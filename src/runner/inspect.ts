/**
 * The read-only commands: `current`, `history`, `heads`, `branches`, `show`, and the
 * `assertAtHead` check autogenerate makes first. They never take the lock and never write; the
 * database is optional wherever the answer can come from the files alone.
 */
import { type ChangedRevision, changedRevisions } from './checksum';
import { GraphError, guarded, NotUpToDateError, UsageError } from './errors';
import { isBranchPoint, isMergePoint } from './graph';
import { loadGraph, LoadedRevision, MigrationGraph } from './load';
import { DatabaseOptions, openSession, Session } from './session';
import { tablesIn, Tables, VERSION_TABLE } from './sql';
import { BlockingRecord, DbState, HistoryEvent, readHistory, readState } from './state';
import { reconcileWithTypeorm, TypeormTable, usesTypeormTable } from './typeorm-table';
import { appliedSet, parseTarget, planUpgrade, revisionsInRange } from './targets';

export interface RevisionSummary {
  revision: string;
  downRevisions: string[];
  children: string[];
  file: string;
  path: string;
  className: string;
  message: string;
  createDate?: string;
  transaction: boolean;
  checksum: string;
  isHead: boolean;
  isBase: boolean;
  isBranchPoint: boolean;
  isMergePoint: boolean;
  /** Whether the database's version table holds it; absent when no database was consulted. */
  isCurrent?: boolean;
}

export interface InspectOptions extends DatabaseOptions {
  migrationsDir: string;
  /** TypeORM's migrations table, the applied state of a folder with adopted TypeORM migrations. */
  typeormTable?: TypeormTable;
}

export function summarize(graph: MigrationGraph, rev: LoadedRevision, current?: readonly string[]): RevisionSummary {
  const id = rev.revision;
  return {
    revision: id,
    downRevisions: [...rev.downRevisions],
    children: [...graph.children.get(id)!],
    file: rev.file,
    path: rev.path,
    className: rev.className,
    message: rev.message,
    createDate: rev.createDate,
    transaction: rev.transaction,
    checksum: rev.checksum,
    isHead: graph.children.get(id)!.length === 0,
    isBase: rev.downRevisions.length === 0,
    isBranchPoint: isBranchPoint(graph, id),
    isMergePoint: isMergePoint(graph, id),
    ...(current ? { isCurrent: current.includes(id) } : {}),
  };
}

const hasDatabase = (opts: DatabaseOptions) => Boolean(opts.url || opts.dataSource);

/** Loads the graph and, when a database is given, a read-only session on it (no lock: nothing is written). */
interface Reader {
  session: Session;
  tables: Tables;
  /** The applied state: ormdiff's version table, or TypeORM's table when the folder holds adopted migrations. */
  state(): Promise<DbState>;
}

function withReader<T>(opts: InspectOptions, body: (graph: MigrationGraph, db?: Reader) => Promise<T>): Promise<T> {
  return guarded(opts.url, async () => {
    const graph = loadGraph(opts.migrationsDir);
    if (!hasDatabase(opts)) return body(graph);
    const session = await openSession({ ...opts, offline: true });
    const tables = tablesIn(opts.schema ?? 'public');
    const state = async () => {
      const recorded = await readState(session, tables);
      return usesTypeormTable(graph, opts.typeormTable) ? (await reconcileWithTypeorm(session, tables, graph, recorded, opts.typeormTable, '')).state : recorded;
    };
    try {
      return await body(graph, { session, tables, state });
    } finally {
      await session.close().catch(() => undefined);
    }
  });
}

export interface CurrentResult {
  /** The version table's revisions that a file declares. */
  heads: RevisionSummary[];
  /** The version table's revisions that no file declares. */
  unknown: string[];
  /** Whether the database is at every head of the graph. */
  upToDate: boolean;
  /** Revisions `upgrade heads` would apply, in order. */
  pending: string[];
  /** The heads of the revision graph: the revisions the migration files end at. */
  fileHeads: string[];
  /** Half-done non-transactional migrations that block the next run. */
  blocking: BlockingRecord[];
  /** Applied revisions whose file no longer matches the checksum recorded when it ran (`upgrade` refuses them). */
  changed: ChangedRevision[];
}

export function current(opts: InspectOptions): Promise<CurrentResult> {
  if (!hasDatabase(opts)) return Promise.reject(new UsageError('current needs a database URL'));
  return withReader(opts, async (graph, db) => {
    const state = await db!.state();
    const known = state.heads.filter((h) => graph.nodes.has(h));
    const pending = planUpgrade(graph, known, { kind: 'revisions', revisions: graph.heads }).map((s) => s.revision);
    return {
      heads: known.map((h) => summarize(graph, graph.nodes.get(h)!, state.heads)),
      unknown: state.heads.filter((h) => !graph.nodes.has(h)),
      upToDate: pending.length === 0 && known.length === state.heads.length,
      pending,
      fileHeads: [...graph.heads],
      blocking: state.blocking,
      changed: changedRevisions(appliedSet(graph, known), graph.nodes, state.checksums),
    };
  });
}

export interface HistoryOptions extends InspectOptions {
  /** `start:end`, as Alembic's `-r`; either side may be empty, `current`, a revision or a relative target. */
  range?: string;
  /** Attach each revision's rows of the history table (needs a database). */
  verbose?: boolean;
}

export interface HistoryEntry extends RevisionSummary {
  /** This revision's rows in the history table, oldest first (verbose, with a database). */
  events?: HistoryEvent[];
}

/** The revisions of the graph, newest first (children before parents). */
export function history(opts: HistoryOptions): Promise<HistoryEntry[]> {
  return withReader(opts, async (graph, db) => {
    const state = db ? await db.state() : undefined;
    const currentHeads = state?.heads.filter((h) => graph.nodes.has(h));
    const ids = opts.range ? revisionsInRange(graph, currentHeads, opts.range) : [...graph.order].reverse();
    const events = db && opts.verbose ? await readHistory(db.session, db.tables) : undefined;
    return ids.map((id) => {
      const entry: HistoryEntry = summarize(graph, graph.nodes.get(id)!, state?.heads);
      if (events) entry.events = events.filter((e) => e.revision === id);
      return entry;
    });
  });
}

export function heads(opts: InspectOptions): Promise<RevisionSummary[]> {
  return withReader(opts, async (graph, db) => {
    const state = db ? await db.state() : undefined;
    return graph.heads.map((id) => summarize(graph, graph.nodes.get(id)!, state?.heads));
  });
}

/** Branch points: revisions with more than one child (their `children` say where each branch starts). */
export function branches(opts: InspectOptions): Promise<RevisionSummary[]> {
  return withReader(opts, async (graph, db) => {
    const state = db ? await db.state() : undefined;
    return graph.order.filter((id) => isBranchPoint(graph, id)).map((id) => summarize(graph, graph.nodes.get(id)!, state?.heads));
  });
}

/** The revision(s) a target names: `show abc1`, `show head`, `show heads`, `show abc1+2`. */
export function show(opts: InspectOptions & { revision: string }): Promise<RevisionSummary[]> {
  return withReader(opts, async (graph, db) => {
    const state = db ? await db.state() : undefined;
    const target = parseTarget(graph, opts.revision);
    if (target.kind !== 'revisions') throw new UsageError(`show takes a revision, not ${opts.revision}`);
    return target.revisions.map((id) => summarize(graph, graph.nodes.get(id)!, state?.heads));
  });
}

/** For `revision --autogenerate`: the database must be at every head, or the generated diff would repeat pending migrations. */
export function assertAtHead(opts: InspectOptions): Promise<void> {
  if (!hasDatabase(opts)) return Promise.reject(new UsageError('Autogenerate needs a database URL'));
  return withReader(opts, async (graph, db) => {
    const state = await db!.state();
    const unknown = state.heads.filter((h) => !graph.nodes.has(h));
    if (unknown.length) {
      throw new GraphError([
        `Can't locate revision ${unknown.join(', ')} recorded in ${db!.tables.schema}.${VERSION_TABLE}: no migration file declares it ` +
          `(restore the file, or \`ormdiff stamp ${graph.heads.join(' ') || 'base'} --purge\` to say where the database really is)`,
      ]);
    }
    const applied = appliedSet(graph, state.heads);
    const pending = graph.order.filter((id) => !applied.has(id));
    if (pending.length) {
      throw new NotUpToDateError(
        `Target database is not up to date: it is at ${state.heads.join(', ') || '(base)'} and ${pending.length} revision(s) are not applied ` +
          `(${pending.slice(0, 5).join(', ')}${pending.length > 5 ? ', …' : ''}); run \`ormdiff upgrade heads\` first, or autogenerate with --scratch (migrations replayed on a scratch database)`,
      );
    }
  });
}
