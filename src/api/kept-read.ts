/**
 * The catalog read a run keeps beside the project (`.ormdiff/catalog-….bin`), one file per database,
 * for the next run to reuse while the catalog's fingerprint is unchanged (src/introspect/fingerprint.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeCacheFile } from '../config/cache-file';
import { redactUrl } from '../db/redact';
import { cachingAllowed } from '../entities/model-cache';
import type { IntrospectResult, KeptRead } from '../introspect/introspect';

/** Bumped when the kept record's shape changes. */
const FORMAT = 1;

interface KeptRecord {
  format: number;
  key: string;
  result: IntrospectResult;
}

/** The file for the database at `url` (named by a hash of the URL without its password). */
export function keptReadFile(configPath: string, url: string): string {
  const database = createHash('sha256').update(redactUrl(url)).digest('hex').slice(0, 16);
  return join(dirname(configPath), '.ormdiff', `catalog-${database}.bin`);
}

/** The read kept for the database at `url`; undefined where ormdiff keeps nothing (see cachingAllowed). */
export function keptRead(configPath: string, url: string): KeptRead | undefined {
  if (!cachingAllowed()) return undefined;
  const file = keptReadFile(configPath, url);
  return {
    has: () => existsSync(file),
    last() {
      try {
        const record = deserialize(readFileSync(file)) as KeptRecord;
        return record?.format === FORMAT ? { key: record.key, result: record.result } : undefined;
      } catch {
        return undefined;
      }
    },
    keep(key, result) {
      writeCacheFile(file, serialize({ format: FORMAT, key, result } satisfies KeptRecord));
    },
  };
}
