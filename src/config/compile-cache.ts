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
 * The cache is an optimisation: a failure to read or write it means compiling, never an error.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, writeCacheFile } from './cache-file';

export interface Manifest {
  id: string;
}

interface Entry {
  key: string;
  manifest: string;
  code: string;
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

export class CompileCache {
  /** Manifests already checked in this process. */
  private readonly valid = new Map<string, boolean>();

  constructor(private readonly dir: string) {}

  read(file: string, key: string): string | undefined {
    let entry: Entry;
    try {
      entry = JSON.parse(readFileSync(this.entryPath(file), 'utf8')) as Entry;
    } catch {
      return undefined;
    }
    if (entry.key !== sha(`${key}\0${file}`) || !this.isValid(entry.manifest)) return undefined;
    return entry.code;
  }

  write(file: string, key: string, manifest: Manifest, code: string): void {
    const entry: Entry = { key: sha(`${key}\0${file}`), manifest: manifest.id, code };
    this.writeAtomically(this.entryPath(file), JSON.stringify(entry));
  }

  /** Records the files a program saw, with their hashes now. */
  manifest(files: string[]): Manifest {
    const entries = [...new Set(files)].sort().map((f) => [f, contentHash(f) ?? ''] as [string, string]);
    const text = JSON.stringify(entries);
    const id = sha(text);
    this.writeAtomically(join(this.dir, `m-${id}.json`), text);
    this.valid.set(id, true);
    return { id };
  }

  private isValid(id: string): boolean {
    let valid = this.valid.get(id);
    if (valid === undefined) {
      try {
        const entries = JSON.parse(readFileSync(join(this.dir, `m-${id}.json`), 'utf8')) as [string, string][];
        valid = entries.every(([file, hash]) => contentHash(file) === hash);
      } catch {
        valid = false;
      }
      this.valid.set(id, valid);
    }
    return valid;
  }

  private entryPath(file: string): string {
    return join(this.dir, `${sha(file).slice(0, 40)}.json`);
  }

  private writeAtomically(path: string, text: string): void {
    // A read-only checkout: compile every time.
    writeCacheFile(path, text);
  }
}
