/**
 * The key invariant of the entity reader: the model it builds from the rich fixture has exactly the
 * structure TypeORM's own synchronize() creates from the same entities in an empty database.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { readEntities, type EntityReadResult } from '../../src/entities/read';
import { createTestDatabase, execSql, querySql, type TestDatabase } from '../../src/testing/database';
import { richEntities } from '../fixtures/rich';
import { catalogStructure, liveExpressions, modelExpressions, modelStructure, type Structure } from './structure';

describe('entity reader vs TypeORM synchronize()', () => {
  let db: TestDatabase;
  let read: EntityReadResult;
  let live: Structure;

  beforeAll(async () => {
    db = await createTestDatabase('ormdiff_entities');
    // TypeORM creates tables in a schema but never the schema itself.
    await execSql(db.url, 'CREATE SCHEMA audit');
    const ds = new DataSource({ type: 'postgres', url: db.url, entities: richEntities, logging: false });
    await ds.initialize();
    try {
      await ds.synchronize();
    } finally {
      await ds.destroy();
    }
    read = await readEntities({ type: 'postgres', entities: richEntities });
    // typeorm_metadata is TypeORM's bookkeeping for generated columns, not part of the application schema.
    live = await catalogStructure(db.url, read.schema.schemas, ['public.typeorm_metadata']);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('covers the same schemas and tables', () => {
    expect(read.schema.schemas).toEqual(['audit', 'public']);
    expect(Object.keys(modelStructure(read.schema).tables).sort()).toEqual(Object.keys(live.tables).sort());
  });

  it('has the same columns, types, nullability and value sources in every table', () => {
    const model = modelStructure(read.schema);
    for (const name of Object.keys(live.tables)) {
      expect({ table: name, columns: model.tables[name].columns }).toEqual({ table: name, columns: live.tables[name].columns });
    }
  });

  it('has the same constraint and index names, columns and options', () => {
    const model = modelStructure(read.schema);
    for (const name of Object.keys(live.tables)) {
      const { columns: _m, ...modelRest } = model.tables[name];
      const { columns: _l, ...liveRest } = live.tables[name];
      expect({ table: name, ...modelRest }).toEqual({ table: name, ...liveRest });
    }
  });

  it('has the same enum types with the same values in the same order', () => {
    expect(modelStructure(read.schema).enums).toEqual(live.enums);
  });

  it('names the extensions TypeORM installed', () => {
    expect(modelStructure(read.schema).extensions).toEqual(live.extensions);
  });

  it('writes defaults, generated columns, CHECK/EXCLUDE bodies and index predicates that mean what TypeORM wrote', async () => {
    const tables = read.schema.tables.map((t) => `${t.schema}.${t.name}`);
    const [fromModel, fromDatabase] = await Promise.all([modelExpressions(db.url, read.schema), liveExpressions(db.url, tables)]);
    expect(Object.values(fromDatabase).flatMap((e) => Object.keys(e.columns)).length).toBeGreaterThan(20);
    expect(fromModel).toEqual(fromDatabase);
  });

  it('leaves out what TypeORM does not create: synchronize:false tables and indexes', async () => {
    expect(read.ignoredTables).toEqual([{ schema: 'public', name: 'legacy_reports' }]);
    expect(read.ignoredIndexes).toEqual([{ table: { schema: 'public', name: 'cards' }, name: 'IDX_cards_legacy_lookup' }]);
    const rows = await querySql(db.url, `SELECT to_regclass('public.legacy_reports') AS t, to_regclass('public."IDX_cards_legacy_lookup"') AS i`);
    expect(rows).toEqual([{ t: null, i: null }]);
  });
});
