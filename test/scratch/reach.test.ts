/**
 * As root the embedded server runs as the OS user postgres: binaries and data directory it cannot
 * reach (a project under a mode-700 directory) are replaced by copies under the temporary directory.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { blockingDirectory, reachableNative, traversable } from '../../src/scratch/reach';

const USER = { uid: 4242, gid: 4343 };

test('traversable: owner, group, then other execute bits', () => {
  expect(traversable({ mode: 0o700, uid: 4242, gid: 0 }, USER)).toBe(true);
  expect(traversable({ mode: 0o700, uid: 0, gid: 4343 }, USER)).toBe(false);
  expect(traversable({ mode: 0o710, uid: 0, gid: 4343 }, USER)).toBe(true);
  expect(traversable({ mode: 0o755, uid: 0, gid: 0 }, USER)).toBe(true);
  expect(traversable({ mode: 0o750, uid: 0, gid: 0 }, USER)).toBe(false);
});

describe('a native/ directory below a mode-700 directory', () => {
  let locked: string;
  let native: string;
  const copies: string[] = [];
  beforeAll(() => {
    locked = mkdtempSync(path.join(os.tmpdir(), 'ormdiff-locked-'));
    native = path.join(locked, 'pkg', 'native');
    mkdirSync(path.join(native, 'bin'), { recursive: true });
    mkdirSync(path.join(native, 'lib'), { recursive: true });
    writeFileSync(path.join(native, 'bin', 'postgres'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(path.join(native, 'lib', 'libpq.so.5.15'), 'lib');
    symlinkSync('libpq.so.5.15', path.join(native, 'lib', 'libpq.so.5'));
  });
  afterAll(() => {
    rmSync(locked, { recursive: true, force: true });
    for (const c of copies) rmSync(path.dirname(c), { recursive: true, force: true });
  });

  test('is named as blocking and copied once, symlinks kept, to a place the user can reach', () => {
    expect(statSync(locked).mode & 0o777).toBe(0o700);
    expect(blockingDirectory(path.join(native, 'bin', 'postgres'), USER)).toBe(locked);
    const copy = reachableNative(native, 'test@1.0.0', USER);
    copies.push(copy);
    expect(copy).not.toBe(native);
    expect(blockingDirectory(path.join(copy, 'bin', 'postgres'), USER)).toBeUndefined();
    expect(lstatSync(path.join(copy, 'lib', 'libpq.so.5')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(copy, 'lib', 'libpq.so.5'))).toBe('libpq.so.5.15');
    const made = statSync(path.join(copy, '.complete')).mtimeMs;
    expect(reachableNative(native, 'test@1.0.0', USER)).toBe(copy);
    expect(statSync(path.join(copy, '.complete')).mtimeMs).toBe(made);
    expect(existsSync(path.join(copy, 'bin', 'postgres'))).toBe(true);
  });

  test('a reachable directory is used as it is', () => {
    const open = mkdtempSync(path.join(os.tmpdir(), 'ormdiff-open-'));
    try {
      chmodSync(open, 0o755);
      mkdirSync(path.join(open, 'native', 'bin'), { recursive: true });
      expect(reachableNative(path.join(open, 'native'), 'test@1.0.0', USER)).toBe(path.join(open, 'native'));
    } finally {
      rmSync(open, { recursive: true, force: true });
    }
  });
});
