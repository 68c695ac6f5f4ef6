/**
 * Normalization by distinct item (src/normalize): Postgres spells each distinct type, default, CHECK,
 * index and generated expression once, in the same number of round trips for 3 tables or 60; what it
 * printed is cached on disk so the next run asks nothing; a database in step needs no scratch work;
 * and after applying, a second diff is empty. Real Postgres throughout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import { connect, roundTripCount } from '../../src/db/connect';
import { diffSchemas } from '../../src/diff/diff';
import { UsageError } from '../../src/errors';
import { introspect } from '../../src/introspect';
import { fileCache, memoryCache } from '../../src/normalize/cache';
import { normalizeDesired } from '../../src/normalize/normalize';
import { planChanges } from '../../src/plan/plan';
import { renderPlanSql } from '../../src/render/sql';
import { emptySchema, type Column, type Schema, type Table } from '../../src/schema/model';
import { createTestDatabase, execSql, querySql, type TestDatabase } from '../../src/testing/database';

const column = (name: string, dataType: string, extra: Partial<Column> = {}): Column => ({
  name,
  dataType,
  arrayDims: 0,
  nullable: false,
  valueSource: { kind: 'none' },
  ...extra,
});
const withDefault = (expression: string) => ({ valueSource: { kind: 'default' as const, expression } });

/** A table as TypeORM's metadata spells it: `'0'`, `now()`, `'{}'`, unparenthesized CHECK and WHERE. */
function entityTable(i: number): Table {
  const name = `t${String(i).padStart(3, '0')}`;
  return {
    schema: 'public',
    name,
    columns: [
      column('id', 'uuid', withDefault('gen_random_uuid()')),
      column('name', 'character varying(120)', withDefault("''")),
      column('qty', 'integer', withDefault("'0'")),
      column('price', 'numeric(10,2)', withDefault('0')),
      column('created_at', 'timestamp with time zone', withDefault('now()')),
      column('tags', 'text', { arrayDims: 1, ...withDefault("'{}'") }),
      column('deleted_at', 'timestamp with time zone', { nullable: true }),
      column('total', 'numeric(12,2)', { nullable: true, valueSource: { kind: 'generated', expression: '"price" * "qty"' } }),
    ],
    primaryKey: { name: `PK_${name}`, columns: ['id'] },
    foreignKeys: [],
    uniques: [],
    checks: [{ name: `CHK_${name}_qty`, expression: '("qty" >= 0)' }],
    exclusions: [],
    indexes: [
      {
        name: `IDX_${name}_live`,
        unique: false,
        method: 'btree',
        elements: [{ kind: 'column', value: 'name', descending: false }],
        include: [],
        where: '"deleted_at" IS NULL',
        nullsNotDistinct: false,
      },
      {
        name: `IDX_${name}_lower`,
        unique: false,
        method: 'btree',
        elements: [{ kind: 'expression', value: 'lower("name")', descending: false }],
        include: [],
        nullsNotDistinct: false,
      },
    ],
  };
}

const model = (n: number): Schema => ({ ...emptySchema(['public']), tables: Array.from({ length: n }, (_, i) => entityTable(i)) });

/** Round trips to the server made by `fn` (connect's counter: every query of a client it opened). */
async function roundTrips<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const before = roundTripCount();
  const value = await fn();
  return [roundTripCount() - before, value];
}

let db: TestDatabase;
let client: Client;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase('ormdiff_norm');
  client = await connect(db.url);
  dir = mkdtempSync(join(tmpdir(), 'ormdiff-normalize-'));
});
afterAll(async () => {
  await client?.end();
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('normalization by distinct item', () => {
  it('spells every table as Postgres stores it', async () => {
    const { schema } = await normalizeDesired(client, model(2), emptySchema(['public']));
    const t = schema.tables[1];
    const source = (name: string) => t.columns.find((c) => c.name === name)!.valueSource;
    expect(source('qty')).toEqual({ kind: 'default', expression: '0' });
    expect(source('name')).toEqual({ kind: 'default', expression: "''::character varying" });
    expect(source('tags')).toEqual({ kind: 'default', expression: "'{}'::text[]" });
    expect(source('total')).toEqual({ kind: 'generated', expression: '(price * (qty)::numeric)' });
    expect(source('id')).toEqual({ kind: 'default', expression: 'gen_random_uuid()' });
    expect(t.checks).toEqual([{ name: 'CHK_t001_qty', expression: '((qty >= 0))' }]);
    expect(t.indexes[0].where).toBe('(deleted_at IS NULL)');
    expect(t.indexes[1].elements).toEqual([{ kind: 'expression', value: 'lower(name::text)', descending: false }]);
    // Names and keys stay the entity's.
    expect(t.name).toBe('t001');
    expect(t.primaryKey).toEqual({ name: 'PK_t001', columns: ['id'] });
  });

  it('takes the same round trips and spells the same distinct items for 3 tables as for 60', async () => {
    const [small, few] = await roundTrips(() => normalizeDesired(client, model(3), emptySchema(['public']), memoryCache()));
    const [large, many] = await roundTrips(() => normalizeDesired(client, model(60), emptySchema(['public']), memoryCache()));
    expect(many.normalizedTables).toBe(60);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
    expect(many.spelledItems).toBe(few.spelledItems);
    // Every table came back with the same spelling as the first.
    const strip = (t: Table) => JSON.stringify(t).replace(/t\d{3}/g, 'T');
    expect(new Set(many.schema.tables.map(strip)).size).toBe(1);
    // Nothing of the scratch work is left behind.
    expect(await querySql(db.url, "SELECT 1 FROM pg_namespace WHERE nspname = 'ormdiff_normalize'")).toEqual([]);
  });

  it('spells hundreds of distinct column items (an enum type per table, none in the database) in the round trips of three', async () => {
    // Each table's enum column is an item of its own, so the items fill several scratch tables, and every
    // type is a temporary stand-in whose name is mapped back in each printed default.
    const enumModel = (n: number): Schema => {
      const base = model(n);
      const enums = base.tables.map((t) => ({ schema: 'public', name: `${t.name}_status`, values: ['draft', 'live'] }));
      const tables = base.tables.map((t, i) => ({
        ...t,
        columns: [
          ...t.columns,
          column('status', `public.${enums[i].name}`, { enumType: { schema: 'public', name: enums[i].name }, ...withDefault("'draft'") }),
        ],
      }));
      return { ...base, enums, tables };
    };
    const [few] = await roundTrips(() => normalizeDesired(client, enumModel(3), emptySchema(['public']), memoryCache()));
    const [many, result] = await roundTrips(() => normalizeDesired(client, enumModel(250), emptySchema(['public']), memoryCache()));
    expect(many).toBe(few);
    expect(result.spelledItems).toBeGreaterThan(250);
    for (const t of result.schema.tables) {
      expect(t.columns.find((c) => c.name === 'status')?.valueSource).toEqual({ kind: 'default', expression: `'draft'::public.${t.name}_status` });
    }
  });

  it('asks Postgres nothing the next run when the cache file has it; the plan applied, a second diff is empty', async () => {
    const file = join(dir, '.ormdiff', 'normalize-cache.json');
    const desired = model(5);
    const { schema: empty } = await introspect(client, { schemas: ['public'] });
    const [first, firstRun] = await roundTrips(() => normalizeDesired(client, desired, empty, fileCache(file)));
    expect(first).toBeGreaterThan(0);
    expect(firstRun.spelledItems).toBeGreaterThan(0);

    await execSql(db.url, renderPlanSql(planChanges(diffSchemas(empty, firstRun.schema)), 'up'));
    const { schema: actual } = await introspect(client, { schemas: ['public'] });

    const [second, secondRun] = await roundTrips(() => normalizeDesired(client, desired, actual, fileCache(file)));
    expect(second).toBe(0);
    expect(secondRun.spelledItems).toBe(0);
    expect(diffSchemas(actual, secondRun.schema)).toEqual([]);

    // Without the file, the same database costs the scratch work again: the cache is what saved it.
    const [uncached] = await roundTrips(() => normalizeDesired(client, desired, actual, memoryCache()));
    expect(uncached).toBeGreaterThan(0);
  });

  it('names the entity table whose definition Postgres rejects, and leaves the database as it was', async () => {
    const bad = model(4);
    bad.tables[2] = { ...bad.tables[2], columns: [...bad.tables[2].columns, column('odd', 'integer', withDefault('no_such_function()'))] };
    const before = await querySql(db.url, "SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace");
    const error = await normalizeDesired(client, bad, emptySchema(['public']), memoryCache()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/^entity table public\.t002: Postgres rejects its definition: function no_such_function\(\) does not exist$/);
    expect(await querySql(db.url, "SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace")).toEqual(before);
    expect(await querySql(db.url, "SELECT 1 FROM pg_namespace WHERE nspname = 'ormdiff_normalize'")).toEqual([]);
  });
});
