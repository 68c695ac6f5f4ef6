/**
 * The file operations every cache under `.ormdiff/` shares (compiled TypeScript, migration checksums,
 * Postgres' spellings, the entity model). A cache is an optimisation: failing to write one means doing
 * the work again next time, never an error.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `data` under a unique name and renames it into place, so a concurrent run never reads half a
 * file. False when it could not be written (a read-only checkout).
 */
export function writeCacheFile(path: string, data: string | NodeJS.ArrayBufferView): boolean {
  const partial = `${path}.${process.pid}.${Date.now()}`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(partial, data);
    renameSync(partial, path);
    return true;
  } catch {
    rmSync(partial, { force: true });
    return false;
  }
}

/** Content hashes, re-read only when a file's size or mtime changes. */
const hashes = new Map<string, { stamp: string; hash: string }>();

/** A file's size and mtime: equal stamps are taken as equal contents, unequal ones are hashed. */
export function fileStamp(file: string): string | undefined {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** sha256 of a file's bytes (memoised per stamp), or undefined when it cannot be read. */
export function contentHash(file: string, stamp = fileStamp(file)): string | undefined {
  if (stamp === undefined) return undefined;
  const known = hashes.get(file);
  if (known?.stamp === stamp) return known.hash;
  try {
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
    hashes.set(file, { stamp, hash });
    return hash;
  } catch {
    return undefined;
  }
}

/** A map kept in one JSON file: what a run added is written by `save`, the newest `maxEntries` kept. */
export interface EntriesFile<V> {
  get(key: string): V | undefined;
  /** Adds or replaces an entry, as the newest. */
  set(key: string, value: V): void;
  /** Writes the file when something was set since it was read or last written. */
  save(): void;
}

/**
 * The entries in the file at `path` written in `format` (another format, or no file: none), and the
 * means to add to them. Oldest first past `maxEntries`, so a file kept for years stays small.
 */
export function entriesFile<V>(path: string, format: number, maxEntries: number): EntriesFile<V> {
  let entries = new Map<string, V>();
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { format?: number; entries?: [string, V][] };
    if (parsed.format === format && Array.isArray(parsed.entries)) entries = new Map(parsed.entries);
  } catch {
    // No file yet, or one written by another version: start empty.
  }
  let added = false;
  return {
    get: (key) => entries.get(key),
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      added = true;
    },
    save() {
      if (added && writeCacheFile(path, JSON.stringify({ format, entries: [...entries].slice(-maxEntries) }))) added = false;
    },
  };
}
