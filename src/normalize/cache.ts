/**
 * What Postgres printed for each item, kept on disk (`<project>/.ormdiff/normalize-cache.json`) so the
 * next run against the same server spells nothing again. Keys name the server's version and the
 * database (a function's schema, and so its printed name, is the database's), then the item.
 *
 * The cache is an optimisation: a failure to read or write it means asking Postgres, never an error.
 */
import { entriesFile } from '../config/cache-file';
import type { Printed } from './items';

/** Oldest entries go first past this many, so the file stays small while a model changes over years. */
const MAX_ENTRIES = 50_000;
const FORMAT = 1;

export interface PrintedCache {
  get(key: string): Printed | undefined;
  set(key: string, printed: Printed): void;
  /** Writes the file when something was added. */
  save(): void;
}

export function fileCache(path: string): PrintedCache {
  return entriesFile<Printed>(path, FORMAT, MAX_ENTRIES);
}

/** No file: every item is spelled by Postgres (scratch replays, callers without a project). */
export function memoryCache(): PrintedCache {
  const entries = new Map<string, Printed>();
  return { get: (key) => entries.get(key), set: (key, printed) => void entries.set(key, printed), save: () => undefined };
}
