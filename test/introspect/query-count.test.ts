/** The introspector's round trips do not grow with the schema: 3 tables and 300 tables cost the same. */
import { introspect, type Queryable } from '../../src/introspect';
import { connectFresh, type Connected } from './helpers';

/** n tables, each with the things that have their own catalog rows: serial, FK, unique, check, index, comment. */
function tablesSql(n: number): string {
  const statements: string[] = [];
  for (let i = 1; i <= n; i++) {
    const parent = i > 1 ? `, parent_id integer REFERENCES t${i - 1} (id)` : '';
    statements.push(
      `CREATE TABLE t${i} (id serial PRIMARY KEY, name text UNIQUE, qty integer CHECK (qty > 0)${parent});`,
      `CREATE INDEX t${i}_qty ON t${i} (qty DESC);`,
      `COMMENT ON TABLE t${i} IS 'table ${i}';`,
    );
  }
  return statements.join('\n');
}

/** Counts every statement sent, not just what introspect() reports, so a hidden per-table query would show. */
async function countedRead(client: Queryable): Promise<{ sent: number; reported: number; tables: number }> {
  let sent = 0;
  const counting: Queryable = { query: (sql, params) => (sent++, client.query(sql, params)) };
  const { schema, queryCount } = await introspect(counting, { schemas: ['public'] });
  return { sent, reported: queryCount, tables: schema.tables.length };
}

let small: Connected;
let large: Connected;

beforeAll(async () => {
  [small, large] = await Promise.all([
    connectFresh('ormdiff_introspect_small'),
    connectFresh('ormdiff_introspect_large'),
  ]);
  await small.client.query(tablesSql(3));
  await large.client.query(tablesSql(300));
});

afterAll(async () => {
  await Promise.all([small?.close(), large?.close()]);
});

test('the same number of queries for 3 tables as for 300', async () => {
  const few = await countedRead(small.client);
  const many = await countedRead(large.client);
  expect(few.tables).toBe(3);
  expect(many.tables).toBe(300);
  expect(many.sent).toBe(few.sent);
  expect(many.reported).toBe(few.reported);
  // 11 catalog queries, plus BEGIN, the search_path setting and COMMIT.
  expect(few.reported).toBe(11);
  expect(few.sent).toBe(14);
});

test('the large schema is read whole: every FK, unique, check, index and comment', async () => {
  const { schema } = await introspect(large.client, { schemas: ['public'] });
  const t300 = schema.tables.find((t) => t.name === 't300')!;
  expect(t300.columns.map((c) => c.name)).toStrictEqual(['id', 'name', 'qty', 'parent_id']);
  expect(t300.foreignKeys.map((fk) => fk.references.name)).toStrictEqual(['t299']);
  expect(
    schema.tables.reduce(
      (sum, t) => sum + t.foreignKeys.length + t.uniques.length + t.checks.length + t.indexes.length,
      0,
    ),
  ).toBe(299 + 300 * 3);
  expect(schema.tables.filter((t) => t.comment === `table ${t.name.slice(1)}`)).toHaveLength(300);
  // Sorted by name in code-unit order: t1, t10, t100, …
  expect(schema.tables.slice(0, 3).map((t) => t.name)).toStrictEqual(['t1', 't10', 't100']);
  expect(schema.sequences).toStrictEqual([]);
});

test('without the uses (a replay step): the same model, no uses, one query fewer', async () => {
  await small.client.query('CREATE VIEW t1_names AS SELECT name FROM t1');
  try {
    const full = await introspect(small.client, { schemas: ['public'] });
    const lean = await introspect(small.client, { schemas: ['public'], uses: false });
    expect(full.uses.length).toBeGreaterThan(0);
    expect(lean.uses).toEqual([]);
    expect(lean.schema).toEqual(full.schema);
    expect(lean.queryCount).toBe(full.queryCount - 1);
  } finally {
    await small.client.query('DROP VIEW t1_names');
  }
});

test('prepared: the same schema, each catalog query parsed once per connection however often it reads', async () => {
  const plain = await introspect(small.client, { schemas: ['public'], uses: false });
  const first = await introspect(small.client, { schemas: ['public'], uses: false, prepared: true });
  const statements = async () =>
    (await small.client.query(`SELECT name FROM pg_catalog.pg_prepared_statements WHERE name LIKE 'ormdiff\\_%' ORDER BY name`)).rows.map((r: { name: string }) => r.name);
  const prepared = await statements();
  expect(prepared.length).toBe(first.queryCount);
  // A table more, read again on the same connection: the new table is seen, no statement is prepared again.
  await small.client.query('CREATE TABLE t_extra (id integer PRIMARY KEY)');
  try {
    const again = await introspect(small.client, { schemas: ['public'], uses: false, prepared: true });
    expect(first.schema).toEqual(plain.schema);
    expect(again.schema.tables.map((t) => t.name)).toEqual([...plain.schema.tables.map((t) => t.name), 't_extra'].sort());
    expect(await statements()).toEqual(prepared);
    const executions = (await small.client.query(`SELECT min(generic_plans + custom_plans)::int AS n FROM pg_catalog.pg_prepared_statements WHERE name LIKE 'ormdiff\\_%'`)).rows[0].n;
    expect(executions).toBe(2);
  } finally {
    await small.client.query('DROP TABLE t_extra');
  }
});
