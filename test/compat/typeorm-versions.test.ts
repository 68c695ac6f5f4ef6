/**
 * The same few entities through whichever TypeORM this process runs on (the version matrix of `npm test`
 * runs this file on 0.3.0, the latest 0.3 and 1.x): they load and read without error (0.3 has no
 * `EntityMetadata.dataSource`), and what ormdiff models is what that release creates: its own
 * synchronize() leaves nothing to change, and ormdiff's own migration leaves nothing either.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource, DefaultNamingStrategy } from 'typeorm';
import { compareEntitiesWithDatabase } from '../../src/api/compare';
import { openProject } from '../../src/api/project';
import { readEntities } from '../../src/entities/read';
import { renderPlanSql } from '../../src/render/sql';
import { createTestDatabase, execSql, querySql, type TestDatabase } from '../../src/testing/database';
import { runCli } from '../cli/helpers';
import { variant } from '../typeorm-variant';

const ROOT = path.resolve(__dirname, '../..');
const PROJECT = path.join(__dirname, 'project');
const CONFIG = path.join(PROJECT, 'ormconfig.ts');

const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});
async function freshDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase('ormdiff_compat');
  databases.push(db);
  return db;
}

test('ormdiff and the project load the TypeORM copy the matrix asks for', () => {
  const version = (dir: string): string => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  // (typeorm/package.json itself is not in 1.x's package exports.)
  expect(version(path.dirname(require.resolve('typeorm')))).toBe(version(path.join(ROOT, 'node_modules', variant() ?? 'typeorm')));
});

test('the entities read into the model, primary keys named by the naming strategy', async () => {
  const project = await openProject({ config: CONFIG, cwd: PROJECT });
  const { schema } = await readEntities(project.dataSourceOptions);
  expect(schema.tables.map((t) => t.name)).toEqual(['compat_authors', 'compat_books']);
  const books = schema.tables[1];
  expect(books.primaryKey).toEqual({ name: new DefaultNamingStrategy().primaryKeyName('compat_books', ['id']), columns: ['id'] });
  expect(books.foreignKeys).toMatchObject([{ columns: ['authorId'], references: { name: 'compat_authors', columns: ['id'] }, onDelete: 'CASCADE' }]);
  expect(schema.enums).toEqual([{ schema: 'public', name: 'compat_authors_state_enum', values: ['draft', 'live'] }]);
});

test("TypeORM's own synchronize() leaves no changes", async () => {
  const db = await freshDatabase();
  const project = await openProject({ config: CONFIG, url: db.url, cwd: PROJECT });
  const dataSource = new DataSource({ ...(project.dataSourceOptions as object), url: db.url } as never);
  await dataSource.initialize();
  try {
    await dataSource.synchronize();
  } finally {
    await dataSource.destroy();
  }
  expect((await compareEntitiesWithDatabase(project)).plan.changes).toEqual([]);
});

test('up from empty, then no changes; down, then nothing is left to drop', async () => {
  const db = await freshDatabase();
  const project = await openProject({ config: CONFIG, url: db.url, cwd: PROJECT });
  const first = await compareEntitiesWithDatabase(project);
  await execSql(db.url, renderPlanSql(first.plan, 'up'));
  expect((await compareEntitiesWithDatabase(project)).plan.changes).toEqual([]);
  await execSql(db.url, renderPlanSql(first.plan, 'down'));
  expect((await compareEntitiesWithDatabase(project)).plan.changes).toEqual(first.plan.changes);
});

test('the `extensions` option is modelled only where this TypeORM installs the extensions (1.0 on)', async () => {
  const db = await freshDatabase();
  const project = await openProject({ config: CONFIG, url: db.url, cwd: PROJECT });
  const options = { ...(project.dataSourceOptions as object), url: db.url, extensions: ['hstore'] } as never;
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  await dataSource.destroy();
  const installed = await querySql(db.url, `SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'hstore'`);
  const { schema } = await readEntities(options);
  expect(schema.extensions.some((e) => e.name === 'hstore')).toBe(installed.length === 1);
});

test('the built command reads the entities on this TypeORM too', async () => {
  const db = await freshDatabase();
  const run = await runCli(['diff', '--config', 'ormconfig.ts', '--url', db.url, '--format', 'sql'], { cwd: PROJECT });
  expect(run.stderr).not.toMatch(/Cannot read properties/);
  expect(run.stdout).toContain('CREATE TABLE "public"."compat_books"');
});
