/**
 * A project as the commands see it: its config, the database URL to use, where migrations live and
 * which tables ormdiff manages. Resolving the URL here keeps the precedence (--url, DATABASE_URL,
 * config) in one place.
 */
import path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { loadConfig } from '../config/load';
import { checkUrl } from '../config/url';
import { useConnectionSettings } from '../db/connect';
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

export async function openProject(options: ProjectOptions = {}, how: OpenHow = {}): Promise<Project> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  // Checked before the config runs: a config that builds its DataSource from DATABASE_URL would fail on
  // a malformed one inside TypeORM, with a message that names no setting.
  if (options.url === undefined) checkUrl(process.env.DATABASE_URL || undefined, 'DATABASE_URL');
  const inputs = emptyInputs();
  const loaded = await loadConfig(options.config ?? 'ormconfig.ts', cwd, { deferEntityFiles: how.lazyEntities, inputs });
  const model = entityModelOf(loaded, inputs);
  const configDir = path.dirname(loaded.configPath);
  const url =
    checkUrl(options.url, '--url') ??
    checkUrl(process.env.DATABASE_URL || undefined, 'DATABASE_URL') ??
    checkUrl(loaded.url, `the url in ${path.basename(loaded.configPath)}`);
  const typeormDir = typeormMigrationsDir(loaded.dataSourceOptions, configDir);
  const migrationsDir = loaded.ormdiff.migrationsDir ? path.resolve(configDir, loaded.ormdiff.migrationsDir) : (typeormDir ?? path.resolve(configDir, 'migrations'));
  // The DataSource's ssl/extra apply to whichever URL is used for the project's database, as TypeORM's would.
  if (url && loaded.connection) useConnectionSettings(url, loaded.connection);
  return {
    cwd,
    configPath: loaded.configPath,
    dataSourceOptions: loaded.dataSourceOptions,
    withEntities: loaded.withEntities,
    entityModel: async () => (await model()).read,
    connectExtensions: async () => (await model()).connectExtensions,
    url,
    migrationsDir,
    typeormTable: { ...typeormTableOf(loaded.dataSourceOptions), shared: typeormDir === migrationsDir },
    include: [...(loaded.ormdiff.include ?? []), ...(options.include ?? [])],
    exclude: [...(loaded.ormdiff.exclude ?? []), ...(options.exclude ?? [])],
    schemas: loaded.ormdiff.schemas ?? [],
    policy: parsePolicyConfig(loaded.ormdiff.policy, path.relative(cwd, loaded.configPath) || loaded.configPath),
    versionSchema: checkVersionSchema(options.versionSchema, '--version-schema') ??
      checkVersionSchema(loaded.ormdiff.versionSchema, `ormdiff.versionSchema in ${path.relative(cwd, loaded.configPath) || loaded.configPath}`) ??
      'public',
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
