/**
 * The whole path for a project that renames TypeORM's metadata table: migrations written by
 * `revision --autogenerate` and run by `upgrade`/`downgrade` keep the table's rows in step (TypeORM's
 * own schema builder finds nothing to do after each), and `verify` knows the table for bookkeeping.
 */
import 'reflect-metadata';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { createTestDatabase, querySql, type TestDatabase } from '../../src/testing/database';
import { ROOT, runCli } from './helpers';

const META = 'orm_meta';

const entitySource = (expression: string) => `import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('item')
export class Item {
  @PrimaryColumn('int') id!: number;
  @Column('int') a!: number;
  @Column('int') b!: number;
  @Column({ type: 'int', generatedType: 'STORED', asExpression: ${JSON.stringify(expression)} }) total!: number;
}
`;

@Entity('item')
class ItemSum {
  @PrimaryColumn('int') id!: number;
  @Column('int') a!: number;
  @Column('int') b!: number;
  @Column({ type: 'int', generatedType: 'STORED', asExpression: 'a + b' }) total!: number;
}

@Entity('item')
class ItemProduct {
  @PrimaryColumn('int') id!: number;
  @Column('int') a!: number;
  @Column('int') b!: number;
  @Column({ type: 'int', generatedType: 'STORED', asExpression: 'a * b' }) total!: number;
}

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  db = await createTestDatabase('ormdiff_meta_cli');
  dir = mkdtempSync(path.join(os.tmpdir(), 'ormdiff-meta-'));
  chmodSync(dir, 0o755);
  mkdirSync(path.join(dir, 'entities'));
  mkdirSync(path.join(dir, 'migrations'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(
    path.join(dir, 'ormconfig.ts'),
    `import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Item } from './entities/Item';

export default new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  metadataTableName: ${JSON.stringify(META)},
  entities: [Item],
  migrations: ['migrations/*.ts'],
});
`,
  );
});
afterAll(async () => {
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const cli = async (args: string[]) => {
  const run = await runCli(args, { cwd: dir, env: { DATABASE_URL: db.url } });
  expect({ args, code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ args, code: 0, stderr: '' });
  return run;
};

async function typeormPending(entity: typeof ItemSum): Promise<string[]> {
  const ds = new DataSource({ type: 'postgres', url: db.url, entities: [entity], metadataTableName: META, logging: false });
  await ds.initialize();
  try {
    return (await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
  } finally {
    await ds.destroy();
  }
}

const values = () => querySql(db.url, `SELECT "table", "name", "value" FROM public.${META} ORDER BY 1, 2`);

test('revision, upgrade, verify and downgrade keep the renamed metadata table in step', async () => {
  writeFileSync(path.join(dir, 'entities', 'Item.ts'), entitySource('a + b'));
  await cli(['revision', '--autogenerate', '-m', 'create item']);
  await cli(['upgrade']);
  expect(await values()).toEqual([{ table: 'item', name: 'total', value: 'a + b' }]);
  expect(await typeormPending(ItemSum)).toEqual([]);

  writeFileSync(path.join(dir, 'entities', 'Item.ts'), entitySource('a * b'));
  await cli(['revision', '--autogenerate', '-m', 'product']);
  await cli(['upgrade']);
  expect(await values()).toEqual([{ table: 'item', name: 'total', value: 'a * b' }]);
  expect(await typeormPending(ItemProduct)).toEqual([]);

  // up → down → up of each migration on a scratch database: the metadata table stays, as bookkeeping.
  await cli(['verify']);

  await cli(['downgrade', '-1']);
  expect(await values()).toEqual([{ table: 'item', name: 'total', value: 'a + b' }]);
  expect(await typeormPending(ItemSum)).toEqual([]);
});
