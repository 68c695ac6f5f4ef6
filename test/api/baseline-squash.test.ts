/**
 * `ormdiff baseline` and `ormdiff squash` on copies of the example project (API in-process): history
 * reported as information, a database without migrations written down as its first one, and a range
 * replaced by one migration that does the same (its data statements included) and keeps the ids.
 */
import { readFileSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { baseline } from '../../src/api/baseline';
import { lint } from '../../src/api/lint';
import { squash, squashRange } from '../../src/api/squash';
import { verify } from '../../src/api/verify';
import { buildGraph, loadGraph, upgrade, type MigrationGraph } from '../../src/runner';
import { differingObjects, snapshot } from '../../src/scratch/snapshot';
import { createTestDatabase, execSql, querySql, serverUrl, withClient, type TestDatabase } from '../../src/testing/database';
import { copyExampleProject, INITIAL, type TempProject } from '../scratch/project';

jest.setTimeout(5 * 60_000);

let project: TempProject;
const dbs: TestDatabase[] = [];
const database = async () => {
  const db = await createTestDatabase('ormdiff_history');
  dbs.push(db);
  return db;
};
beforeEach(() => {
  project = copyExampleProject();
});
afterEach(() => project.remove());
afterAll(async () => {
  for (const db of dbs) await db.drop();
});

const migrationsDir = () => path.join(project.dir, 'migrations');
const schemaOf = (url: string) => withClient(url, (client) => snapshot(client, []));

test('a branch point or a merge strictly inside the range is refused, naming it', () => {
  const node = (revision: string, ...downRevisions: string[]) => ({ revision, downRevisions, file: `${revision}.ts` });
  const graph = buildGraph([node('a'), node('b', 'a'), node('c', 'b'), node('d', 'c'), node('x', 'b'), node('m', 'd', 'x')]) as unknown as MigrationGraph;
  expect(() => squashRange(graph, 'a', 'c')).toThrow("Can't squash a:c: b (b.ts) is a branch point inside the range; x would lose its parent (squash up to b, or from after it)");
  expect(() => squashRange(graph, 'x', 'd')).toThrow('x is not an ancestor of d');
  // A merge past the range's start would lose its other parent's line.
  expect(() => squashRange(graph, 'c', 'm')).toThrow("Can't squash c:m: m (m.ts) merges d, x inside the range");
  expect(squashRange(graph, 'c', 'd')).toEqual(['c', 'd']);
  // The range's last revision may have children outside it: they keep their parent's id.
  expect(squashRange(graph, 'a', 'b')).toEqual(['a', 'b']);
});

test('lint: an unacknowledged DROP TABLE fails until the baseline makes it history, then it is information', async () => {
  project.addMigration({
    revision: 'b2b2b2b2b2b2',
    parent: INITIAL,
    slug: 'drop_cards',
    up: '    await queryRunner.query(`DROP TABLE "cards"`);',
    down: '    await queryRunner.query(`CREATE TABLE "cards" ("id" integer)`);',
  });
  const before = await lint({ cwd: project.dir });
  expect(before.blocking).toBe(true);
  expect(before.output).toMatch(/b2b2b2b2b2b2_drop_cards\.ts:\d+: DS101 error/);
  const marked = await baseline({ cwd: project.dir, revision: 'b2b2' });
  expect(marked).toEqual({ kind: 'marked', revision: 'b2b2b2b2b2b2', history: 2 });
  expect(readFileSync(path.join(migrationsDir(), 'ormdiff.baseline'), 'utf8')).toBe('b2b2b2b2b2b2\n');
  const after = await lint({ cwd: project.dir });
  expect(after.blocking).toBe(false);
  expect(after.output).toMatch(/DS101 info: .*\(history: at or before the baseline\)/);
});

test('verify starts after the baseline: a historical down that leaves a table behind no longer stops it', async () => {
  project.addMigration({
    revision: 'f6f6f6f6f6f6',
    parent: INITIAL,
    slug: 'audit',
    up: '    await queryRunner.query(`CREATE TABLE "audit" ("id" integer)`);',
    down: '',
  });
  project.addMigration({
    revision: 'a7a7a7a7a7a7',
    parent: 'f6f6f6f6f6f6',
    slug: 'audit_note',
    up: '    await queryRunner.query(`ALTER TABLE "audit" ADD "note" text`);',
    down: '    await queryRunner.query(`ALTER TABLE "audit" DROP COLUMN "note"`);',
  });
  const before = await verify({ cwd: project.dir, scratchUrl: serverUrl() });
  expect(before.problem).toMatchObject({ kind: 'downDoesNotRestore', revision: { revision: 'f6f6f6f6f6f6' } });
  await baseline({ cwd: project.dir, revision: 'f6f6f6f6f6f6' });
  const after = await verify({ cwd: project.dir, scratchUrl: serverUrl() });
  expect(after.verified.map((r) => r.revision)).toEqual(['a7a7a7a7a7a7']);
  // The chain went down to the baseline and back; what is left is the example's pending model change (and the audit table).
  expect(after.problem?.kind).toBe('migrationsMissing');
});

test('baseline with no migrations: the database as it is becomes the first migration, applied there', async () => {
  const live = await database();
  await execSql(live.url, 'CREATE TABLE "legacy" ("id" serial PRIMARY KEY, "name" text NOT NULL UNIQUE)');
  for (const f of project.migrations()) unlinkSync(path.join(migrationsDir(), f));
  const written = await baseline({ cwd: project.dir, url: live.url });
  expect(written.kind).toBe('written');
  if (written.kind !== 'written') return;
  expect(readFileSync(written.path, 'utf8')).toContain('CREATE TABLE "public"."legacy"');
  expect(await querySql(live.url, 'SELECT version_num FROM ormdiff_version')).toEqual([{ version_num: written.revision }]);
  expect(readFileSync(path.join(migrationsDir(), 'ormdiff.baseline'), 'utf8')).toBe(`${written.revision}\n`);
  // The written migration builds the same schema from nothing.
  const fresh = await database();
  await upgrade({ migrationsDir: migrationsDir(), url: fresh.url, target: 'head' });
  expect(differingObjects(await schemaOf(live.url), await schemaOf(fresh.url))).toEqual([]);
  // A second baseline without a revision is refused: there are migrations now.
  await expect(baseline({ cwd: project.dir, url: live.url })).rejects.toThrow(/already holds 1 migration\(s\): name the revision history ends at/);
});

test('squash: one migration with the same schema and data, the last id kept, the files replaced only after the proof', async () => {
  project.addMigration({
    revision: 'c3c3c3c3c3c3',
    parent: INITIAL,
    slug: 'colours',
    up: '    await queryRunner.query(`CREATE TABLE "colour" ("name" text PRIMARY KEY)`);\n    await queryRunner.query(`INSERT INTO "colour" VALUES ($1), ($2)`, ["red", "it\'s `blue` ${x}"]);',
    down: '    await queryRunner.query(`DROP TABLE "colour"`);',
  });
  project.addMigration({
    revision: 'd4d4d4d4d4d4',
    parent: 'c3c3c3c3c3c3',
    slug: 'colour_hex',
    up: '    await queryRunner.query(`ALTER TABLE "colour" ADD "hex" text`);',
    down: '    await queryRunner.query(`ALTER TABLE "colour" DROP COLUMN "hex"`);',
  });
  project.addMigration({ revision: 'e5e5e5e5e5e5', parent: 'd4d4d4d4d4d4', slug: 'after', up: '', down: '' });
  const original = await database();
  await upgrade({ migrationsDir: migrationsDir(), url: original.url, target: 'head' });

  const result = await squash({ cwd: project.dir, range: `${INITIAL}:d4d4`, scratchUrl: serverUrl() });
  expect(result.replaced).toEqual([INITIAL, 'c3c3c3c3c3c3', 'd4d4d4d4d4d4']);
  expect(result.revision).toBe('d4d4d4d4d4d4');
  expect(project.migrations()).toEqual([path.basename(result.path), 'e5e5e5e5e5e5_after.ts'].sort());
  const graph = loadGraph(migrationsDir());
  expect(graph.order).toEqual(['d4d4d4d4d4d4', 'e5e5e5e5e5e5']);
  expect(graph.nodes.get('d4d4d4d4d4d4')!.downRevisions).toEqual([]);

  const fresh = await database();
  await upgrade({ migrationsDir: migrationsDir(), url: fresh.url, target: 'head' });
  expect(differingObjects(await schemaOf(original.url), await schemaOf(fresh.url))).toEqual([]);
  // The data statement, with its parameters, is part of what the range did.
  expect(await querySql(fresh.url, 'SELECT name FROM colour ORDER BY name')).toEqual([{ name: "it's `blue` ${x}" }, { name: 'red' }]);
  // A database that ran the range is at the squashed revision already.
  expect(await querySql(original.url, 'SELECT version_num FROM ormdiff_version')).toEqual([{ version_num: 'e5e5e5e5e5e5' }]);
  rmSync(path.join(migrationsDir(), 'e5e5e5e5e5e5_after.ts'));
});
