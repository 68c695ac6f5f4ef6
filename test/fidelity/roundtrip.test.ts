/**
 * Fidelity on real schemas: each sample schema is loaded into a database A and read into a model; the
 * plan from an empty database to that model is run on a fresh database B; B must read back as the same
 * model, hold the same DDL as A without its unmanaged objects (pg_dump), and `down` must empty it again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { diffSchemas } from '../../src/diff/diff';
import { planChanges, type Plan } from '../../src/plan/plan';
import { renderPlanSql } from '../../src/render/sql';
import type { Schema } from '../../src/schema/model';
import { createTestDatabase, execSql, querySql, type TestDatabase } from '../../src/testing/database';
import { dumpSchema } from '../diff/helpers/pgdump';
import {
  ADVENTUREWORKS,
  copyDatabase,
  features,
  type Fixture,
  loadFixture,
  managed,
  PAGILA,
  readModel,
  unmanagedMentioned,
} from './helpers';

const DROP_UNMANAGED = readFileSync(path.join(__dirname, 'drop-unmanaged.sql'), 'utf8');

/**
 * `ALTER TABLE … CLUSTER ON …` (pg_index.indisclustered) is a note for the next CLUSTER command, not
 * part of a table's definition, and the model does not hold it; AdventureWorks sets it on its PKs.
 */
const withoutClusterMarks = (dump: string): string => dump.replace(/^ALTER TABLE [^\n]* CLUSTER ON [^\n]*;\n\n/gm, '');

const USER_SCHEMAS_SQL = `
SELECT nspname AS name FROM pg_catalog.pg_namespace
WHERE nspname !~ '^pg_' AND nspname <> 'information_schema'
ORDER BY nspname COLLATE "C"`;

/** User relations and types left in a database: what `down` must take away entirely. */
const USER_OBJECTS_SQL = `
SELECT 'relation' AS kind, n.nspname || '.' || c.relname AS name FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
UNION ALL
SELECT 'type', n.nspname || '.' || t.typname FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
UNION ALL
SELECT 'schema', nspname FROM pg_catalog.pg_namespace
WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'public') AND nspname NOT LIKE 'pg_toast%'
  AND nspname NOT LIKE 'pg_temp%'
ORDER BY 1, 2`;

interface Expected {
  tables: number;
  /** The features of the fixture that the model holds (helpers.features), so that equality covers them. */
  features: ReturnType<typeof features>;
}

const PAGILA_FEATURES = {
  // "bıgınt" with a dotless ı; "year" with a CHECK.
  domains: ['bıgınt', 'year'],
  enums: ['mpaa_rating'],
  // Not OWNED BY their columns: the nextval() defaults stay defaults, the sequences free-standing.
  sequences: 13,
  extensions: ['plpgsql'],
  arrayColumns: 1,
  notableTypes: { 'public.mpaa_rating': 1, 'public.year': 1, tsvector: 1 },
  valueSources: { none: 48, default: 33 },
  comments: 0,
  checks: 0,
  foreignKeys: 18,
  // The tsvector column's full-text index is a GiST one.
  indexMethods: { btree: 14, gist: 1 },
};

const ADVENTUREWORKS_FEATURES = {
  domains: ['AccountNumber', 'Flag', 'Name', 'NameStyle', 'OrderNumber', 'Phone'],
  enums: [],
  sequences: 0,
  extensions: ['plpgsql', 'tablefunc', 'uuid-ossp'],
  arrayColumns: 0,
  notableTypes: {
    uuid: 29,
    xml: 7,
    'public."AccountNumber"': 2,
    'public."Flag"': 10,
    'public."Name"': 28,
    'public."NameStyle"': 1,
    'public."OrderNumber"': 1,
    'public."Phone"': 1,
  },
  valueSources: { none: 267, default: 153, serial: 36 },
  comments: 427,
  checks: 88,
  foreignKeys: 90,
  indexMethods: {},
};

describe.each<[string, Fixture, Expected]>([
  [PAGILA.name, PAGILA, { tables: 14, features: PAGILA_FEATURES }],
  [ADVENTUREWORKS.name, ADVENTUREWORKS, { tables: 68, features: ADVENTUREWORKS_FEATURES }],
])('%s', (_name, fixture, expected) => {
  let a: TestDatabase;
  let b: TestDatabase;
  let fromA: Schema;
  let emptyB: Schema;
  let plan: Plan;
  let fromB: Schema;

  beforeAll(async () => {
    [a, b] = await Promise.all([loadFixture(fixture), createTestDatabase(`ormdiff_fid_${fixture.name}_b`)]);
    [fromA, emptyB] = await Promise.all([readModel(a.url, fixture.schemas), readModel(b.url, fixture.schemas)]);
    // From B as it is (public and plpgsql exist in any new database) to everything A models.
    plan = planChanges(diffSchemas(emptyB, fromA));
    await execSql(b.url, renderPlanSql(plan, 'up'));
    fromB = await readModel(b.url, fixture.schemas);
  });
  afterAll(async () => {
    await Promise.all([a?.drop(), b?.drop()]);
  });

  test('the model rendered into an empty database reads back identical', async () => {
    // Read over every user schema the fixture has.
    const userSchemas = await querySql<{ name: string }>(a.url, USER_SCHEMAS_SQL);
    expect(userSchemas.map((r) => r.name)).toStrictEqual(fixture.schemas);
    expect(fromA.schemas).toStrictEqual(fixture.schemas);
    expect(fromA.tables).toHaveLength(expected.tables);
    expect(fromA.unmanaged.length).toBeGreaterThan(0);
    expect(features(fromA)).toStrictEqual(expected.features);
    // Extensions included: they are part of the model, so B got them too.
    expect(managed(fromB)).toStrictEqual(managed(fromA));
    expect(fromB.unmanaged).toStrictEqual([]);
  });

  test('no change is left between the two, either way', () => {
    expect(diffSchemas(fromA, fromB)).toStrictEqual([]);
    expect(diffSchemas(fromB, fromA)).toStrictEqual([]);
  });

  test('the plan builds only what the model holds', () => {
    expect(plan.changes.every((c) => /^(create|add|set)/.test(c.kind))).toBe(true);
    expect(
      unmanagedMentioned(
        plan.up.map((s) => s.sql),
        fromA.unmanaged,
      ),
    ).toStrictEqual([]);
  });

  test("B's DDL is A's without its unmanaged objects (pg_dump)", async () => {
    // A copy, so the other tests keep A whole.
    const stripped = await copyDatabase(a);
    try {
      await execSql(stripped.url, DROP_UNMANAGED);
      expect((await readModel(stripped.url, fixture.schemas)).unmanaged).toStrictEqual([]);
      const [strippedDump, builtDump] = await Promise.all([dumpSchema(stripped.url), dumpSchema(b.url)]);
      expect(builtDump).toContain('CREATE TABLE');
      expect(builtDump).toStrictEqual(withoutClusterMarks(strippedDump));
    } finally {
      await stripped.drop();
    }
  });

  // Last: it empties B.
  test('down takes B back to an empty database', async () => {
    await execSql(b.url, renderPlanSql(plan, 'down'));
    expect(managed(await readModel(b.url, fixture.schemas))).toStrictEqual(managed(emptyB));
    expect(await querySql(b.url, USER_OBJECTS_SQL)).toStrictEqual([]);
  });
});
