/** The one-line fixtures users put before their own tests: a database per test file, migrated to head. */
import path from 'node:path';
import { withConnection } from '../../src/db/connect';
import { introspect } from '../../src/introspect';
import { loadGraph, upgrade } from '../../src/runner';
import { createTestDatabase, querySql, serverUrl } from '../../src/testing/database';
import { migratedTestDatabase, testDatabase } from '../../src/testing/fixtures';

const ROOT = path.resolve(__dirname, '../..');
const env = { TEST_DATABASE_URL: serverUrl() };
const exists = async (name: string) => (await querySql(serverUrl(), 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length === 1;

test('testDatabase: a new empty database per call on the resolved server, gone after drop()', async () => {
  const a = await testDatabase({ env });
  const b = await testDatabase({ env, prefix: 'mine' });
  try {
    expect(a.server).toBe('env');
    expect(a.name).not.toBe(b.name);
    expect(b.name).toMatch(/^mine_[0-9a-f]{12}$/);
    expect(await exists(a.name)).toBe(true);
    expect(await querySql(a.url, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).toEqual([{ n: 0 }]);
  } finally {
    await a.drop();
    await b.drop();
  }
  expect(await exists(a.name)).toBe(false);
  expect(await exists(b.name)).toBe(false);
  // Twice is harmless (an afterAll after a failed beforeAll).
  await a.drop();
});

test('migratedTestDatabase: the example project at head, as `ormdiff upgrade head` leaves a database', async () => {
  const db = await migratedTestDatabase({ config: 'ormconfig.ts', cwd: ROOT, env });
  const reference = await createTestDatabase();
  try {
    const heads = loadGraph(path.join(ROOT, 'migrations')).heads;
    expect(heads.length).toBeGreaterThan(0);
    expect(await querySql(db.url, 'SELECT version_num FROM public.ormdiff_version')).toEqual(heads.map((h) => ({ version_num: h })));
    await upgrade({ migrationsDir: path.join(ROOT, 'migrations'), url: reference.url, target: 'head' });
    const model = (url: string) => withConnection(url, async (c) => (await introspect(c, { schemas: ['public'] })).schema);
    const migrated = await model(db.url);
    expect(migrated.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['cards', 'profiles', 'users']));
    expect(migrated).toEqual(await model(reference.url));
  } finally {
    await db.drop();
    await reference.drop();
  }
  expect(await exists(db.name)).toBe(false);
});

test('a failed migration drops the database it made and reports the failure', async () => {
  const prefix = `failed_${process.pid}`;
  const left = () => querySql(serverUrl(), 'SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
  await expect(migratedTestDatabase({ cwd: ROOT, env, prefix, target: 'no-such-revision' })).rejects.toThrow(/no-such-revision/);
  expect(await left()).toEqual([]);
});
