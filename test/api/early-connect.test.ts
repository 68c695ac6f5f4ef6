/**
 * With the entity model in hand, the comparison opens its connection while it sets up the rest
 * (src/api/compare.ts). When that set-up fails (a hints file that is not JSON), the error is the
 * set-up's and the connection opened meanwhile is closed: nothing is left behind on the server (a
 * programmatic caller's process would otherwise be held open by it). Entities that fail to load are
 * reported as before, before any connection, even when the server cannot be reached.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareEntitiesWithDatabase, readDesired } from '../../src/api/compare';
import { diff } from '../../src/api/diff';
import { openProject } from '../../src/api/project';
import { createTestDatabase, querySql, type TestDatabase } from '../../src/testing/database';

const CONFIGS = path.join(__dirname, '..', 'fixtures', 'config');
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('ormdiff_early_connect');
});

afterAll(async () => {
  await db.drop();
});

/** ormdiff's connections to the test database, waited for to be gone (a closing socket takes a moment). */
async function openConnections(): Promise<number> {
  const dbName = new URL(db.url).pathname.slice(1);
  let count = 0;
  for (let i = 0; i < 50; i++) {
    const rows = await querySql(db.url, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = '${dbName}' AND application_name = 'ormdiff'`);
    count = (rows[0] as { n: number }).n;
    if (count === 0) return 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return count;
}

test('the model in hand and a hints file that is not JSON: its error, and the connection opened meanwhile is closed', async () => {
  const project = await openProject({ config: path.join(CONFIGS, 'valid', 'ormconfig.ts'), url: db.url });
  const desired = await readDesired(project);
  const migrationsDir = mkdtempSync(path.join(os.tmpdir(), 'ormdiff-early-connect-'));
  try {
    writeFileSync(path.join(migrationsDir, 'ormdiff.hints.json'), '{ not json');
    await expect(compareEntitiesWithDatabase({ ...project, migrationsDir }, {}, desired)).rejects.toThrow(/not valid JSON/);
    expect(await openConnections()).toBe(0);
  } finally {
    rmSync(migrationsDir, { recursive: true, force: true });
  }
});

test('entities that fail: their error, and no connection is left', async () => {
  await expect(diff({ config: path.join(CONFIGS, 'broken-entity', 'ormconfig.ts'), url: db.url })).rejects.toThrow(/\.ts/);
  expect(await openConnections()).toBe(0);
});

test('entities that fail and a server that cannot be reached: the entities are reported', async () => {
  await expect(diff({ config: path.join(CONFIGS, 'broken-entity', 'ormconfig.ts'), url: 'postgres://nobody@127.0.0.1:1/none' })).rejects.toThrow(/\.ts/);
});

test('entities that load: the comparison runs on the connection opened early, and it is closed afterwards', async () => {
  const result = await diff({ config: path.join(CONFIGS, 'valid', 'ormconfig.ts'), url: db.url });
  expect(result.hasChanges).toBe(true);
  expect(await openConnections()).toBe(0);
});
