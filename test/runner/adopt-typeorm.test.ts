/**
 * A folder of plain TypeORM migrations (no `revision`/`downRevision`), adopted as it is: ids and
 * order from the class-name timestamps, TypeORM's `migrations` table as the applied state, and
 * TypeORM's own runner (global transaction mode "all", its default) and ormdiff taking turns on it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, type MigrationInterface } from 'typeorm';
import { ExitCode } from '../../src/errors';
import { current, downgrade, loadGraph, revision, stamp, upgrade } from '../../src/runner';
import { createTestDatabase, querySql, type TestDatabase } from '../../src/testing/database';
import { type Dir, migrationsDir } from './fixtures';

/** A migration as `typeorm migration:create` writes it, creating table `table`. */
function typeormMigration(dir: string, file: string, className: string, table: string): void {
  writeFileSync(
    join(dir, file),
    `import { MigrationInterface, QueryRunner } from "typeorm";

export class ${className} implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`CREATE TABLE "${table}" ("id" integer PRIMARY KEY)\`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`DROP TABLE "${table}"\`);
  }
}
`,
  );
}

/** The migration classes of the folder, as TypeORM's glob loader would hand them to its runner. */
function typeormClasses(dir: string): Array<new () => MigrationInterface> {
  return loadGraph(dir).order.map((id) => loadGraph(dir).nodes.get(id)!.migration.constructor as new () => MigrationInterface);
}

async function typeorm<T>(url: string, dir: string, fn: (ds: DataSource) => Promise<T>): Promise<T> {
  // TypeORM's defaults: table `migrations`, migrationsTransactionMode "all".
  const ds = new DataSource({ type: 'postgres', url, migrations: typeormClasses(dir), logging: false });
  await ds.initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

const typeormRows = async (url: string) => (await querySql<{ name: string }>(url, 'SELECT "name" FROM "migrations" ORDER BY "id"')).map((r) => r.name);
const versionRows = async (url: string) => (await querySql<{ version_num: string }>(url, 'SELECT "version_num" FROM "ormdiff_version"')).map((r) => r.version_num);

let dir: Dir;
let db: TestDatabase;
beforeEach(async () => {
  dir = migrationsDir();
  db = await createTestDatabase('ormdiff_adopt');
});
afterEach(async () => {
  dir.remove();
  await db.drop();
});

test('the chain follows the class-name timestamps, not the file names; ids are the TypeORM names', () => {
  typeormMigration(dir.path, 'b-users.ts', 'Users1700000000000', 'users');
  typeormMigration(dir.path, 'a-posts.ts', 'Posts1700000000002', 'posts');
  typeormMigration(dir.path, 'c-tags.ts', 'Tags1700000000001', 'tags');
  const graph = loadGraph(dir.path);
  expect(graph.order).toEqual(['Users1700000000000', 'Tags1700000000001', 'Posts1700000000002']);
  expect(graph.nodes.get('Posts1700000000002')!.downRevisions).toEqual(['Tags1700000000001']);
  expect(graph.nodes.get('Users1700000000000')).toMatchObject({ adopted: true, timestamp: 1700000000000, downRevisions: [] });
});

test('a class with neither revision fields nor a timestamp is one short line naming the file and the fix; 200 of them too', () => {
  for (let i = 0; i < 200; i++) typeormMigration(dir.path, `m${String(i).padStart(3, '0')}.ts`, `NoTimestamp${i}x`, `t${i}`);
  let error: unknown;
  try {
    loadGraph(dir.path);
  } catch (e) {
    error = e;
  }
  const message = (error as Error).message;
  expect((error as { exitCode: number }).exitCode).toBe(ExitCode.usage);
  expect(message).toMatch(/^m000\.ts: class NoTimestamp0x has neither a `revision` field nor a name ending in a 13-digit timestamp/);
  expect(message).toContain('ormdiff revision');
  expect(message).toMatch(/and 197 more problem\(s\)/);
  expect(message.length).toBeLessThan(1500);
  expect(message).not.toContain('\n');
});

test("TypeORM's runner and ormdiff take turns on the mixed folder; both tables agree after each", async () => {
  typeormMigration(dir.path, '1700000000000-users.ts', 'Users1700000000000', 'users');
  typeormMigration(dir.path, '1700000000001-tags.ts', 'Tags1700000000001', 'tags');
  typeormMigration(dir.path, '1700000000002-posts.ts', 'Posts1700000000002', 'posts');
  const opts = { migrationsDir: dir.path, url: db.url };

  // TypeORM ran two before ormdiff came: ormdiff reads its table, and upgrades the rest.
  await typeorm(db.url, dir.path, async (ds) => {
    await ds.runMigrations();
    await ds.undoLastMigration();
  });
  expect(await typeormRows(db.url)).toEqual(['Users1700000000000', 'Tags1700000000001']);
  expect((await current(opts)).heads.map((h) => h.revision)).toEqual(['Tags1700000000001']);
  await upgrade({ ...opts, target: 'head' });
  expect(await typeormRows(db.url)).toEqual(['Users1700000000000', 'Tags1700000000001', 'Posts1700000000002']);
  expect(await versionRows(db.url)).toEqual(['Posts1700000000002']);

  // A new ormdiff revision continues after the last TypeORM one, and TypeORM (mode "all") runs it.
  const written = await revision({ migrationsDir: dir.path, message: 'add comments', up: ['CREATE TABLE "comments" ("id" integer)'], down: ['DROP TABLE "comments"'] });
  expect(written.downRevision).toBe('Posts1700000000002');
  expect(written.source).not.toMatch(/\btransaction\s*=/);
  const executed = await typeorm(db.url, dir.path, (ds) => ds.runMigrations());
  expect(executed.map((m) => m.name)).toEqual([written.className]);
  expect(await querySql(db.url, `SELECT to_regclass('public.comments')::text AS t`)).toEqual([{ t: 'comments' }]);
  expect((await current(opts)).heads.map((h) => h.revision)).toEqual([written.revision]);

  // ormdiff reverts it (and TypeORM's row goes), TypeORM reverts the one before, ormdiff brings both back.
  await downgrade({ ...opts, target: '-1' });
  expect(await typeormRows(db.url)).toEqual(['Users1700000000000', 'Tags1700000000001', 'Posts1700000000002']);
  expect(await versionRows(db.url)).toEqual(['Posts1700000000002']);
  await typeorm(db.url, dir.path, (ds) => ds.undoLastMigration());
  expect((await current(opts)).heads.map((h) => h.revision)).toEqual(['Tags1700000000001']);
  const run = await upgrade({ ...opts, target: 'head' });
  expect(run.steps.map((s) => s.revision)).toEqual(['Posts1700000000002', written.revision]);
  expect(await typeormRows(db.url)).toEqual(['Users1700000000000', 'Tags1700000000001', 'Posts1700000000002', written.className]);
  expect(await versionRows(db.url)).toEqual([written.revision]);
  expect(await typeorm(db.url, dir.path, (ds) => ds.showMigrations())).toBe(false);

  // A migration TypeORM generates later continues after ormdiff's; ormdiff runs it.
  typeormMigration(dir.path, '1800000000000-likes.ts', 'Likes1800000000000', 'likes');
  expect(loadGraph(dir.path).nodes.get('Likes1800000000000')!.downRevisions).toEqual([written.revision]);
  await upgrade({ ...opts, target: 'head' });
  expect(await typeormRows(db.url)).toEqual(['Users1700000000000', 'Tags1700000000001', 'Posts1700000000002', written.className, 'Likes1800000000000']);
  expect(await typeorm(db.url, dir.path, (ds) => ds.showMigrations())).toBe(false);

  // stamp moves both tables.
  await stamp({ ...opts, target: 'Tags1700000000001' });
  expect(await typeormRows(db.url)).toEqual(['Users1700000000000', 'Tags1700000000001']);
  expect(await versionRows(db.url)).toEqual(['Tags1700000000001']);
});

test('a database ormdiff migrated before adoption gets its rows in TypeORM’s table', async () => {
  typeormMigration(dir.path, '1700000000000-users.ts', 'Users1700000000000', 'users');
  const opts = { migrationsDir: dir.path, url: db.url };
  await upgrade({ ...opts, target: 'head' });
  expect(await typeormRows(db.url)).toEqual(['Users1700000000000']);
  const [table] = await querySql<{ pk: string }>(db.url, `SELECT conname AS pk FROM pg_constraint WHERE conrelid = 'public.migrations'::regclass AND contype = 'p'`);
  // TypeORM's own name for its table's key: its runner finds nothing to change.
  expect(table.pk).toBe('PK_8c82d7f526340ab734260ea46be');
  expect(await typeorm(db.url, dir.path, (ds) => ds.showMigrations())).toBe(false);
});
