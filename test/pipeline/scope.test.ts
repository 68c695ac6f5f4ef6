/**
 * The managed set on a real database: a table no entity declares is dropped (and flagged destructive)
 * only while it is inside the set; exclude patterns and unmanaged objects keep things out of the plan.
 */
import path from 'node:path';
import { compareEntitiesWithDatabase } from '../../src/api/compare';
import { renderText } from '../../src/api/diff';
import { openProject } from '../../src/api/project';
import { restrictToScope, tableMatcher } from '../../src/schema/scope';
import { emptySchema } from '../../src/schema/model';
import { createTestDatabase, execSql, type TestDatabase } from '../../src/testing/database';

const ROOT = path.resolve(__dirname, '../..');
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await execSql(
    db.url,
    `CREATE TABLE public.legacy_orders (id int PRIMARY KEY, total numeric);
     CREATE VIEW public.big_orders AS SELECT id FROM public.legacy_orders WHERE total > 100;
     CREATE FUNCTION public.answer() RETURNS int LANGUAGE sql AS 'SELECT 42';
     CREATE SCHEMA reporting; CREATE TABLE reporting.daily (day date PRIMARY KEY);`,
  );
});
afterAll(async () => {
  await db.drop();
});

const tablesDropped = (changes: { kind: string; table?: { name: string } }[]) =>
  changes.filter((c) => c.kind === 'dropTable').map((c) => c.table!.name);

test('a table in a managed schema that no entity declares is dropped, with a destructive warning', async () => {
  const project = await openProject({ config: path.join(ROOT, 'ormconfig.ts'), url: db.url, cwd: ROOT });
  const { plan, actual } = await compareEntitiesWithDatabase(project);
  expect(tablesDropped(plan.changes as never)).toEqual(['legacy_orders']);
  expect(plan.warnings.some((w) => w.code === 'DS101' && w.message.includes('public.legacy_orders'))).toBe(true);
  // The schema no entity uses is outside the set: never read, never dropped.
  expect(actual.tables.some((t) => t.schema === 'reporting')).toBe(false);
  // Views and functions are reported, never planned.
  expect(actual.unmanaged.map((u) => `${u.kind} ${u.name}`)).toEqual(expect.arrayContaining(['view big_orders', 'function answer']));
  expect(plan.up.some((s) => /big_orders|answer/.test(s.sql))).toBe(false);
});

test('--exclude keeps a table out of the managed set', async () => {
  const project = await openProject({ config: path.join(ROOT, 'ormconfig.ts'), url: db.url, cwd: ROOT, exclude: ['public.legacy_*'] });
  const comparison = await compareEntitiesWithDatabase(project);
  expect(tablesDropped(comparison.plan.changes as never)).toEqual([]);
  expect(renderText(comparison)).toMatch(/left alone.*1 view/i);
});

test('--include narrows the set to matching tables', async () => {
  const project = await openProject({ config: path.join(ROOT, 'ormconfig.ts'), url: db.url, cwd: ROOT, include: ['users'] });
  const { plan } = await compareEntitiesWithDatabase(project);
  const created = plan.changes.filter((c) => c.kind === 'createTable').map((c) => (c as { table: { name: string } }).table.name);
  expect(created).toEqual(['users']);
  expect(tablesDropped(plan.changes as never)).toEqual([]);
});

test('patterns: schema.table with wildcards, bare names in any schema, synchronize:false tables', () => {
  const match = tableMatcher({
    schemas: ['public', 'audit'],
    include: [],
    exclude: ['audit.tmp_*', 'scratch'],
    ignoredTables: [{ schema: 'public', name: 'legacy' }],
  });
  expect(match({ schema: 'public', name: 'users' })).toBe(true);
  expect(match({ schema: 'audit', name: 'tmp_1' })).toBe(false);
  expect(match({ schema: 'audit', name: 'scratch' })).toBe(false);
  expect(match({ schema: 'public', name: 'legacy' })).toBe(false);
  expect(match({ schema: 'other', name: 'users' })).toBe(false);
  const schema = { ...emptySchema(['public']), schemas: ['public', 'other'] };
  expect(restrictToScope(schema, { schemas: ['public'], include: [], exclude: [], ignoredTables: [] }).schemas).toEqual(['public']);
});

test('names with dots never stand for each other: a.b + c is not a + b.c', () => {
  const match = tableMatcher({ schemas: ['a', 'a.b'], include: [], exclude: [], ignoredTables: [{ schema: 'a.b', name: 'c' }] });
  expect(match({ schema: 'a.b', name: 'c' })).toBe(false);
  expect(match({ schema: 'a', name: 'b.c' })).toBe(true);
});
