/**
 * Compiled migrations are cached under <project>/.ormdiff/compiled, keyed by their source: a second
 * load reuses them, and an edited file is compiled again (never served stale).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadGraph } from '../../src/runner/load';
import { writeMigration } from './fixtures';

let project: string;
let migrations: string;
beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'ormdiff-cache-'));
  symlinkSync(resolve(__dirname, '../../node_modules'), join(project, 'node_modules'), 'dir');
  migrations = join(project, 'migrations');
  mkdirSync(migrations);
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

test('a second load reuses the compiled files; an edited file is compiled again', () => {
  const file = writeMigration(migrations, { revision: 'aaa111', up: ['CREATE TABLE t (id int)'] });
  writeMigration(migrations, { revision: 'bbb222', down: 'aaa111', up: ['CREATE TABLE u (id int)'] });
  expect(loadGraph(migrations).nodes.get('aaa111')!.transaction).toBe(true);
  const cacheDir = join(project, '.ormdiff', 'compiled');
  const cached = readdirSync(cacheDir).sort();
  expect(cached).toHaveLength(2);

  loadGraph(migrations);
  expect(readdirSync(cacheDir).sort()).toEqual(cached);

  writeFileSync(file, readFileSync(file, 'utf8').replace('downRevision: string | string[] | null = null;', '$&\n  transaction = false;'));
  expect(loadGraph(migrations).nodes.get('aaa111')!.transaction).toBe(false);
  expect(readdirSync(cacheDir)).toHaveLength(3);
});
