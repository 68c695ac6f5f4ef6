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
