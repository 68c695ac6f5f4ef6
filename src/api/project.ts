/**
 * A project as the commands see it: its config, the database URL to use, where migrations live and
 * which tables ormdiff manages. Resolving the URL here keeps the precedence (--url, DATABASE_URL,
 * config) in one place.
 */
import path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { loadConfig, type LoadedConfig, type OrmdiffOptions } from '../config/load';
import { isTypeScriptFile, registerTypeScript } from '../config/register';
import { cachingAllowed, type CachedModel, modelCacheFile, readCachedProject } from '../entities/model-cache';
import { noteRun } from '../timings';
import { checkUrl } from '../config/url';
import { type ConnectionSettings, useConnectionSettings } from '../db/connect';
import { emptyInputs } from '../config/inputs';
import type { EntityReadResult } from '../entities/read';
import { entityModelOf } from './entity-model';
import { parsePolicyConfig, type PolicyOverrides } from '../diff/policy';
import { UsageError } from '../errors';
import type { TypeormTable } from '../runner/typeorm-table';

export interface ProjectOptions {
  /** Path of the TypeORM config (default `ormconfig.ts`), relative to cwd. */
  config?: string;
  /** Database URL; overrides DATABASE_URL and the config. */
  url?: string;
  cwd?: string;
  /** Table patterns (`schema.table`, `*` wildcards) narrowing the managed set. */
  include?: string[];
  exclude?: string[];
  /** Schema of ormdiff's version and history tables; overrides the config's `ormdiff.versionSchema`. */
  versionSchema?: string;
}

export interface OpenHow {
  /**
   * Require the files the entity patterns match only when the model is needed and not cached: then
   * `dataSourceOptions.entities` holds only the classes the config lists, and `withEntities()` the rest.
   */
  lazyEntities?: boolean;
}

export interface Project {
  cwd: string;
  configPath: string;
  /** The DataSource's options; see OpenHow.lazyEntities for its `entities`. */
  dataSourceOptions: DataSourceOptions;
  /** The options with every entity loaded. */
  withEntities(): Promise<DataSourceOptions>;
  /** What the entities say the schema is (from the model cache when nothing it was built from changed). */
  entityModel(): Promise<EntityReadResult>;
  /**
   * The entity model is already in hand (read from the cache without evaluating the config): asking
   * for it costs nothing. Otherwise it may mean compiling and requiring every entity file, seconds
   * during which nothing else in the process runs.
   */
  entityModelReady?: boolean;
  /**
   * The extensions the project's DataSource creates when it connects, for the runner to create before
   * it runs migrations (TypeORM's own `migration:run` connects first).
   */
  connectExtensions(): Promise<string[]>;
  /** Absent when neither --url, DATABASE_URL nor the config names a database. */
  url?: string;
  migrationsDir: string;
  /** TypeORM's migrations table (the DataSource's `migrationsTableName` and `schema`), for a folder of adopted TypeORM migrations. */
  typeormTable?: TypeormTable;
  include: string[];
  exclude: string[];
  /** Extra schemas to manage beyond those the entities use. */
  schemas: string[];
  /** The config's `ormdiff.policy` (what counts as a difference), checked. */
  policy?: PolicyOverrides;
  /**
   * Where the version and history tables live: the option, else the config's `ormdiff.versionSchema`,
   * else public. The runner creates it before any migration, so no migration creates or drops it.
   */
  versionSchema: string;
}

/** What a project takes from its config: kept beside the entity model, so a warm run need not evaluate the config. */
interface ConfigSettings {
  configPath: string;
  dataSourceOptions: DataSourceOptions;
  ormdiff: OrmdiffOptions;
  /** The config's own URL: never kept (it may hold a password), so a run from the cache needs --url or DATABASE_URL… */
  url?: string;
  /** …unless the config had none (a run that uses no database, a check on a scratch one). */
  hasUrl?: boolean;
  connection?: ConnectionSettings;
}

/** The options a project reads besides the entities (migrations, bookkeeping tables): strings only. */
function settingsOptions(options: DataSourceOptions): DataSourceOptions {
  const o = options as { schema?: unknown; migrationsTableName?: unknown; metadataTableName?: unknown; migrations?: unknown };
  const kept: Record<string, unknown> = { type: 'postgres' };
  for (const key of ['schema', 'migrationsTableName', 'metadataTableName'] as const) if (typeof o[key] === 'string') kept[key] = o[key];
  const migrations = Array.isArray(o.migrations) ? o.migrations : o.migrations && typeof o.migrations === 'object' ? Object.values(o.migrations) : [];
  // Classes cannot be kept, and name no folder anyway (typeormMigrationsDir): none.
  kept.migrations = migrations.every((m) => typeof m === 'string') ? migrations : [];
  return kept as unknown as DataSourceOptions;
}

/** True when every value is a number, a boolean or absent: settings with a string may hold a secret (an ssl key, a password). */
function secretFree(value: unknown): boolean {
  if (value === undefined || value === null || typeof value === 'number' || typeof value === 'boolean') return true;
  if (typeof value === 'object' && !Buffer.isBuffer(value) && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(secretFree);
  return false;
}

/** What to keep of a loaded config for the next run; undefined when its connection settings could hold a secret. */
function keptSettings(loaded: LoadedConfig): ConfigSettings | undefined {
  if (!secretFree(loaded.connection)) return undefined;
  return {
    configPath: loaded.configPath,
    dataSourceOptions: settingsOptions(loaded.declaredOptions),
    ormdiff: loaded.ormdiff,
    hasUrl: loaded.url !== undefined,
    ...(loaded.connection ? { connection: loaded.connection } : {}),
  };
}

/**
 * The project as the last run kept it, when nothing it was built from has changed and the URL comes
 * from --url or DATABASE_URL (or the config has none): the config is not evaluated at all (nor TypeORM
 * loaded for it). Its TypeScript loader is still registered: migrations may import the project's
 * TypeScript files.
 */
function fromCache(configPath: string, url: string | undefined): { settings: ConfigSettings; model: CachedModel } | undefined {
  if (!cachingAllowed()) return undefined;
  const hit = readCachedProject(modelCacheFile(configPath));
  if (!hit || (url === undefined && (hit.project as ConfigSettings).hasUrl !== false)) return undefined;
  if (isTypeScriptFile(configPath)) registerTypeScript(path.dirname(configPath));
  return { settings: hit.project as ConfigSettings, model: hit.model };
}

export async function openProject(options: ProjectOptions = {}, how: OpenHow = {}): Promise<Project> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  // Checked before the config runs: a config that builds its DataSource from DATABASE_URL would fail on
  // a malformed one inside TypeORM, with a message that names no setting.
  if (options.url === undefined) checkUrl(process.env.DATABASE_URL || undefined, 'DATABASE_URL');
  const configPath = path.resolve(cwd, options.config ?? 'ormconfig.ts');
  const cached = how.lazyEntities ? fromCache(configPath, options.url ?? (process.env.DATABASE_URL || undefined)) : undefined;
  if (cached) {
    noteRun('config', 'cached');
    noteRun('modelCache', 'hit');
    let loading: Promise<DataSourceOptions> | undefined;
    // A caller that needs the entities themselves (none of the commands, when the model is cached) loads the config then.
    const withEntities = () => (loading ??= loadConfig(configPath, cwd, { deferEntityFiles: true }).then((l) => l.withEntities()));
    return projectOf(cached.settings, options, cwd, {
      withEntities,
      entityModel: async () => cached.model.read,
      entityModelReady: true,
      connectExtensions: async () => cached.model.connectExtensions,
    });
  }
  const inputs = emptyInputs();
  const loaded = await loadConfig(configPath, cwd, { deferEntityFiles: how.lazyEntities, inputs });
  const model = entityModelOf(loaded, inputs, () => keptSettings(loaded));
  const settings: ConfigSettings = {
    configPath: loaded.configPath,
    dataSourceOptions: loaded.dataSourceOptions,
    ormdiff: loaded.ormdiff,
    ...(loaded.url !== undefined ? { url: loaded.url } : {}),
    ...(loaded.connection ? { connection: loaded.connection } : {}),
  };
  return projectOf(settings, options, cwd, {
    withEntities: loaded.withEntities,
    entityModel: async () => (await model()).read,
    connectExtensions: async () => (await model()).connectExtensions,
  });
}

function projectOf(
  config: ConfigSettings,
  options: ProjectOptions,
  cwd: string,
  entities: Pick<Project, 'withEntities' | 'entityModel' | 'entityModelReady' | 'connectExtensions'>,
): Project {
  const configDir = path.dirname(config.configPath);
  const where = path.relative(cwd, config.configPath) || config.configPath;
  const url =
    checkUrl(options.url, '--url') ??
    checkUrl(process.env.DATABASE_URL || undefined, 'DATABASE_URL') ??
    checkUrl(config.url, `the url in ${path.basename(config.configPath)}`);
  const typeormDir = typeormMigrationsDir(config.dataSourceOptions, configDir);
  const migrationsDir = config.ormdiff.migrationsDir ? path.resolve(configDir, config.ormdiff.migrationsDir) : (typeormDir ?? path.resolve(configDir, 'migrations'));
  // The DataSource's ssl/extra apply to whichever URL is used for the project's database, as TypeORM's would.
  if (url && config.connection) useConnectionSettings(url, config.connection);
  return {
    cwd,
    configPath: config.configPath,
    dataSourceOptions: config.dataSourceOptions,
    ...entities,
    url,
    migrationsDir,
    typeormTable: { ...typeormTableOf(config.dataSourceOptions), shared: typeormDir === migrationsDir },
    include: [...(config.ormdiff.include ?? []), ...(options.include ?? [])],
    exclude: [...(config.ormdiff.exclude ?? []), ...(options.exclude ?? [])],
    schemas: config.ormdiff.schemas ?? [],
    policy: parsePolicyConfig(config.ormdiff.policy, where),
    versionSchema:
      checkVersionSchema(options.versionSchema, '--version-schema') ?? checkVersionSchema(config.ormdiff.versionSchema, `ormdiff.versionSchema in ${where}`) ?? 'public',
  };
}

function checkVersionSchema(value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new UsageError(`${where} must be a schema name, not ${JSON.stringify(value)}`);
  return value;
}

export function requireUrl(project: Project): string {
  if (!project.url) {
    throw new UsageError(
      `no database given: pass --url, set DATABASE_URL, or set url/host in ${path.relative(project.cwd, project.configPath) || project.configPath}`,
    );
  }
  return project.url;
}

/**
 * The project's connect-time extensions, read only if a run asks: a run with nothing to do never loads
 * the entities.
 */
export function connectExtensionsFor(project: Pick<Project, 'connectExtensions'>): () => Promise<string[]> {
  return () => project.connectExtensions();
}

/**
 * The one folder the DataSource's `migrations` globs name (`src/migrations/*.ts`), relative to the
 * config: an existing TypeORM project keeps its migrations where TypeORM runs them, and ormdiff adopts
 * them there. Undefined when there are none, classes rather than paths, or several folders.
 */
export function typeormMigrationsDir(options: DataSourceOptions, configDir: string): string | undefined {
  const listed = options.migrations === undefined ? [] : Array.isArray(options.migrations) ? options.migrations : Object.values(options.migrations);
  if (listed.length === 0 || !listed.every((m): m is string => typeof m === 'string')) return undefined;
  const dirs = new Set(
    listed.map((glob) => {
      const parts = glob.split(/[\\/]/);
      const wild = parts.findIndex((p) => /[*?[{]/.test(p));
      // Joined before resolving: an absolute glob (`__dirname + '/migrations/*.ts'`) starts with an empty part.
      const prefix = parts.slice(0, wild < 0 ? -1 : wild).join('/');
      return path.resolve(configDir, prefix === '' ? (parts[0] === '' && parts.length > 1 ? '/' : '.') : prefix);
    }),
  );
  return dirs.size === 1 ? [...dirs][0] : undefined;
}

export function typeormTableOf(options: DataSourceOptions): TypeormTable {
  const o = options as { migrationsTableName?: string; schema?: string };
  return { name: o.migrationsTableName ?? 'migrations', schema: o.schema ?? 'public' };
}
