/**
 * DS105 on a real database: what views, materialized views and rules depend on is read from the
 * catalog exactly, the warning names them for the changes Postgres refuses (and only those), and the
 * plans it flags do fail as it says while the others run.
 */
import { Client } from 'pg';
import { diffAndPlan } from '../../src/api/plan';
import { parseHints, type HintTexts } from '../../src/api/hints';
import { diffSchemas } from '../../src/diff/diff';
import { introspect } from '../../src/introspect';
import { planChanges, type Plan } from '../../src/plan/plan';
import type { Column, Schema, Table } from '../../src/schema/model';
import { createTestDatabase, type TestDatabase } from '../../src/testing/database';

const SETUP = `
CREATE TYPE mood AS ENUM ('ok', 'meh', 'bad');
CREATE TABLE orders (id integer PRIMARY KEY, customer text, total integer, note text, status mood);
CREATE TABLE lines (id integer PRIMARY KEY, qty integer, sku text);
CREATE TABLE audit (qty integer);
INSERT INTO orders VALUES (1, 'ann', 250, 'n', 'ok'), (2, 'bob', 50, NULL, 'bad');
CREATE VIEW order_totals AS SELECT id, customer, total FROM orders;
CREATE VIEW big_orders AS SELECT id FROM order_totals WHERE total > 100;
CREATE MATERIALIZED VIEW order_status AS SELECT status, count(*) AS n FROM orders GROUP BY status;
CREATE VIEW line_count AS SELECT count(*) AS n FROM lines;
CREATE RULE lines_audit AS ON INSERT TO lines DO ALSO INSERT INTO audit (qty) VALUES (NEW.qty);
CREATE FUNCTION answer() RETURNS integer LANGUAGE sql AS 'SELECT 42';
`;

let db: TestDatabase;
let client: Client;
let actual: Schema;

beforeAll(async () => {
  db = await createTestDatabase('ormdiff_dependents');
  client = new Client({ connectionString: db.url });
  await client.connect();
  await client.query(SETUP);
  actual = (await introspect(client, { schemas: ['public'] })).schema;
});
afterAll(async () => {
  await client?.end();
  await db?.drop();
});

const orders = { schema: 'public', name: 'orders' };
const lines = { schema: 'public', name: 'lines' };

test('each view, materialized view and rule records the tables, views and columns it reads directly', async () => {
  expect(actual.unmanaged).toStrictEqual([
    { kind: 'function', schema: 'public', name: 'answer' },
    // Built on a view: the view is recorded, not the table under it.
    { kind: 'view', schema: 'public', name: 'big_orders', dependsOn: [{ table: { schema: 'public', name: 'order_totals' }, columns: ['id', 'total'] }] },
    // count(*) uses the table as a whole: no column.
    { kind: 'view', schema: 'public', name: 'line_count', dependsOn: [{ table: lines, columns: [] }] },
    // A rule reads its own table's columns (NEW.qty) and the table its action writes.
    {
      kind: 'rule',
      schema: 'public',
      name: 'lines_audit',
      table: 'lines',
      dependsOn: [
        { table: { schema: 'public', name: 'audit' }, columns: ['qty'] },
        { table: lines, columns: ['qty'] },
      ],
    },
    { kind: 'materialized view', schema: 'public', name: 'order_status', dependsOn: [{ table: orders, columns: ['status'] }] },
    { kind: 'view', schema: 'public', name: 'order_totals', dependsOn: [{ table: orders, columns: ['customer', 'id', 'total'] }] },
  ]);
  expect((await introspect(client, { schemas: ['public'] })).schema).toStrictEqual(actual);
});

// --- Desired models: the database's, with one edit. ---

const desiredOf = (edit: (tables: Table[]) => Table[]): Schema => {
  const copy = structuredClone(actual);
  return { ...copy, tables: edit(copy.tables), unmanaged: [] };
};
const onTable = (name: string, edit: (t: Table) => Table) => (tables: Table[]) => tables.map((t) => (t.name === name ? edit(t) : t));
const withoutTable = (name: string) => (tables: Table[]) => tables.filter((t) => t.name !== name);
const withoutColumn = (table: string, column: string) => onTable(table, (t) => ({ ...t, columns: t.columns.filter((c) => c.name !== column) }));
const editColumn = (table: string, column: string, edit: (c: Column) => Column) =>
  onTable(table, (t) => ({ ...t, columns: t.columns.map((c) => (c.name === column ? edit(c) : c)) }));

const plan = async (desired: Schema, hints: HintTexts = {}): Promise<Plan> =>
  (await diffAndPlan(client, actual, desired, { hints: parseHints(hints), detectRenames: false })).plan;

const ds105 = (p: Plan) => p.warnings.filter((w) => w.code === 'DS105').map((w) => [w.severity, w.object, w.message]);

/** Runs `up` in a transaction that is rolled back: undefined when every statement ran, else the SQLSTATE. */
async function run(p: Plan): Promise<string | undefined> {
  await client.query('BEGIN');
  try {
    for (const s of p.up) await client.query(s.sql);
    // A renamed table or column is still what the views read.
    await client.query('SELECT * FROM big_orders, order_totals');
    return undefined;
  } catch (error) {
    return (error as { code: string }).code;
  } finally {
    await client.query('ROLLBACK');
  }
}

describe('flagged changes fail as the warning says', () => {
  test.each<[string, () => Schema, HintTexts, string[], string]>([
    [
      'drop a table views read (the view built on the view too)',
      () => desiredOf(withoutTable('orders')),
      {},
      ['public.orders', 'drop table public.orders: views public.big_orders, public.order_totals and materialized view public.order_status depend on it; Postgres will refuse (2BP01)'],
      '2BP01',
    ],
    [
      'drop a column a view reads',
      () => desiredOf(withoutColumn('orders', 'customer')),
      {},
      ['public.orders.customer', 'drop column public.orders.customer: views public.big_orders, public.order_totals depend on it; Postgres will refuse (2BP01)'],
      '2BP01',
    ],
    [
      'change the type of a column a view reads',
      () => desiredOf(editColumn('orders', 'total', (c) => ({ ...c, dataType: 'bigint' }))),
      {},
      ['public.orders.total', 'type change public.orders.total: views public.big_orders, public.order_totals depend on it; Postgres will refuse (0A000)'],
      '0A000',
    ],
    [
      'drop a table only counted by a view',
      () => desiredOf(withoutTable('lines')),
      {},
      ['public.lines', 'drop table public.lines: view public.line_count depends on it; Postgres will refuse (2BP01)'],
      '2BP01',
    ],
    [
      'drop a column a rule on its own table reads',
      () => desiredOf(withoutColumn('lines', 'qty')),
      {},
      ['public.lines.qty', 'drop column public.lines.qty: rule lines_audit on public.lines depends on it; Postgres will refuse (2BP01)'],
      '2BP01',
    ],
    [
      'drop the table a rule on another table writes to',
      () => desiredOf(withoutTable('audit')),
      {},
      ['public.audit', 'drop table public.audit: rule lines_audit on public.lines depends on it; Postgres will refuse (2BP01)'],
      '2BP01',
    ],
    [
      'recreate an enum whose column a materialized view reads',
      () => ({ ...desiredOf((t) => t), enums: [{ schema: 'public', name: 'mood', values: ['ok', 'bad'] }] }),
      {},
      [
        'public.mood',
        'recreate enum public.mood: materialized view public.order_status depends on public.orders.status, converted to the new type; Postgres will refuse (0A000)',
      ],
      '0A000',
    ],
  ])('%s', async (_name, desired, hints, [object, message], code) => {
    const p = await plan(desired(), hints);
    expect(ds105(p)).toStrictEqual([['error', object, message]]);
    expect(await run(p)).toBe(code);
    // The option is what carries the catalog's knowledge: the same changes planned without it say nothing.
    expect(ds105(planChanges(p.changes))).toStrictEqual([]);
  });
});

describe('changes no view, materialized view or rule stands in the way of run, unflagged', () => {
  test.each<[string, () => Schema, HintTexts, string[]]>([
    ['drop a column no view reads', () => desiredOf(withoutColumn('orders', 'note')), {}, ['dropColumn']],
    [
      'change the type of a column no view reads',
      () => desiredOf(editColumn('orders', 'note', (c) => ({ ...c, dataType: 'character varying(20)' }))),
      {},
      ['alterColumnType'],
    ],
    // line_count counts rows: the table's columns are free to go.
    ['drop a column of a table a view only counts', () => desiredOf(withoutColumn('lines', 'sku')), {}, ['dropColumn']],
    // Postgres rewrites views and rules to follow renames.
    [
      'rename a column views read, and the table',
      () => desiredOf(onTable('orders', (t) => ({ ...t, name: 'purchases', columns: t.columns.map((c) => (c.name === 'total' ? { ...c, name: 'amount' } : c)) }))),
      { renames: ['table:orders=purchases', 'purchases.total=amount'] },
      ['renameTable', 'renameColumn'],
    ],
    ['add a value to the enum a materialized view reads', () => ({ ...desiredOf((t) => t), enums: [{ schema: 'public', name: 'mood', values: ['ok', 'meh', 'bad', 'great'] }] }), {}, ['addEnumValue']],
  ])('%s', async (_name, desired, hints, kinds) => {
    const p = await plan(desired(), hints);
    expect(p.changes.map((c) => c.kind)).toStrictEqual(kinds);
    expect(ds105(p)).toStrictEqual([]);
    expect(await run(p)).toBeUndefined();
  });
});

test('without what the catalog says, the same plans are not flagged (a desired model holds no unmanaged objects)', () => {
  const changes = diffSchemas(actual, desiredOf(withoutTable('orders')));
  expect(ds105(planChanges(changes, { unmanaged: [] }))).toStrictEqual([]);
  expect(ds105(planChanges(changes, { unmanaged: actual.unmanaged }))).toHaveLength(1);
});
