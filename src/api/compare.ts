/**
 * The core pipeline from the edges in: entities → model, database → model, both restricted to the
 * managed set, desired expressions put in Postgres' own spelling, then the pure diff and plan.
 */
import { dirname, join } from 'node:path';
import type { Client } from 'pg';
import { connect, urlOf, withConnection } from '../db/connect';
import { noteRun, timed } from '../timings';
import type { Change } from '../diff/changes';
import { type DiffHints, mergeHints } from '../diff/renames/hints';
import { type ComparePolicy, resolvePolicy } from '../diff/policy';
import type { RenameHint } from '../diff/renames/hints';
import type { RenameDecision } from '../diff/renames/detect';
import { introspect } from '../introspect';
import type { KeptRead } from '../introspect/introspect';
import { fileCache } from '../normalize/cache';
import { normalizeDesired, type NormalizeOptions } from '../normalize/normalize';
import type { Plan } from '../plan/plan';
import { qualifiedKey, type QualifiedName, type Schema, type ColumnRoleOf } from '../schema/model';
import { adoptUnmodelled, restrictToScope, type Scope } from '../schema/scope';
import { type ObjectUse, usesOutside } from '../schema/uses';
import { type CompareOptions, diffAndPlan } from './plan';
import { appendRenameHints, hintsFilePath, readHintsFile } from './hints';
import { keptRead } from './kept-read';
import { requireUrl, type Project } from './project';
import { declaredExpressions, metadataTableOf, typeormMetadataOf } from './typeorm-metadata';

export type { CompareOptions };

export interface Comparison {
  /** The database as read, restricted to the managed set. */
  actual: Schema;
  /** The entities' model in Postgres' own spelling, restricted to the managed set. */
  desired: Schema;
  changes: Change[];
  plan: Plan;
  /** Catalog queries the introspector issued (fixed, whatever the table count). */
  catalogQueries: number;
  /** Tables the entities mark `synchronize: false`: left alone. */
  ignoredTables: QualifiedName[];
  /** Renames taken (hinted or assumed) and the ambiguous candidates left as drop + add. */
  renames: RenameDecision;
  /** Hints the interactive answers amount to (compareEntitiesWithDatabase keeps them in the hints file). */
  answeredHints: RenameHint[];
  /** Hints (file and command line) that matched nothing, as typed: worth a note for those from the command line. */
  unusedHints: string[];
}

export interface DesiredModel {
  schema: Schema;
  scope: Scope;
  ignoredIndexes: { table: QualifiedName; name: string }[];
  /** What TypeORM's special columns mean; optional for models that do not come from entities. */
  columnRoles?: ColumnRoleOf[];
  /**
   * TypeORM's metadata table and the generated columns' expressions as the entities write them;
   * optional for models that do not come from entities.
   */
  typeormMetadata?: { table: QualifiedName; declared: ReadonlyMap<string, string> };
  /** Where what Postgres printed for the model's expressions is kept between runs (none: asked every time). */
  normalizeCacheFile?: string;
}

export async function readDesired(project: Project): Promise<DesiredModel> {
  const read = await timed('entities', () => project.entityModel());
  const schemas = [...new Set([...read.schema.schemas, ...project.schemas])].sort();
  const scope: Scope = { schemas, include: project.include, exclude: project.exclude, ignoredTables: read.ignoredTables };
  return {
    schema: restrictToScope(read.schema, scope),
    scope,
    ignoredIndexes: read.ignoredIndexes,
    columnRoles: read.columnRoles,
    // Before normalizing: TypeORM compares the entity's own text, not Postgres' spelling of it.
    typeormMetadata: { table: metadataTableOf(project.dataSourceOptions), declared: declaredExpressions(read.schema) },
    normalizeCacheFile: join(dirname(project.configPath), '.ormdiff', 'normalize-cache.json'),
  };
}

/** How Postgres stores a name written without quotes: ASCII letters folded to lower case (UTF-8 databases). */
const foldedUnquoted = (name: string): string => name.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/**
 * Indexes an entity marks `synchronize: false` exist in the database but are nobody's to drop. Such an
 * index is made by hand (an expression index TypeORM cannot declare, in a migration's raw SQL), often
 * unquoted, so `CREATE INDEX IDX_Foo` is stored as `idx_foo`: that spelling counts too when no index
 * carries the name exactly.
 */
function withoutIgnoredIndexes(schema: Schema, ignored: DesiredModel['ignoredIndexes']): Schema {
  if (ignored.length === 0) return schema;
  // Grouped by table first: a model may ignore an index on each of its thousand tables.
  const byTable = new Map<string, string[]>();
  for (const i of ignored) {
    const key = qualifiedKey(i.table);
    const names = byTable.get(key);
    if (names) names.push(i.name);
    else byTable.set(key, [i.name]);
  }
  return {
    ...schema,
    tables: schema.tables.map((t) => {
      const ignoredHere = byTable.get(qualifiedKey(t));
      if (!ignoredHere) return t;
      const names = new Set(t.indexes.map((i) => i.name));
      const skip = new Set(ignoredHere.map((name) => (names.has(name) ? name : foldedUnquoted(name))));
      return { ...t, indexes: t.indexes.filter((i) => !skip.has(i.name)) };
    }),
  };
}

/**
 * The runner creates the version tables' schema before the first migration runs, so when entities
 * live there too, no migration may create it (it would exist already) or drop it (the version table
 * is in it): it counts as there.
 */
function withVersionSchema(actual: Schema, desired: Schema, versionSchema: string | undefined): Schema {
  if (!versionSchema || actual.schemas.includes(versionSchema) || !desired.schemas.includes(versionSchema)) return actual;
  return { ...actual, schemas: [...actual.schemas, versionSchema].sort() };
}

/** What a connected database holds of the managed set, as the diff sees it. */
export async function readActual(
  client: Client,
  desiredModel: DesiredModel,
  kept?: KeptRead,
): Promise<{ schema: Schema; queryCount: number; uses: ObjectUse[]; kept?: boolean }> {
  const { scope } = desiredModel;
  const metadataTable = desiredModel.typeormMetadata?.table.name;
  // A client ormdiff opened itself may share the read with a second connection (see IntrospectOptions.url).
  const read = await introspect(client, { schemas: scope.schemas, ignoreTables: metadataTable !== undefined ? [metadataTable] : [], url: urlOf(client), kept });
  const schema = withoutIgnoredIndexes(restrictToScope(read.schema, scope), desiredModel.ignoredIndexes);
  // Only uses from outside the managed set stop a drop: the plan itself changes the managed tables.
  return { schema, queryCount: read.queryCount, uses: usesOutside(read.uses, schema), kept: read.kept };
}

/**
 * Where the entities' expressions are spelled by Postgres: the compared database, or a scratch one on
 * `server`. The scratch machinery (and the runner behind it) is required only then: a plain `diff`
 * has no use for it.
 */
function normalizeOptions(server: string | undefined): NormalizeOptions {
  if (!server) return {};
  return {
    fresh: true,
    workspace: async (fn) => {
      const { withScratchDatabase } = await import('../scratch');
      return withScratchDatabase({ kind: 'server', url: server }, (scratch) => withConnection(scratch.url, fn));
    },
  };
}

/**
 * Compares a desired model with what a connected database holds. Facts are counted only when
 * `options.facts` says so: the connected database may be a scratch replay with no rows in it.
 */
export async function compareWithClient(client: Client, desiredModel: DesiredModel, options: CompareOptions = {}, kept?: KeptRead): Promise<Comparison> {
  const { scope } = desiredModel;
  const read = await timed('introspect', () => readActual(client, desiredModel, kept));
  if (kept) noteRun('catalog', read.kept ? 'kept' : 'read');
  const actual = withVersionSchema(read.schema, desiredModel.schema, options.versionSchema);
  const cache = desiredModel.normalizeCacheFile !== undefined ? fileCache(desiredModel.normalizeCacheFile) : undefined;
  const normalized = await timed('normalize', () => normalizeDesired(client, desiredModel.schema, actual, cache, normalizeOptions(options.normalizeOn)));
  const desired = adoptUnmodelled(actual, normalized.schema);
  const metadata = desiredModel.typeormMetadata;
  const planned = await timed('diff', async () => {
    const typeormMetadata = metadata && (await typeormMetadataOf(client, metadata.table, metadata.declared));
    return diffAndPlan(client, actual, desired, { columnRoles: desiredModel.columnRoles, typeormMetadata, ...options, uses: read.uses });
  });
  return {
    actual,
    desired,
    changes: planned.diff.changes,
    plan: planned.plan,
    catalogQueries: read.queryCount,
    ignoredTables: scope.ignoredTables,
    renames: planned.renames,
    answeredHints: planned.answered,
    unusedHints: planned.unused,
  };
}

/**
 * Compares the entities with the project's database, with the committed hints file
 * (migrations/ormdiff.hints.json) under `options.hints`, and the hazards counted on the live data
 * unless `options.facts` is false. With `saveAnswers`, interactive answers are added to the hints
 * file, so CI decides the same way.
 */
export async function compareEntitiesWithDatabase(
  project: Project,
  options: CompareOptions = {},
  desiredModel?: DesiredModel,
): Promise<Comparison> {
  // With the entity model in hand, the server starts the connection's backend while the rest is set up.
  // Not before entities that must be compiled and required: those seconds block the process, the
  // connection's handshake with them, and its timeout would fire first. Without a URL, the entities'
  // errors come first, as before.
  const early = project.url !== undefined && (desiredModel !== undefined || project.entityModelReady === true);
  const connecting = early ? connect(project.url!) : undefined;
  connecting?.catch(() => undefined);
  let desired: DesiredModel;
  let hints: DiffHints;
  let policy: ComparePolicy;
  try {
    desired = desiredModel ?? (await readDesired(project));
    hints = mergeHints(readHintsFile(hintsFilePath(project.migrationsDir)), options.hints ?? { renames: [], using: [], enumMaps: [] });
    // The command line's policy over the config's, key by key.
    policy = resolvePolicy([project.policy, options.policy]);
  } catch (error) {
    void connecting?.then((client) => client.end()).catch(() => undefined);
    throw error;
  }
  const connection = await timed('connect', () => connecting ?? connect(requireUrl(project)));
  let comparison: Comparison;
  try {
    const kept = options.keepRead ? keptRead(project.configPath, requireUrl(project)) : undefined;
    comparison = await compareWithClient(connection, desired, { ...options, hints, policy, facts: options.facts ?? true, versionSchema: project.versionSchema }, kept);
  } finally {
    await connection.end().catch(() => undefined);
  }
  if (options.saveAnswers) appendRenameHints(hintsFilePath(project.migrationsDir), comparison.answeredHints);
  return comparison;
}
