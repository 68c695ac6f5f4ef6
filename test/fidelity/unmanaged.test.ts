/**
 * Unmanaged objects are never proposed for dropping: with the sample schemas loaded (views, materialized
 * views, functions, triggers, partitions), plans that keep, drop one or drop every modelled table never
 * name a view, routine, trigger or partition, and run (or refuse to run) without taking one along.
 */
import type { Client } from 'pg';
import { withConnection } from '../../src/db/connect';
import type { Change } from '../../src/diff/changes';
import { diffSchemas } from '../../src/diff/diff';
import { introspect } from '../../src/introspect';
import { planChanges, type Plan } from '../../src/plan/plan';
import { qualifiedKey, qualifiedText, type QualifiedName, type Schema } from '../../src/schema/model';
import { quoteQualified } from '../../src/sql/quote';
import type { TestDatabase } from '../../src/testing/database';
import {
  ADVENTUREWORKS,
  type Fixture,
  loadFixture,
  managed,
  PAGILA,
  readModel,
  unmanagedMentioned,
  unmanagedTouched,
  withoutTables,
} from './helpers';

interface Case {
  /** A table no view, routine, trigger of another table or partition depends on (pagila has one, AdventureWorks none). */
  independent?: QualifiedName;
  /** A table that views are built on. */
  underViews: QualifiedName;
}

/** Views and materialized views whose query reads the table, and foreign keys into it from unmanaged relations. */
const DEPENDENTS_SQL = `
SELECT DISTINCT v.oid::pg_catalog.regclass::text AS name FROM pg_catalog.pg_depend d
JOIN pg_catalog.pg_rewrite r ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND r.oid = d.objid
JOIN pg_catalog.pg_class v ON v.oid = r.ev_class
WHERE d.refobjid = $1::pg_catalog.regclass AND v.oid <> d.refobjid
UNION
SELECT k.conrelid::pg_catalog.regclass::text FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
WHERE k.confrelid = $1::pg_catalog.regclass AND (c.relispartition OR c.relkind <> 'r')
ORDER BY 1`;

const dependents = (client: Client, table: QualifiedName): Promise<string[]> =>
  client.query(DEPENDENTS_SQL, [quoteQualified(table)]).then((r) => r.rows.map((row: { name: string }) => row.name));

const sameTable = (a: QualifiedName) => (b: QualifiedName) => qualifiedKey(a) === qualifiedKey(b);

const statementsOf = (plan: Plan): string[] => [...plan.up, ...plan.down].map((s) => s.sql);

/** The changes that drop `table`: the foreign keys on it or into it, then the table. */
function expectedDrop(model: Schema, table: QualifiedName): string[] {
  const foreignKeys = model.tables.flatMap((t) =>
    t.foreignKeys
      .filter((fk) => sameTable(table)(t) || sameTable(table)(fk.references))
      .map((fk) => `dropForeignKey ${t.schema}.${t.name}.${fk.name}`),
  );
  return [...foreignKeys.sort(), `dropTable ${qualifiedText(table)}`];
}

const describeChange = (c: Change): string =>
  c.kind === 'dropForeignKey'
    ? `${c.kind} ${c.table.schema}.${c.table.name}.${c.foreignKey.name}`
    : c.kind === 'dropTable'
      ? `${c.kind} ${qualifiedText(c.table)}`
      : c.kind;

/** Runs the plan's statements in a transaction that is rolled back, and reads the database as they left it. */
async function tryPlan(client: Client, plan: Plan, schemas: string[]): Promise<Schema> {
  await client.query('BEGIN');
  try {
    for (const statement of plan.up) await client.query(statement.sql);
    return (await introspect(client, { schemas, inTransaction: true })).schema;
  } finally {
    await client.query('ROLLBACK');
  }
}

describe.each<[string, Fixture, Case]>([
  [
    PAGILA.name,
    PAGILA,
    { independent: { schema: 'public', name: 'language' }, underViews: { schema: 'public', name: 'film_actor' } },
  ],
  [ADVENTUREWORKS.name, ADVENTUREWORKS, { underViews: { schema: 'production', name: 'productdocument' } }],
])('%s', (_name, fixture, tables) => {
  let db: TestDatabase;
  let model: Schema;

  beforeAll(async () => {
    db = await loadFixture(fixture);
    model = await readModel(db.url, fixture.schemas);
  });
  afterAll(async () => {
    await db?.drop();
  });

  test('a desired model equal to the database asks for nothing', async () => {
    // A desired model (from entities) reports no unmanaged objects of its own.
    const desired: Schema = { ...structuredClone(model), unmanaged: [] };
    const changes = diffSchemas(await readModel(db.url, fixture.schemas), desired);
    expect(changes).toStrictEqual([]);
    expect(planChanges(changes).up).toStrictEqual([]);
  });

  test('removing a table nothing unmanaged depends on drops that table and its foreign keys only', async () => {
    if (tables.independent === undefined) {
      // AdventureWorks has a view over every table: the premise of this test holds for none of them.
      await withConnection(db.url, async (client) => {
        for (const t of model.tables) expect(await dependents(client, t)).not.toStrictEqual([]);
      });
      return;
    }
    const table = tables.independent;
    const desired = withoutTables(model, sameTable(table));
    const plan = planChanges(diffSchemas(model, desired), { unmanaged: model.unmanaged });
    expect(plan.warnings.filter((w) => w.code === 'DS105')).toStrictEqual([]);

    expect(plan.changes.map(describeChange).sort()).toStrictEqual(expectedDrop(model, table));
    expect(plan.changes.filter((c) => c.kind === 'dropForeignKey')).not.toStrictEqual([]);
    expect(unmanagedMentioned(statementsOf(plan), model.unmanaged)).toStrictEqual([]);

    await withConnection(db.url, async (client) => {
      expect(await dependents(client, table)).toStrictEqual([]);
      const after = await tryPlan(client, plan, fixture.schemas);
      expect(managed(after)).toStrictEqual(managed(desired));
      // Only the table's own triggers went, with it, as Postgres does.
      const ownTriggers = model.unmanaged.filter((u) => u.kind === 'trigger' && u.table === table.name);
      expect(ownTriggers).not.toStrictEqual([]);
      expect(after.unmanaged).toStrictEqual(model.unmanaged.filter((u) => !ownTriggers.includes(u)));
    });
  });

  test('a table that views are built on is not dropped with them: the plan stops instead, as DS105 says', async () => {
    const table = tables.underViews;
    const plan = planChanges(diffSchemas(model, withoutTables(model, sameTable(table))), { unmanaged: model.unmanaged });
    const flagged = plan.warnings.filter((w) => w.code === 'DS105');
    expect(flagged.map((w) => [w.severity, w.object])).toStrictEqual([['error', qualifiedText(table)]]);

    expect(plan.changes.map(describeChange).sort()).toStrictEqual(expectedDrop(model, table));
    expect(unmanagedMentioned(statementsOf(plan), model.unmanaged)).toStrictEqual([]);
    expect(
      statementsOf(plan).filter((sql) => /\bCASCADE\b/.test(sql.replace(/ON (DELETE|UPDATE) CASCADE/g, ''))),
    ).toStrictEqual([]);

    await withConnection(db.url, async (client) => {
      const views = await dependents(client, table);
      expect(views.length).toBeGreaterThan(0);
      // Every view the catalog ties to the table is named (regclass prints public names bare).
      for (const view of views) expect(flagged[0].message).toContain(view.includes('.') ? view : `public.${view}`);
      // Postgres refuses DROP TABLE without CASCADE while views read the table.
      await expect(tryPlan(client, plan, fixture.schemas)).rejects.toMatchObject({ code: '2BP01' });
      expect(await readModel(db.url, fixture.schemas)).toStrictEqual(model);
    });
  });

  test('removing every table: no change is about an unmanaged object, no statement names one', () => {
    const desired = withoutTables(model, () => true);
    const changes = diffSchemas(model, desired);
    const plan = planChanges(changes);

    expect(changes.filter((c) => c.kind === 'dropTable')).toHaveLength(model.tables.length);
    expect([...new Set(changes.map((c) => c.kind))].sort()).toStrictEqual(['dropForeignKey', 'dropTable']);
    expect(changes.flatMap((c) => unmanagedTouched(c, model.unmanaged))).toStrictEqual([]);
    expect(unmanagedMentioned(statementsOf(plan), model.unmanaged)).toStrictEqual([]);
  });

  test('the two checks above do see an unmanaged object when a change is about one', () => {
    // Every kind the fixture has, as a change would name it, so the empty results above mean something.
    const probes = model.unmanaged.filter((u, i, all) => all.findIndex((o) => o.kind === u.kind) === i);
    expect(probes.length).toBeGreaterThanOrEqual(2);
    for (const u of probes) {
      const on: QualifiedName = { schema: u.schema, name: u.table ?? u.name };
      const table = { ...on, columns: [], foreignKeys: [], uniques: [], checks: [], exclusions: [], indexes: [] };
      const change: Change =
        u.table === undefined
          ? { kind: 'dropTable', table }
          : {
              kind: 'dropIndex',
              table: on,
              index: {
                name: u.name,
                unique: false,
                method: 'btree',
                elements: [],
                include: [],
                nullsNotDistinct: false,
              },
            };
      expect(unmanagedTouched(change, model.unmanaged)).toContainEqual(u);
      expect(
        unmanagedMentioned(
          planChanges([change]).up.map((s) => s.sql),
          model.unmanaged,
        ),
      ).toContainEqual(u);
    }
  });
});
