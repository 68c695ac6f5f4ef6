/** The compiled-TypeScript cache: one pack and one index per process, valid while the files a program saw are unchanged. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompileCache } from '../../src/config/compile-cache';

describe('compile cache', () => {
  let dir: string;
  let cacheDir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ormdiff-compile-cache-'));
    cacheDir = join(dir, '.ormdiff', 'ts');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const source = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('gives a later process the code of every file, from one pack, until a file the program saw changes', () => {
    const a = source('a.ts', 'export const a = 1;');
    const b = source('b.ts', 'export enum E { X }');
    const first = new CompileCache(cacheDir);
    const manifest = first.manifest([a, b]);
    first.write(a, 'key', manifest, 'code of a');
    first.write(b, 'key', manifest, 'code of b');
    expect(first.read(a, 'key')).toBe('code of a');
    first.flush();
    expect(readdirSync(cacheDir).filter((name) => name.startsWith('p-'))).toHaveLength(1);

    const second = new CompileCache(cacheDir);
    expect([second.read(a, 'key'), second.read(b, 'key')]).toEqual(['code of a', 'code of b']);
    expect(second.read(a, 'another compiler')).toBeUndefined();

    // a.ts is unchanged, but the program that compiled it read b.ts.
    writeFileSync(b, "export enum E { X = 'x' }");
    expect(new CompileCache(cacheDir).read(a, 'key')).toBeUndefined();
  });

  it('keeps entries other processes wrote, and removes packs nothing names and entries of deleted files', () => {
    const a = source('a.ts', 'export const a = 1;');
    const b = source('b.ts', 'export const b = 1;');
    const first = new CompileCache(cacheDir);
    first.write(a, 'key', first.manifest([a]), 'a, first');
    first.flush();
    const second = new CompileCache(cacheDir);
    second.write(b, 'key', second.manifest([b]), 'b');
    second.flush();
    expect(new CompileCache(cacheDir).read(a, 'key')).toBe('a, first');

    const third = new CompileCache(cacheDir);
    third.write(a, 'key', third.manifest([a]), 'a, third');
    rmSync(b);
    third.flush();
    // The first pack held only a; b's pack is named by no entry once b is gone.
    expect(readdirSync(cacheDir).filter((name) => name.startsWith('p-'))).toHaveLength(1);
    expect(new CompileCache(cacheDir).read(a, 'key')).toBe('a, third');
  });
});
