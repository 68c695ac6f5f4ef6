/**
 * What loading the user's config and entities read, for the model cache (src/entities/model-cache.ts):
 * a cached model is reused only while everything it was built from is unchanged. Modules come from
 * require's cache at the end; a file read directly (a `.env`, a JSON of enum values) and the
 * environment variables read are recorded while a load runs.
 *
 * Recording is done in windows around the loads (the config, then the entity files and TypeORM's
 * metadata build), never around a connection: the driver reads PG* variables when it connects, and a
 * connection is not an input of the model.
 */
import fs from 'node:fs';
import { resolve, sep } from 'node:path';

export interface RecordedInputs {
  /** Files read directly (not through require), absolute paths. */
  files: Set<string>;
  /** Environment variables read, with the value each had when first read (undefined: unset). */
  env: Map<string, string | undefined>;
  /** The load listed every variable (a config library copying the environment): all of it is an input. */
  envEnumerated: boolean;
}

export const emptyInputs = (): RecordedInputs => ({ files: new Set(), env: new Map(), envEnumerated: false });

type ReadFileSync = typeof fs.readFileSync;
type ReadFile = typeof fs.readFile;
type PromisesReadFile = typeof fs.promises.readFile;

function pathOf(file: unknown): string | undefined {
  if (typeof file === 'string') return file;
  if (file instanceof URL && file.protocol === 'file:') return decodeURIComponent(file.pathname);
  if (Buffer.isBuffer(file)) return file.toString();
  return undefined;
}

/**
 * True when the code listing the environment is a package's (ansis and debug list it for their colour
 * and logging settings as TypeORM loads them): what a package does with the whole environment is its
 * own business, not the model's. The user's own files listing it make all of it an input.
 */
function enumeratedByLibrary(): boolean {
  for (const match of (new Error().stack ?? '').matchAll(/\(?((?:\/|[A-Za-z]:\\)[^():]+):\d+:\d+\)?$/gm)) {
    if (match[1] === __filename) continue;
    return match[1].includes(`${sep}node_modules${sep}`);
  }
  return false;
}

/**
 * Runs `load` with file reads and environment reads recorded into `into`. Not re-entrant: loads run one
 * at a time (they are the config, then the entities, of one project).
 */
export async function recordingInputs<T>(into: RecordedInputs, load: () => Promise<T>): Promise<T> {
  const originalEnv = process.env;
  const readFileSync: ReadFileSync = fs.readFileSync;
  const readFile: ReadFile = fs.readFile;
  const promisesReadFile: PromisesReadFile = fs.promises.readFile;
  const note = (file: unknown): void => {
    const path = pathOf(file);
    if (path !== undefined) into.files.add(resolve(path));
  };
  // A variable set while loading (dotenv filling process.env from a file) is not read from outside:
  // the file it came from is recorded instead.
  const setHere = new Set<string>();
  process.env = new Proxy(originalEnv, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !setHere.has(key) && !into.env.has(key)) into.env.set(key, target[key]);
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      if (typeof key === 'string' && !setHere.has(key) && !into.env.has(key)) into.env.set(key, target[key]);
      return Reflect.has(target, key);
    },
    set(target, key, value) {
      if (typeof key === 'string') setHere.add(key);
      return Reflect.set(target, key, value);
    },
    ownKeys(target) {
      if (!enumeratedByLibrary()) into.envEnumerated = true;
      return Reflect.ownKeys(target);
    },
  });
  fs.readFileSync = function (this: unknown, ...args: Parameters<ReadFileSync>) {
    note(args[0]);
    return readFileSync.apply(this, args);
  } as ReadFileSync;
  fs.readFile = function (this: unknown, ...args: unknown[]) {
    note(args[0]);
    return (readFile as (...a: unknown[]) => unknown).apply(this, args);
  } as ReadFile;
  fs.promises.readFile = function (this: unknown, ...args: Parameters<PromisesReadFile>) {
    note(args[0]);
    return promisesReadFile.apply(this, args);
  } as PromisesReadFile;
  try {
    return await load();
  } finally {
    process.env = originalEnv;
    fs.readFileSync = readFileSync;
    fs.readFile = readFile;
    fs.promises.readFile = promisesReadFile;
  }
}
