/**
 * The core invariants on a real database, for the example entities and the rich set:
 * autogenerate against an empty database, apply up, and a second diff is empty; apply down and the
 * database is empty again. And TypeORM's own synchronize() leaves nothing for ormdiff to do.
 */
import path from 'node:path';
import { DataSource } from 'typeorm';
import { compareEntitiesWithDatabase } from '../../src/api/compare';
import { openProject } from '../../src/api/project';
import { introspect } from '../../src/introspect';
import { renderPlanSql } from '../../src/render/sql';
import { withConnection } from '../../src/db/connect';
import { createTestDatabase, execSql, type TestDatabase } from '../../src/testing/database';

const ROOT = path.resolve(__dirname, '../..');
const CONFIGS = {
  example: path.join(ROOT, 'ormconfig.ts'),
  rich: path.join(ROOT, 'test/pipeline/rich.config.ts'),
};

const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});
async function freshDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  databases.push(db);
  return db;
}

async function tablesAndTypes(url: string) {
  const { schema } = await withConnection(url, (c) => introspect(c, { schemas: ['public', 'audit'] }));
  return { tables: schema.tables.map((t) => `${t.schema}.${t.name}`), enums: schema.enums.map((e) => e.name) };
}

describe.each(Object.entries(CONFIGS))('%s entities', (_name, config) => {
  test('up from empty, then no changes; down, then empty again', async () => {
    const db = await freshDatabase();
    const project = await openProject({ config, url: db.url, cwd: ROOT });

    const first = await compareEntitiesWithDatabase(project);
    expect(first.plan.changes.length).toBeGreaterThan(0);
    expect(first.plan.changes.some((c) => c.kind === 'createTable')).toBe(true);
    await execSql(db.url, renderPlanSql(first.plan, 'up'));

    const second = await compareEntitiesWithDatabase(project);
    expect(second.plan.changes).toEqual([]);

    await execSql(db.url, renderPlanSql(first.plan, 'down'));
    expect(await tablesAndTypes(db.url)).toEqual({ tables: [], enums: [] });
  });

  test("TypeORM's own synchronize() leaves no changes", async () => {
    const db = await freshDatabase();
    // TypeORM does not create schemas; the rich set uses a second one.
    await execSql(db.url, 'CREATE SCHEMA audit');
    const project = await openProject({ config, url: db.url, cwd: ROOT });
    const dataSource = new DataSource({ ...(project.dataSourceOptions as object), url: db.url, synchronize: false } as never);
    await dataSource.initialize();
    try {
      await dataSource.synchronize();
    } finally {
      await dataSource.destroy();
    }
    const comparison = await compareEntitiesWithDatabase(project);
    expect(comparison.plan.changes).toEqual([]);
  });
});
