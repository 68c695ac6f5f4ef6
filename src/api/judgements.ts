/**
 * Judgements of replayed migrations between runs (`.ormdiff/judgements.json`): a step whose key
 * (src/scratch/record.ts: every migration up to it, byte for byte, and the database they started from)
 * was judged before, running the same statements, has the same findings, so `check` and `lint` replay
 * it without reading the schema around it. Reading the schema after every migration is most of a
 * recorded replay's time: with 200 migrations, 200 catalog reads against one replay.
 *
 * The seed ties the judgements to ormdiff's own code (its loaded modules' sizes and mtimes): a new
 * build judges again. Under a module registry that cannot be listed (Jest) nothing is kept.
 * A cache: failing to read or write it means judging again, never an error.
 */
import { createHash } from 'node:crypto';
import { dirname, join, resolve, sep } from 'node:path';
import { entriesFile, fileStamp } from '../config/cache-file';
import { cachingAllowed } from '../entities/model-cache';
import type { StatementFinding } from '../lint/judge';

const FORMAT = 1;
/** Oldest first past this many: a long history judged under many builds stays small. */
const MAX_ENTRIES = 20_000;

interface Entry {
  statementsHash: string;
  findings: StatementFinding[];
}

export interface Judgements {
  /** Part of the first step's key: which ormdiff judged. */
  seed: string;
  /** The statements hash a known step ran when it was judged. */
  known(key: string): string | undefined;
  findings(key: string): StatementFinding[] | undefined;
  remember(key: string, statementsHash: string, findings: StatementFinding[]): void;
  save(): void;
}

const OWN_CODE = resolve(__dirname, '..');

/** ormdiff's own modules loaded now, by size and mtime. */
function ownCode(): string {
  const hash = createHash('sha256').update(String(FORMAT));
  for (const file of Object.keys(require.cache).sort()) {
    if (file.startsWith(OWN_CODE + sep) && !file.includes(`${sep}node_modules${sep}`)) hash.update(`${file}\0${fileStamp(file) ?? ''}\0`);
  }
  return hash.digest('hex');
}

const none: Judgements = { seed: '', known: () => undefined, findings: () => undefined, remember: () => undefined, save: () => undefined };

/** The judgements kept beside the config at `configPath`; none when the process's modules cannot be listed. */
export function judgementsFor(configPath: string): Judgements {
  if (!cachingAllowed()) return none;
  const entries = entriesFile<Entry>(join(dirname(configPath), '.ormdiff', 'judgements.json'), FORMAT, MAX_ENTRIES);
  return {
    seed: ownCode(),
    known: (key) => entries.get(key)?.statementsHash,
    findings: (key) => entries.get(key)?.findings,
    remember: (key, statementsHash, findings) => entries.set(key, { statementsHash, findings }),
    save: () => entries.save(),
  };
}
