/**
 * Names the metadata does not carry: Postgres's sequence names, enum type names, and primary key names
 * from custom naming strategies (checked against TypeORM's synchronize()).
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { enumTypeName, postgresObjectName, sequenceName } from '../../src/entities/naming';
import { readEntities } from '../../src/entities/read';
import { createTestDatabase, execSql, type TestDatabase } from '../../src/testing/database';
import { namingEntities, ReadableNamingStrategy } from '../fixtures/naming';
import { catalogStructure, modelStructure } from './structure';

describe('postgresObjectName (makeObjectName)', () => {
  it('joins short names untouched', () => {
    expect(sequenceName('users', 'id')).toBe('users_id_seq');
  });

  it('shortens the longer name first until the result fits in 63 bytes', () => {
    const name = sequenceName('a'.repeat(40), 'b'.repeat(30));
    expect(name).toBe(`${'a'.repeat(29)}_${'b'.repeat(29)}_seq`);
    expect(Buffer.byteLength(name)).toBe(63);
    expect(postgresObjectName('t'.repeat(70), 'id', 'seq')).toBe(`${'t'.repeat(56)}_id_seq`);
  });

  it('counts bytes and never splits a multibyte character (value taken from Postgres 15)', () => {
    expect(sequenceName('é'.repeat(31), 'ççççççççççççç_id')).toBe('éééééééééééééé_ççççççççççççç_id_seq');
  });
});

describe('enumTypeName', () => {
  it('uses enumName, else <table>_<lower-cased column>_enum (table case kept)', () => {
    expect(enumTypeName('ApiKeys', { databaseName: 'Scope', enumName: undefined })).toBe('ApiKeys_scope_enum');
    expect(enumTypeName('cards', { databaseName: 'priority', enumName: 'priority_level' })).toBe('priority_level');
  });
});

describe('custom naming strategy', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('ormdiff_naming');
    await execSql(db.url, 'CREATE SCHEMA blog');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('names tables, columns and constraints as the strategy says, exactly as TypeORM creates them', async () => {
    const options = { type: 'postgres' as const, entities: namingEntities, namingStrategy: new ReadableNamingStrategy() };
    const read = await readEntities(options);
    const posts = read.schema.tables.find((t) => t.name === 'blog_posts')!;
    expect(posts.columns.map((c) => c.name)).toEqual(['post_id', 'published_on', 'author_author_id']);
    // TypeORM hands primaryKeyName the schema-qualified Table; foreign keys and indexes get the bare name.
    expect(posts.primaryKey).toEqual({ name: 'pk_blog__blog_posts__post_id', columns: ['post_id'] });
    expect(posts.foreignKeys.map((f) => f.name)).toEqual(['fk_blog_posts__author_author_id']);
    expect(posts.indexes.map((i) => i.name)).toEqual(['ix_blog_posts__published_on_author_author_id']);

    const ds = new DataSource({ ...options, url: db.url });
    await ds.initialize();
    try {
      await ds.synchronize();
    } finally {
      await ds.destroy();
    }
    expect(modelStructure(read.schema)).toEqual(await catalogStructure(db.url, read.schema.schemas, ['public.typeorm_metadata']));
  });
});
