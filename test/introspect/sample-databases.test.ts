/**
 * The two sample schemas in test/fixtures/samples, loaded unchanged with psql; the counts are those of
 * their SOURCE.md files (which count partitions, constraint-backed indexes and matview indexes too, so
 * the table-only numbers here are derived from them as noted).
 */
import path from 'node:path';
import { introspect } from '../../src/introspect';
import type { Schema, UnmanagedKind } from '../../src/schema/model';
import { connectFresh, psqlFile, type Connected } from './helpers';

// Vendored with their licences, so a fresh clone has them.
const FIXTURES = path.resolve(__dirname, '../fixtures/samples');

const sum = (schema: Schema, count: (t: Schema['tables'][number]) => number): number =>
  schema.tables.reduce((total, t) => total + count(t), 0);

function kinds(schema: Schema): Partial<Record<UnmanagedKind, number>> {
  const result: Partial<Record<UnmanagedKind, number>> = {};
  for (const u of schema.unmanaged) result[u.kind] = (result[u.kind] ?? 0) + 1;
  return result;
}

function valueSources(schema: Schema): Record<string, number> {
  const result: Record<string, number> = {};
  for (const t of schema.tables)
    for (const c of t.columns) result[c.valueSource.kind] = (result[c.valueSource.kind] ?? 0) + 1;
  return result;
}

describe('pagila', () => {
  let conn: Connected;
  let schema: Schema;

  beforeAll(async () => {
    conn = await connectFresh('ormdiff_introspect_pagila');
    // Its only role is postgres (OWNER TO postgres), which the test server has.
    psqlFile(conn.db.url, `${FIXTURES}/pagila/pagila-schema.sql`);
    schema = (await introspect(conn.client, { schemas: ['public'] })).schema;
  });
  afterAll(async () => {
    await conn?.close();
  });

  test('14 ordinary tables; the partitioned payment and its 55 partitions are reported, not modelled', () => {
    expect(schema.tables).toHaveLength(14);
    expect(schema.tables.some((t) => t.name.startsWith('payment'))).toBe(false);
    expect(sum(schema, (t) => t.columns.length)).toBe(81);
    expect(sum(schema, (t) => (t.primaryKey ? 1 : 0))).toBe(14);
    // 36 FKs in all, of which 18 sit on payment partitions.
    expect(sum(schema, (t) => t.foreignKeys.length)).toBe(18);
    expect(sum(schema, (t) => t.uniques.length + t.checks.length + t.exclusions.length)).toBe(0);
    // Of the 104 indexes, 29 are on the 14 ordinary tables: their 14 PKs and these 15.
    expect(sum(schema, (t) => t.indexes.length)).toBe(15);
  });

  test('types, sequences and the tsvector/array columns', () => {
    expect(schema.enums).toStrictEqual([
      { schema: 'public', name: 'mpaa_rating', values: ['G', 'PG', 'PG-13', 'R', 'NC-17'] },
    ]);
    expect(schema.domains.map((d) => d.name)).toStrictEqual(['bıgınt', 'year']);
    expect(schema.domains.find((d) => d.name === 'year')!.checks).toStrictEqual([
      { name: 'year_check', expression: '(((VALUE >= 1901) AND (VALUE <= 2155)))' },
    ]);
    // Its sequences are not OWNED BY their columns, so the nextval() defaults stay defaults.
    expect(schema.sequences).toHaveLength(13);
    expect(valueSources(schema).serial).toBeUndefined();
    const film = schema.tables.find((t) => t.name === 'film')!;
    expect(film.columns.find((c) => c.name === 'film_id')!.valueSource).toStrictEqual({
      kind: 'default',
      expression: "nextval('public.film_film_id_seq'::regclass)",
    });
    expect(film.columns.find((c) => c.name === 'special_features')).toMatchObject({ dataType: 'text', arrayDims: 1 });
    expect(film.columns.find((c) => c.name === 'fulltext')).toMatchObject({ dataType: 'tsvector', nullable: false });
    expect(film.indexes.find((i) => i.name === 'film_fulltext_idx')).toMatchObject({ method: 'gist' });
  });

  test('views, routines, triggers and partitions are unmanaged', () => {
    expect(kinds(schema)).toStrictEqual({
      view: 7,
      'materialized view': 1,
      function: 9,
      aggregate: 1,
      trigger: 15,
      'partitioned table': 1,
      partition: 55,
    });
    expect(schema.unmanaged).toContainEqual({
      kind: 'trigger',
      schema: 'public',
      name: 'film_fulltext_trigger',
      table: 'film',
    });
  });

  test('each view and the materialized view records the tables and columns it reads', () => {
    const relations = schema.unmanaged.filter((u) => u.kind === 'view' || u.kind === 'materialized view');
    expect(relations.filter((u) => u.dependsOn === undefined)).toStrictEqual([]);
    const table = (name: string, columns: string[]) => ({ table: { schema: 'public', name }, columns });
    expect(relations.find((u) => u.name === 'actor_info')!.dependsOn).toStrictEqual([
      table('actor', ['actor_id', 'first_name', 'last_name']),
      table('category', ['category_id', 'name']),
      table('film', ['film_id', 'title']),
      table('film_actor', ['actor_id', 'film_id']),
      table('film_category', ['category_id', 'film_id']),
    ]);
    // The partitioned payment, unmanaged itself, is recorded like a table.
    expect(relations.find((u) => u.name === 'rental_by_category')!.dependsOn).toContainEqual(table('payment', ['amount', 'rental_id']));
  });
});

describe('AdventureWorks', () => {
  const SCHEMAS = [
    'public',
    'person',
    'humanresources',
    'production',
    'purchasing',
    'sales',
    'pe',
    'hr',
    'pr',
    'pu',
    'sa',
  ];
  let conn: Connected;
  let schema: Schema;
  let queryCount: number;

  beforeAll(async () => {
    conn = await connectFresh('ormdiff_introspect_aw');
    // pg_dump -O -x: no roles needed; it installs uuid-ossp and tablefunc itself.
    psqlFile(conn.db.url, `${FIXTURES}/adventureworks-pg/adventureworks-schema-pg15.sql`);
    ({ schema, queryCount } = await introspect(conn.client, { schemas: SCHEMAS }));
  });
  afterAll(async () => {
    await conn?.close();
  });

  test('the counts of SOURCE.md', () => {
    expect(queryCount).toBe(11);
    expect(schema.tables).toHaveLength(68);
    expect(sum(schema, (t) => t.columns.length)).toBe(456);
    expect(sum(schema, (t) => (t.primaryKey ? 1 : 0))).toBe(68);
    expect(sum(schema, (t) => t.foreignKeys.length)).toBe(90);
    expect(sum(schema, (t) => t.uniques.length)).toBe(1);
    expect(sum(schema, (t) => t.checks.length)).toBe(88);
    // 71 indexes = 68 PKs + 1 unique + 2 on materialized views.
    expect(sum(schema, (t) => t.indexes.length)).toBe(0);
    expect(valueSources(schema).serial).toBe(36);
    expect(schema.sequences).toStrictEqual([]);
    expect(schema.enums).toStrictEqual([]);
    // 427 comments: 68 on tables, 359 on columns (schema comments are not modelled).
    expect(schema.tables.filter((t) => t.comment !== undefined)).toHaveLength(68);
    expect(sum(schema, (t) => t.columns.filter((c) => c.comment !== undefined).length)).toBe(359);
  });

  test('NOT NULL domains with mixed-case names, and the extensions', () => {
    expect(schema.domains.map((d) => [d.name, d.dataType, d.notNull])).toStrictEqual([
      ['AccountNumber', 'character varying(15)', false],
      ['Flag', 'boolean', true],
      ['Name', 'character varying(50)', false],
      ['NameStyle', 'boolean', true],
      ['OrderNumber', 'character varying(25)', false],
      ['Phone', 'character varying(25)', false],
    ]);
    expect(schema.extensions).toStrictEqual([
      { name: 'plpgsql', schema: 'pg_catalog' },
      { name: 'tablefunc', schema: 'public' },
      { name: 'uuid-ossp', schema: 'public' },
    ]);
    const uuidDefaults = schema.tables
      .flatMap((t) => t.columns)
      .filter((c) => c.valueSource.kind === 'default' && c.valueSource.expression === 'public.uuid_generate_v1()');
    expect(uuidDefaults).toHaveLength(29);
  });

  test('views and materialized views are unmanaged; tablefunc’s own composite types are not listed', () => {
    expect(kinds(schema)).toStrictEqual({ view: 87, 'materialized view': 2 });
  });
});
