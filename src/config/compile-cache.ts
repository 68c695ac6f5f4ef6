/**
 * Compiled TypeScript under `<project>/.ormdiff/ts/`, so a second run builds no program.
 *
 * What a file compiles to depends on more than its own text: `design:type` is serialized from types
 * declared in the files it imports (an enum turned from numeric to string changes `Number` to `String`).
 * So an entry is valid only while every project file the compiling program saw is unchanged: the
 * program's files and their content hashes are one manifest (shared by all the files that program
 * compiled), and each entry names its manifest, plus a key for the compiler version and options.
 * Files under node_modules are covered by the key (the compiler's version and the project's lockfile).
 *
 * A cold run compiles every entity file: writing one cache file per compiled file cost ~1 ms each (a
 * second at 1,000 entities). So a process's entries are written once, as it exits: their code in one
 * pack file, and an index (file → key, manifest, pack) merged into the one on disk. Packs no index
 * entry names any more, and entries of files since deleted, are removed then.
 *
 * The cache is an optimisation: a failure to read or write it means compiling, never an error. Two
 * processes writing at once may lose one's entries (the last index wins): those files compile again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, writeCacheFile } from './cache-file';

export interface Manifest {
  id: string;
}

interface IndexEntry {
  key: string;
  manifest: string;
  pack: string;
}

/** Absolute source file → where its code is. */
type Index = Record<string, IndexEntry>;
/** Absolute source file → its CommonJS. */
type Pack = Record<string, string>;

const INDEX = 'index.json';
const PACK = /^p-[0-9a-f]{64}\.json$/;
/** One file per compiled file: how entries were kept before packs. */
const LEGACY_ENTRY = /^[0-9a-f]{40}\.json$/;

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Caches with entries to write; one exit listener for all of them. */
const unflushed = new Set<CompileCache>();
let exitHooked = false;

function flushAtExit(cache: CompileCache): void {
  unflushed.add(cache);
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => [...unflushed].forEach((c) => c.flush()));
}

export class CompileCache {
  /** Manifests already checked in this process. */
  private readonly valid = new Map<string, boolean>();
  private index: Index | undefined;
  private readonly packs = new Map<string, Pack | undefined>();
  /** Compiled in this process, not yet on disk. */
  private readonly pending = new Map<string, { key: string; manifest: string; code: string }>();

  constructor(private readonly dir: string) {}

  read(file: string, key: string): string | undefined {
    const entryKey = sha(`${key}\0${file}`);
    const fresh = this.pending.get(file);
    if (fresh) return fresh.key === entryKey && this.isValid(fresh.manifest) ? fresh.code : undefined;
    this.index ??= readJson<Index>(join(this.dir, INDEX)) ?? {};
    const entry = this.index[file];
    if (!entry || entry.key !== entryKey || !this.isValid(entry.manifest)) return undefined;
    if (!this.packs.has(entry.pack)) this.packs.set(entry.pack, readJson<Pack>(join(this.dir, `p-${entry.pack}.json`)));
    const code = this.packs.get(entry.pack)?.[file];
    return typeof code === 'string' ? code : undefined;
  }

  write(file: string, key: string, manifest: Manifest, code: string): void {
    this.pending.set(file, { key: sha(`${key}\0${file}`), manifest: manifest.id, code });
    flushAtExit(this);
  }

  /** Writes the pending entries (at exit; tests may call it earlier). */
  flush(): void {
    unflushed.delete(this);
    if (this.pending.size === 0) return;
    const pack: Pack = {};
    for (const [file, { code }] of this.pending) pack[file] = code;
    const packText = JSON.stringify(pack);
    const packId = sha(packText);
    if (!writeCacheFile(join(this.dir, `p-${packId}.json`), packText)) return;
    // Another process may have written entries since this one read the index.
    const index = readJson<Index>(join(this.dir, INDEX)) ?? {};
    for (const file of Object.keys(index)) if (!existsSync(file)) delete index[file];
    for (const [file, { key, manifest }] of this.pending) index[file] = { key, manifest, pack: packId };
    this.pending.clear();
    this.index = index;
    this.packs.set(packId, pack);
    if (!writeCacheFile(join(this.dir, INDEX), JSON.stringify(index))) return;
    const named = new Set(Object.values(index).map((e) => `p-${e.pack}.json`));
    try {
      for (const name of readdirSync(this.dir)) {
        if ((PACK.test(name) && !named.has(name)) || LEGACY_ENTRY.test(name)) rmSync(join(this.dir, name), { force: true });
      }
    } catch {
      // left for the next run to remove
    }
  }

  /** Records the files a program saw, with their hashes now. */
  manifest(files: string[]): Manifest {
    const entries = [...new Set(files)].sort().map((f) => [f, contentHash(f) ?? ''] as [string, string]);
    const text = JSON.stringify(entries);
    const id = sha(text);
    writeCacheFile(join(this.dir, `m-${id}.json`), text);
    this.valid.set(id, true);
    return { id };
  }

  private isValid(id: string): boolean {
    let valid = this.valid.get(id);
    if (valid === undefined) {
      const entries = readJson<[string, string][]>(join(this.dir, `m-${id}.json`));
      valid = Array.isArray(entries) && entries.every(([file, hash]) => contentHash(file) === hash);
      this.valid.set(id, valid);
    }
    return valid;
  }
}
