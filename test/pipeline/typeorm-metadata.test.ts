/**
 * TypeORM reads a generated column's expression from its metadata table, not from the catalog. After
 * ormdiff's migration, in either direction, TypeORM's own schema builder (what `migration:generate`
 * runs) must find nothing to do: the rows follow the columns.
 */
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { Column, DataSource, type DataSourceOptions, Entity, PrimaryColumn } from 'typeorm';
import { type Comparison, compareEntitiesWithDatabase } from '../../src/api/compare';
import type { Project } from '../../src/api/project';
import { driverBehaviour } from '../../src/entities/compat';
import { connectExtensionsOf, readEntities } from '../../src/entities/read';
import { renderPlanSql } from '../../src/render/sql';
import { createTestDatabase, execSql, querySql, type TestDatabase } from '../../src/testing/database';

@Entity('item')
class ItemSum {
  @PrimaryColumn('int') id!: number;
  @Column('int') a!: number;
  @Column('int') b!: number;
  @Column({ type: 'int', generatedType: 'STORED', asExpression: 'a + b' }) total!: number;
}

/** The expression changed: Postgres 15 cannot alter it, ormdiff drops and re-adds the column. */
@Entity('item')
class ItemProduct {
  @PrimaryColumn('int') id!: number;
  @Column('int') a!: number;
  @Column('int') b!: number;
  @Column({ type: 'int', generatedType: 'STORED', asExpression: `a * b /* it's a product */` }) total!: number;
}

@Entity('item')
class ItemPlain {
  @PrimaryColumn('int') id!: number;
  @Column('int') a!: number;
  @Column('int') b!: number;
}

/** The same table under another name: ormdiff assumes the rename. */
@Entity('thing')
class ThingSum {
  @PrimaryColumn('int') id!: number;
  @Column('int') a!: number;
  @Column('int') b!: number;
  @Column({ type: 'int', generatedType: 'STORED', asExpression: 'a + b' }) total!: number;
}

/** The generated column under another name: ormdiff assumes the rename. */
@Entity('item')
class ItemRenamedColumn {
  @PrimaryColumn('int') id!: number;
  @Column('int') a!: number;
  @Column('int') b!: number;
  @Column({ type: 'int', generatedType: 'STORED', asExpression: 'a + b' }) sum!: number;
}

@Entity('other')
class Other {
  @PrimaryColumn('int') id!: number;
}

type Entities = DataSourceOptions['entities'];
type Extra = { schema?: string; metadataTableName?: string };

const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});
async function freshDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase('ormdiff_meta');
  databases.push(db);
  return db;
}

function projectFor(url: string, entities: Entities, extra: Extra = {}): Project {
  const dataSourceOptions: DataSourceOptions = { type: 'postgres', entities, ...extra };
  return {
    cwd: os.tmpdir(),
    versionSchema: 'public',
    configPath: path.join(os.tmpdir(), 'ormconfig.ts'),
    dataSourceOptions,
    withEntities: async () => dataSourceOptions,
    entityModel: () => readEntities(dataSourceOptions),
    connectExtensions: () => connectExtensionsOf(dataSourceOptions),
    url,
    migrationsDir: path.join(os.tmpdir(), 'ormdiff-meta-no-migrations'),
    include: [],
    exclude: [],
    schemas: [],
  };
}

const compare = (url: string, entities: Entities, extra: Extra = {}): Promise<Comparison> =>
  compareEntitiesWithDatabase(projectFor(url, entities, extra), { facts: false });

/**
 * Whether TypeORM reads a generated column's expression from its metadata table where it writes it:
 * 0.3.0 looks up the bare table name on the search path (whatever the DataSource schema), later
 * releases ask `selectTypeormMetadataSql` for the qualified one.
 */
function readsQualifiedMetadataTable(ds: DataSource): boolean {
  return typeof (ds.createQueryRunner() as unknown as { selectTypeormMetadataSql?: unknown }).selectTypeormMetadataSql === 'function';
}

/**
 * The `SET NOT NULL` TypeORM proposes for the NOT NULL STORED columns of these entities when its driver
 * creates them without it (early 0.3, see storedColumnConstraints): it proposes them right after its
 * own synchronize() too (checked below), so they say nothing about ormdiff's migration.
 */
function ownStoredNotNull(ds: DataSource): RegExp[] {
  return ds.entityMetadatas
    .filter((m) => !driverBehaviour(m).storedColumnConstraints)
    .flatMap((m) => m.columns.filter((c) => c.generatedType === 'STORED' && c.asExpression && !c.isNullable))
    .map((c) => new RegExp(`^ALTER TABLE ("[^"]+"\\.)?"${c.entityMetadata.tableName}" ALTER COLUMN "${c.databaseName}" SET NOT NULL$`));
}

/**
 * What TypeORM's own generator would put in a migration for these entities, but for what it would
 * put there after its own synchronize() as well (ownStoredNotNull).
 */
async function typeormPending(url: string, entities: Entities, extra: Extra = {}): Promise<string[]> {
  let ds = new DataSource({ type: 'postgres', url, entities, logging: false, ...extra });
  if (extra.schema && !readsQualifiedMetadataTable(ds)) {
    // 0.3.0 finds its (qualified) metadata table only on the search path: put its schema there.
    ds = new DataSource({ type: 'postgres', url, entities, logging: false, ...extra, extra: { options: `-c search_path=${extra.schema}` } });
  }
  await ds.initialize();
  try {
    const sql = await ds.driver.createSchemaBuilder().log();
    const own = ownStoredNotNull(ds);
    return sql.upQueries.map((q) => q.query).filter((q) => !own.some((re) => re.test(q)));
  } finally {
    await ds.destroy();
  }
}

/** Plans from the database to `entities`, applies up, and returns the plan for its down. */
async function migrate(url: string, entities: Entities, extra: Extra = {}): Promise<Comparison> {
  const comparison = await compare(url, entities, extra);
  expect(comparison.plan.changes.length).toBeGreaterThan(0);
  await execSql(url, renderPlanSql(comparison.plan, 'up'));
  expect((await compare(url, entities, extra)).plan.changes).toEqual([]);
  return comparison;
}

const rows = (url: string, table = 'public.typeorm_metadata') =>
  querySql(url, `SELECT "type", "database" = current_database() AS here, "schema", "table", "name", "value" FROM ${table} ORDER BY "table", "name"`);

const metadataColumns = (url: string, schema: string, table: string) =>
  querySql(
    url,
    `SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
    [schema, table],
  );

describe("TypeORM's metadata table after ormdiff's migrations", () => {
  test('create, change the expression, drop: TypeORM sees nothing to do, each way', async () => {
    const db = await freshDatabase();
    const created = await migrate(db.url, [ItemSum]);
    expect(created.plan.up.some((s) => s.sql.startsWith('CREATE TABLE IF NOT EXISTS "public"."typeorm_metadata"'))).toBe(true);
    expect(await rows(db.url)).toEqual([
      { type: 'GENERATED_COLUMN', here: true, schema: 'public', table: 'item', name: 'total', value: 'a + b' },
    ]);
    expect(await typeormPending(db.url, [ItemSum])).toEqual([]);

    const changed = await migrate(db.url, [ItemProduct]);
    expect(changed.plan.changes.map((c) => c.kind)).toEqual(['alterColumnValueSource']);
    expect(await typeormPending(db.url, [ItemProduct])).toEqual([]);
    expect(await rows(db.url)).toEqual([
      { type: 'GENERATED_COLUMN', here: true, schema: 'public', table: 'item', name: 'total', value: `a * b /* it's a product */` },
    ]);
    await execSql(db.url, renderPlanSql(changed.plan, 'down'));
    expect(await typeormPending(db.url, [ItemSum])).toEqual([]);
    await execSql(db.url, renderPlanSql(changed.plan, 'up'));

    const dropped = await migrate(db.url, [ItemPlain]);
    expect(dropped.plan.changes.map((c) => c.kind)).toEqual(['dropColumn']);
    expect(await rows(db.url)).toEqual([]);
    expect(await typeormPending(db.url, [ItemPlain])).toEqual([]);
    // Down is an ADD COLUMN: the row goes back with the expression the table held.
    await execSql(db.url, renderPlanSql(dropped.plan, 'down'));
    expect(await typeormPending(db.url, [ItemProduct])).toEqual([]);

    await execSql(db.url, renderPlanSql(changed.plan, 'down'));
    await execSql(db.url, renderPlanSql(created.plan, 'down'));
    expect(await rows(db.url)).toEqual([]);
  });

  test('the metadata table is created exactly as TypeORM creates it', async () => {
    const [ours, theirs] = [await freshDatabase(), await freshDatabase()];
    await migrate(ours.url, [ItemSum]);
    const ds = new DataSource({ type: 'postgres', url: theirs.url, entities: [ItemSum], logging: false, synchronize: true });
    await ds.initialize();
    await ds.destroy();
    expect(await metadataColumns(ours.url, 'public', 'typeorm_metadata')).toEqual(await metadataColumns(theirs.url, 'public', 'typeorm_metadata'));
    expect(await rows(ours.url)).toEqual(await rows(theirs.url));
  });

  test("a database TypeORM synchronized: ormdiff's change and its down keep TypeORM's rows", async () => {
    const db = await freshDatabase();
    const ds = new DataSource({ type: 'postgres', url: db.url, entities: [ItemSum], logging: false, synchronize: true });
    await ds.initialize();
    // Where the driver writes STORED columns bare, TypeORM's next run asks for their NOT NULL even
    // right after its own synchronize(): why typeormPending leaves those statements out.
    const bare = ownStoredNotNull(ds).length > 0;
    const afterOwn = (await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
    expect(afterOwn).toEqual(bare ? ['ALTER TABLE "item" ALTER COLUMN "total" SET NOT NULL'] : []);
    await ds.destroy();
    const changed = await migrate(db.url, [ItemProduct]);
    expect(await typeormPending(db.url, [ItemProduct])).toEqual([]);
    await execSql(db.url, renderPlanSql(changed.plan, 'down'));
    expect(await typeormPending(db.url, [ItemSum])).toEqual([]);
  });

  test('dropping a table with a generated column, and its down', async () => {
    const db = await freshDatabase();
    await migrate(db.url, [ItemSum, Other]);
    const dropped = await migrate(db.url, [Other]);
    expect(dropped.plan.changes.map((c) => c.kind)).toEqual(['dropTable']);
    expect(await rows(db.url)).toEqual([]);
    await execSql(db.url, renderPlanSql(dropped.plan, 'down'));
    expect(await typeormPending(db.url, [ItemSum, Other])).toEqual([]);
  });

  test('renaming a table that holds a generated column moves its row, and back', async () => {
    const db = await freshDatabase();
    await migrate(db.url, [ItemSum]);
    const renamed = await migrate(db.url, [ThingSum]);
    expect(renamed.plan.changes.map((c) => c.kind)).toContain('renameTable');
    expect(await rows(db.url)).toEqual([
      { type: 'GENERATED_COLUMN', here: true, schema: 'public', table: 'thing', name: 'total', value: 'a + b' },
    ]);
    expect(await typeormPending(db.url, [ThingSum])).toEqual([]);
    await execSql(db.url, renderPlanSql(renamed.plan, 'down'));
    expect(await typeormPending(db.url, [ItemSum])).toEqual([]);
  });

  test('renaming a generated column moves its row, and back', async () => {
    const db = await freshDatabase();
    await migrate(db.url, [ItemSum]);
    const renamed = await migrate(db.url, [ItemRenamedColumn]);
    expect(renamed.plan.changes.map((c) => c.kind)).toEqual(['renameColumn']);
    expect(await rows(db.url)).toEqual([
      { type: 'GENERATED_COLUMN', here: true, schema: 'public', table: 'item', name: 'sum', value: 'a + b' },
    ]);
    expect(await typeormPending(db.url, [ItemRenamedColumn])).toEqual([]);
    await execSql(db.url, renderPlanSql(renamed.plan, 'down'));
    expect(await typeormPending(db.url, [ItemSum])).toEqual([]);
  });

  test('metadataTableName and the DataSource schema are followed, and the table is never diffed', async () => {
    const db = await freshDatabase();
    await execSql(db.url, 'CREATE SCHEMA app');
    const extra = { schema: 'app', metadataTableName: 'orm_meta' };
    const created = await migrate(db.url, [ItemSum], extra);
    expect(created.plan.up.map((s) => s.sql).filter((s) => s.includes('orm_meta')).length).toBe(2);
    expect(await rows(db.url, 'app.orm_meta')).toEqual([
      { type: 'GENERATED_COLUMN', here: true, schema: 'app', table: 'item', name: 'total', value: 'a + b' },
    ]);
    expect(await typeormPending(db.url, [ItemSum], extra)).toEqual([]);
    await execSql(db.url, renderPlanSql(created.plan, 'down'));
    expect(await rows(db.url, 'app.orm_meta')).toEqual([]);
  });
});
