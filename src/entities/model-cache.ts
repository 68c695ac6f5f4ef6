/**
 * The entity model between runs, under `<config dir>/.ormdiff/model-*.bin`: a warm run neither
 * requires the entity files its config's globs match nor builds TypeORM's metadata, which is most of
 * the cost of reading a large model.
 *
 * A record is reused only while everything it was built from is unchanged: every module the process
 * had loaded (the config and what it imports, the entity files and theirs, TypeORM, ormdiff itself),
 * every file read directly while loading (a `.env`, a JSON of enum values, the declarations the
 * TypeScript compiler saw), the environment variables read while loading, the entity files the globs
 * match, and the DataSource settings that shape the model. Files are compared by size and mtime, and
 * by content hash when those differ.
 *
 * Secrets stay out: variables whose values went into the connection settings are not recorded (the
 * connection is not an input of the model), and the others are kept as hashes, never as values.
 *
 * It is an optimisation: a record that cannot be read, or any doubt, means building the model again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join, sep } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { contentHash, fileStamp, writeCacheFile } from '../config/cache-file';
import { entityFilesOf } from '../config/glob';
import type { RecordedInputs } from '../config/inputs';
import type { EntityReadResult } from './schema';

/** Bumped when what a record holds, or how ormdiff builds a model from the same inputs, changes shape. */
const FORMAT = 3;

export interface CachedModel {
  read: EntityReadResult;
  /** The extensions a DataSource of these options creates when it connects. */
  connectExtensions: string[];
}

interface ModelRecord {
  format: number;
  key: string;
  /** runtimeOf when it was built. */
  runtime: string;
  /** [path, size:mtime, sha256] of every input file. */
  files: [string, string, string][];
  /** [variable, sha256 of its value or null when unset]. */
  env: [string, string | null][];
  /** sha256 of the whole environment but `connectionEnv`, when loading enumerated it. */
  wholeEnv?: string;
  /** Variables whose values went into the connection settings: never part of the record. */
  connectionEnv: string[];
  /** The entity patterns (relative to `dir`) and what they matched, to be matched again without the config. */
  globs: { dir: string; patterns: string[]; files: string[] };
  model: CachedModel;
  /** What the caller keeps of the project beside the model (the settings a run needs without the config). */
  project?: unknown;
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * DataSource settings that only say how to connect or run, not what the model is: left out of the key
 * (a new password or pool size keeps the cached model), and the values they hold keep the variables
 * they came from out of the record.
 */
const CONNECTION_SETTINGS = new Set([
  'url', 'host', 'port', 'username', 'password', 'database', 'ssl', 'extra', 'replication', 'applicationName',
  'connectTimeoutMS', 'poolSize', 'poolErrorHandler', 'logging', 'logger', 'maxQueryExecutionTime', 'logNotifications',
  'useUTC', 'parseInt8', 'nativeDriver', 'driver', 'name', 'cache', 'subscribers', 'migrations', 'migrationsRun',
  'migrationsTableName', 'migrationsTransactionMode', 'dropSchema', 'synchronize', 'invalidWhereValuesBehavior',
]);

/** Every string a connection setting holds (a URL, a password, an ssl key), to tell which variables fed them. */
function connectionStrings(options: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (value: unknown, seen: Set<unknown>): void => {
    if (typeof value === 'string' || typeof value === 'number') out.push(String(value));
    else if (Buffer.isBuffer(value)) out.push(value.toString());
    else if (typeof value === 'object' && value !== null && !seen.has(value)) {
      seen.add(value);
      Object.values(value).forEach((v) => walk(v, seen));
    }
  };
  for (const [key, value] of Object.entries(options)) if (CONNECTION_SETTINGS.has(key)) walk(value, new Set());
  return out.filter((s) => s !== '');
}

/** A stable text for the settings that shape the model: keys sorted, classes and functions by name. */
function describe(value: unknown, seen = new Set<unknown>()): string {
  if (typeof value === 'function') return `fn:${(value as { name?: string }).name ?? ''}`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined';
  if (seen.has(value)) return 'cycle';
  seen.add(value);
  if (Array.isArray(value)) return `[${value.map((v) => describe(v, seen)).join(',')}]`;
  const prototype = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  const kind = prototype && prototype !== Object.prototype ? `${prototype.constructor?.name ?? '?'}` : '';
  const entries = Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${describe((value as Record<string, unknown>)[k], seen)}`);
  return `${kind}{${entries.join(',')}}`;
}

export interface ModelKeyParts {
  configPath: string;
  /** The DataSource options as the config gave them (entities as listed: patterns and classes). */
  options: object;
  /** The files the entity patterns match. */
  entityFiles: string[];
}

export function modelKey(parts: ModelKeyParts): string {
  const settings = Object.fromEntries(Object.entries(parts.options).filter(([k]) => !CONNECTION_SETTINGS.has(k)));
  // Node's version is in the record's runtime.
  return sha([FORMAT, parts.configPath, describe(settings), ...parts.entityFiles].join('\0'));
}

export function modelCacheFile(configPath: string): string {
  return join(dirname(configPath), '.ormdiff', `model-${sha(configPath).slice(0, 16)}.bin`);
}

/**
 * Whether what ormdiff builds from the project may be kept between runs: only where the process's
 * module registry is Node's own, so the modules loaded can be listed (under a test runner with its own
 * registry, Jest, they cannot), and not with `ORMDIFF_MODEL_CACHE=0` (when a kept one is in doubt).
 */
export function cachingAllowed(): boolean {
  return require.cache === (Module as unknown as { _cache: unknown })._cache && process.env.ORMDIFF_MODEL_CACHE !== '0';
}

const derived = (file: string): boolean => file.includes(`${sep}.ormdiff${sep}`);

/** Stamp of a file that was looked for and not found (a `.env` dotenv tried): it must still be absent. */
const ABSENT = 'absent';

function unchangedFile([file, stamp, hash]: [string, string, string]): boolean {
  const now = fileStamp(file);
  if (stamp === ABSENT) return now === undefined;
  return now === stamp || (now !== undefined && contentHash(file, now) === hash);
}

const envHash = (value: string | undefined): string | null => (value === undefined ? null : sha(value));

function wholeEnvHash(skip: ReadonlySet<string>): string {
  return sha(
    Object.keys(process.env)
      .sort()
      .filter((k) => !skip.has(k))
      .map((k) => `${k}=${process.env[k]}`)
      .join('\0'),
  );
}

/**
 * What decides which code builds the model besides the files on disk: the Node binary, its flags and
 * preloads (a `--require` may redirect module resolution), and which TypeORM the config's directory
 * resolves to. A record from another runtime is not reused, though no file changed.
 */
function runtimeOf(configDir: string): string {
  let typeorm = '';
  try {
    typeorm = require.resolve('typeorm', { paths: [configDir] });
  } catch {
    // none to be found: the config will say so when it is loaded
  }
  return sha([process.version, process.execArgv.join('\0'), process.env.NODE_OPTIONS ?? '', typeorm].join('\0\0'));
}

/** The config's directory, from its record's path (`<config dir>/.ormdiff/model-….bin`). */
const configDirOf = (file: string): string => dirname(dirname(file));

/**
 * Records read in this process, and whether their inputs were found unchanged: a run whose config must
 * be evaluated after all (it gives the URL) asks for the same record twice, with and without the key.
 */
const read = new Map<string, { record: ModelRecord | undefined; unchanged?: boolean }>();

function readRecord(file: string): ModelRecord | undefined {
  let known = read.get(file);
  if (!known) {
    let record: ModelRecord | undefined;
    try {
      record = deserialize(readFileSync(file)) as ModelRecord;
      if (record?.format !== FORMAT || record.runtime !== runtimeOf(configDirOf(file))) record = undefined;
    } catch {
      record = undefined;
    }
    known = { record };
    read.set(file, known);
  }
  return known.record;
}

/** Every input as it was: the variables, the environment as a whole if it counted, the files. */
function inputsUnchanged(file: string, record: ModelRecord): boolean {
  const known = read.get(file);
  if (known?.record === record && known.unchanged !== undefined) return known.unchanged;
  const unchanged =
    record.env.every(([name, hash]) => envHash(process.env[name]) === hash) &&
    (record.wholeEnv === undefined || record.wholeEnv === wholeEnvHash(new Set(record.connectionEnv))) &&
    record.files.every(unchangedFile);
  if (known?.record === record) known.unchanged = unchanged;
  return unchanged;
}

/** The cached model for `key`, if every input it was built from is as it was. */
export function readCachedModel(file: string, key: string): CachedModel | undefined {
  const record = readRecord(file);
  if (!record || record.key !== key || !inputsUnchanged(file, record)) return undefined;
  return record.model;
}

/**
 * The cached model and what the caller kept of the project, without evaluating the config: valid while
 * every input is as it was (the config's own file and imports among them) and the entity patterns
 * match the same files.
 */
export function readCachedProject(file: string): { model: CachedModel; project: unknown } | undefined {
  const record = readRecord(file);
  if (!record || record.project === undefined || !inputsUnchanged(file, record)) return undefined;
  const { dir, patterns, files } = record.globs;
  const now = entityFilesOf(patterns, dir);
  if (now.length !== files.length || now.some((f, i) => f !== files[i])) return undefined;
  return { model: record.model, project: record.project };
}

function isConnectionValue(value: string, secrets: Set<string>): boolean {
  if (value === '') return false;
  for (const s of secrets) if (s.includes(value)) return true;
  return false;
}

export interface ModelInputs {
  /** The DataSource options as the config gave them. */
  options: object;
  inputs: RecordedInputs;
  globs: ModelRecord['globs'];
  /** Serializable, secret-free settings to keep beside the model (none: the config is evaluated every run). */
  project?: unknown;
}

/** Records the model with what it was built from: the modules loaded now and the inputs recorded while loading. */
export function writeCachedModel(file: string, key: string, { options, inputs, globs, project }: ModelInputs, model: CachedModel): void {
  const paths = new Set([...Object.keys(require.cache), ...inputs.files].filter((f) => !derived(f)));
  const files: [string, string, string][] = [];
  for (const path of [...paths].sort()) {
    const stamp = fileStamp(path);
    const hash = stamp === undefined ? undefined : contentHash(path, stamp);
    if (stamp === undefined && !Object.prototype.hasOwnProperty.call(require.cache, path)) {
      files.push([path, ABSENT, ABSENT]);
      continue;
    }
    // A module with no readable file behind it cannot be checked later: no record.
    if (stamp === undefined || hash === undefined) return;
    files.push([path, stamp, hash]);
  }
  const secrets = new Set(connectionStrings(options as Record<string, unknown>));
  const connectionEnv = Object.keys(process.env).filter((name) => isConnectionValue(process.env[name] ?? '', secrets));
  const env = [...inputs.env]
    .filter(([, value]) => value === undefined || !isConnectionValue(value, secrets))
    .map(([name, value]): [string, string | null] => [name, envHash(value)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const record: ModelRecord = {
    format: FORMAT,
    key,
    runtime: runtimeOf(configDirOf(file)),
    files,
    env,
    ...(inputs.envEnumerated ? { wholeEnv: wholeEnvHash(new Set(connectionEnv)) } : {}),
    connectionEnv,
    globs,
    model,
    ...(project !== undefined ? { project } : {}),
  };
  let bytes: Buffer;
  try {
    bytes = serialize(record);
  } catch {
    // What the caller kept is not serializable (a function in the config's ormdiff export): the model alone.
    bytes = serialize({ ...record, project: undefined });
  }
  writeCacheFile(file, bytes);
  read.delete(file);
}
