/**
 * Loads the user's TypeORM config (ormconfig.ts by default): its DataSource or DataSourceOptions, the
 * optional `ormdiff` named export, and its entities, with entity globs resolved relative to the config
 * file's directory and loaded here so a broken file is named in the error.
 */
import 'reflect-metadata';
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { typeorm } from '../typeorm';
import { ConfigError, firstLine } from './errors';
import { entityFilesOf } from './glob';
import { type RecordedInputs, recordingInputs } from './inputs';
import { isTypeScriptFile, registerTypeScript } from './register';
import type { PolicyOverrides } from '../diff/policy';
import type { ConnectionSettings } from '../db/connect';
import { connectionSettingsOf, connectionUrl } from './url';

export { ConfigError } from './errors';

export interface OrmdiffOptions {
  include?: string[];
  exclude?: string[];
  migrationsDir?: string;
  schemas?: string[];
  /** What counts as a difference; checked by src/diff/policy.ts (parsePolicyConfig). */
  policy?: PolicyOverrides;
  /** Schema of ormdiff's version and history tables (default public); --version-schema overrides it. */
  versionSchema?: string;
}

export interface LoadConfigOptions {
  /**
   * Leave the files the entity patterns match unrequired until `withEntities()` asks: the model may come
   * from the model cache. `dataSourceOptions.entities` then holds only the classes the config lists.
   */
  deferEntityFiles?: boolean;
  /** Where to record what loading reads (files, environment variables), for the model cache. */
  inputs?: RecordedInputs;
}

export interface LoadedConfig {
  configPath: string;
  dataSourceOptions: DataSourceOptions;
  /** The options as the config gave them, entity patterns unexpanded. */
  declaredOptions: DataSourceOptions;
  /** The entity patterns the config lists (relative to its directory) and the files they match. */
  entityPatterns: string[];
  entityFiles: string[];
  /** The options with every entity loaded (requiring deferred entity files on the first call). */
  withEntities(): Promise<DataSourceOptions>;
  ormdiff: OrmdiffOptions;
  url?: string;
  /** The DataSource's `ssl`, `extra`… for ormdiff's own connections to the project's server. */
  connection?: ConnectionSettings;
}

/** What TypeORM accepts as an entity: a class or an EntitySchema. */
type EntityTarget = NonNullable<DataSourceOptions['entities']> extends (infer T)[] | Record<string, infer U> ? T | U : never;


const isEntitySchema = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as Record<string, unknown>)['@instanceof'] === Symbol.for('EntitySchema');

function isDataSource(value: unknown): value is { options: DataSourceOptions } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  // Duck-typed: the user's typeorm may be another copy than ormdiff's, so instanceof would fail.
  return v['@instanceof'] === Symbol.for('DataSource') || (typeof v.initialize === 'function' && typeof v.options === 'object');
}

function display(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/**
 * The error's first line; for TypeORM's bare `URI malformed` (its DataSource decodes the url as it is
 * built), which setting to look at.
 */
function reason(error: unknown): string {
  if (error instanceof Error && error.name === 'URIError') {
    return `${firstLine(error)}: a database URL in the config (its url, or DATABASE_URL it reads) has a malformed %-escape (a % must be followed by two hex digits; write %25 for a % itself)`;
  }
  return firstLine(error);
}

function requireFile(file: string, what: string, cwd: string): Record<string, unknown> {
  try {
    return require(file) as Record<string, unknown>;
  } catch (error) {
    const culprit = throwingFile(error, file);
    const where = culprit ? ` (thrown in ${display(culprit, cwd)})` : '';
    throw new ConfigError(`${what} ${display(file, cwd)} failed to load${where}: ${reason(error)}`, { cause: error });
  }
}

/** The TypeScript loader, registered before the first TypeScript file is required, told which files come next. */
function prepareTypeScript(files: string[], configFile: string, cwd: string): void {
  const ts = files.filter(isTypeScriptFile);
  if (ts.length === 0) return;
  try {
    registerTypeScript(dirname(configFile)).addRoots(ts);
  } catch (error) {
    throw new ConfigError(`cannot load ${display(ts[0], cwd)}: the TypeScript compiler failed to start: ${firstLine(error)}`, { cause: error });
  }
}

/** The user file an error was thrown from, when it is not `file` itself (an entity the config imports). */
function throwingFile(error: unknown, file: string): string | undefined {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  for (const match of stack.matchAll(/\(?((?:\/|[A-Za-z]:\\)[^():]+):\d+:\d+\)?$/gm)) {
    const path = match[1];
    // With source maps on, a library's frames name its TypeScript sources (typeorm's src/driver/…),
    // which are not on disk: not the user's file to look at.
    if (path.includes(`${sep}node_modules${sep}`) || !existsSync(path)) continue;
    return path === file ? undefined : path;
  }
  return undefined;
}

/**
 * The config's exports with its promises awaited: a config may export a promise of its DataSource
 * (built after reading secrets), as a default or a named export. With a default export, other named
 * promises are left alone (`export const ready = AppDataSource.initialize()` is not ormdiff's to wait for).
 */
async function settledExports(mod: Record<string, unknown>, file: string, cwd: string): Promise<Record<string, unknown>> {
  const settled: Record<string, unknown> = { ...mod };
  const awaited = 'default' in mod ? ['default', 'ormdiff'] : Object.keys(mod);
  for (const key of awaited) {
    const value = mod[key];
    if (value === null || typeof value !== 'object' || typeof (value as PromiseLike<unknown>).then !== 'function') continue;
    try {
      settled[key] = await value;
    } catch (error) {
      const which = key === 'default' ? '' : ` (export ${key})`;
      throw new ConfigError(`config file ${display(file, cwd)} failed to load${which}: ${reason(error)}`, { cause: error });
    }
  }
  // Decorators the config applies after its promise settles, or in callbacks it queued while loading.
  await decoratorsSettled();
  return settled;
}

/** How many decorators TypeORM has recorded so far (its storage is global, shared by every copy of typeorm). */
function recordedDecorators(): number {
  const storage = typeorm().getMetadataArgsStorage() as unknown as Record<string, unknown>;
  return Object.values(storage).reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
}

/**
 * Lets the callbacks the user's files queued run (feature-flagged columns applied in a setImmediate,
 * decorators applied once an awaited flag service answers) until TypeORM's storage stops growing, so
 * that no column they add is mistaken for one to drop. Bounded: a file that decorates forever is not waited for.
 */
async function decoratorsSettled(): Promise<void> {
  let before = recordedDecorators();
  for (let turn = 0, quiet = 0; turn < 50 && quiet < 2; turn++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const now = recordedDecorators();
    quiet = now === before ? quiet + 1 : 0;
    before = now;
  }
}

/** TypeORM's loadFileClasses: every exported class or EntitySchema, through arrays and objects. */
function exportedEntities(exported: unknown, out: unknown[] = []): unknown[] {
  if (typeof exported === 'function' || isEntitySchema(exported)) out.push(exported);
  else if (Array.isArray(exported)) exported.forEach((v) => exportedEntities(v, out));
  else if (typeof exported === 'object' && exported !== null) Object.values(exported).forEach((v) => exportedEntities(v, out));
  return out;
}

/** A class counts when TypeORM's (global) metadata storage has an @Entity/@ChildEntity/@ViewEntity for it. */
function isDecoratedEntity(value: unknown): boolean {
  if (isEntitySchema(value)) return true;
  return typeorm().getMetadataArgsStorage().tables.some((t) => t.target === value);
}

interface ListedEntities {
  /** Classes and EntitySchemas the config lists itself. */
  listed: unknown[];
  patterns: string[];
  /** What the patterns match, each once. */
  files: string[];
}

function listedEntities(options: DataSourceOptions, configFile: string): ListedEntities {
  const all = options.entities === undefined ? [] : Array.isArray(options.entities) ? options.entities : Object.values(options.entities);
  const patterns = all.filter((e): e is string => typeof e === 'string');
  return { listed: all.filter((e) => typeof e !== 'string'), patterns, files: entityFilesOf(patterns, dirname(configFile)) };
}

function noEntitiesFound(patterns: string[], configFile: string, cwd: string): ConfigError {
  const hint = patterns.length > 0 ? ` (patterns ${patterns.map((p) => JSON.stringify(p)).join(', ')})` : '';
  return new ConfigError(`${display(configFile, cwd)}: no entities found${hint}`);
}

async function loadEntities({ listed, patterns, files }: ListedEntities, configFile: string, cwd: string): Promise<unknown[]> {
  const entities = [...listed];
  // One program over every entity file rather than one per file (or per pattern).
  prepareTypeScript(files, configFile, cwd);
  for (const file of files) entities.push(...exportedEntities(requireFile(file, 'entity file', cwd)));
  // An @Entity applied late (in a setImmediate) makes its class an entity only now.
  await decoratorsSettled();
  // A class exported by two files (or listed and exported) counts once.
  const found = [...new Set(entities)].filter(isDecoratedEntity);
  if (found.length === 0) throw noEntitiesFound(patterns, configFile, cwd);
  return found;
}

export async function loadConfig(configPath = 'ormconfig.ts', cwd = process.cwd(), how: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const recorded = <T>(load: () => Promise<T>): Promise<T> => (how.inputs ? recordingInputs(how.inputs, load) : load());
  const file = resolve(cwd, configPath);
  if (!existsSync(file) || !statSync(file).isFile()) throw new ConfigError(`config file ${display(file, cwd)} not found`);

  prepareTypeScript([file], file, cwd);
  const mod = await recorded(() => settledExports(requireFile(file, 'config file', cwd), file, cwd));
  // Like TypeORM's CLI, a file whose only DataSource is a named export (`export const AppDataSource`) works too.
  const namedDataSources = Object.entries(mod).filter(([key, value]) => key !== 'default' && isDataSource(value));
  const exported: unknown = 'default' in mod ? mod.default : namedDataSources.length === 1 ? namedDataSources[0][1] : mod;
  const options: DataSourceOptions | undefined = isDataSource(exported)
    ? exported.options
    : typeof exported === 'object' && exported !== null && typeof (exported as { type?: unknown }).type === 'string'
      ? (exported as DataSourceOptions)
      : undefined;
  if (!options) {
    throw new ConfigError(`config file ${display(file, cwd)} does not export a TypeORM DataSource or DataSourceOptions as its default export`);
  }
  if (options.type !== 'postgres') {
    throw new ConfigError(`config file ${display(file, cwd)}: ormdiff supports only type "postgres", not ${JSON.stringify(options.type)}`);
  }

  const listed = listedEntities(options, file);
  let loaded: Promise<DataSourceOptions> | undefined;
  const withEntities = (): Promise<DataSourceOptions> =>
    (loaded ??= recorded(() => loadEntities(listed, file, cwd)).then((entities) => ({ ...options, entities: entities as EntityTarget[] })));
  let dataSourceOptions: DataSourceOptions;
  if (how.deferEntityFiles) {
    if (listed.files.length === 0 && listed.listed.length === 0) throw noEntitiesFound(listed.patterns, file, cwd);
    dataSourceOptions = { ...options, entities: listed.listed as EntityTarget[] };
  } else {
    dataSourceOptions = await withEntities();
  }
  const ormdiff = (typeof mod.ormdiff === 'object' && mod.ormdiff !== null ? mod.ormdiff : {}) as OrmdiffOptions;
  const url = connectionUrl(options);
  const connection = connectionSettingsOf(options);
  return {
    configPath: file,
    dataSourceOptions,
    declaredOptions: options,
    entityPatterns: listed.patterns,
    entityFiles: listed.files,
    withEntities,
    ormdiff,
    ...(url !== undefined ? { url } : {}),
    ...(connection ? { connection } : {}),
  };
}
