/** The FactSource over Postgres: each fact counted on known rows, read-only, and robust to facts it cannot count. */
import { Client } from 'pg';
import { countFacts, withFactSource } from '../../src/facts/count';
import { type Fact, factKey } from '../../src/plan/facts';
import { createTestDatabase, execSql, type TestDatabase } from '../../src/testing/database';

const t = (name: string) => ({ schema: 'public', name });

let db: TestDatabase;
let client: Client;
beforeAll(async () => {
  db = await createTestDatabase('ormdiff_facts');
  await execSql(
    db.url,
    `CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
     CREATE TABLE parents (id integer PRIMARY KEY, a integer, b integer);
     INSERT INTO parents VALUES (1, 1, 1), (2, 2, 2);
     CREATE TABLE kids (id integer, pid integer, x integer, y integer, name text, code text, price numeric(10,3), m mood, ms mood[]);
     -- (x, y) against parents (a, b): (1,1) and (2,2) match; (1,NULL), (5,NULL), (NULL,1) are partly NULL.
     INSERT INTO kids VALUES
       (1, 1, 1, 1, 'ann', '10', 1.250, 'sad', '{sad,ok}'),
       (2, 1, 1, NULL, 'ann', 'x', 2.000, 'ok', '{happy}'),
       (3, 9, 2, 2, NULL, '7', 3.333, NULL, NULL),
       (4, NULL, 5, NULL, 'bob', NULL, NULL, 'sad', '{}'),
       (5, 8, NULL, 1, NULL, 'y', 4.5, 'happy', '{sad}');`,
  );
  client = new Client({ connectionString: db.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await db?.drop();
});

const FACTS: Array<[string, Fact, number]> = [
  ['rows', { kind: 'rows', table: t('kids') }, 5],
  ['nulls', { kind: 'nulls', table: t('kids'), column: 'name' }, 2],
  ['non-nulls', { kind: 'nonNulls', table: t('kids'), column: 'code' }, 4],
  ['duplicates, NULLs distinct', { kind: 'duplicates', table: t('kids'), keys: ['"name"'], nullsDistinct: true }, 2],
  ['duplicates, NULLs not distinct', { kind: 'duplicates', table: t('kids'), keys: ['"name"'], nullsDistinct: false }, 4],
  ['duplicates over an expression with a predicate', { kind: 'duplicates', table: t('kids'), keys: ['(x % 2)'], nullsDistinct: true, where: 'id < 5' }, 3],
  ['orphans, MATCH SIMPLE', { kind: 'orphans', table: t('kids'), columns: ['pid'], references: { ...t('parents'), columns: ['id'] }, match: 'SIMPLE' }, 2],
  ['orphans over two columns, MATCH SIMPLE', { kind: 'orphans', table: t('kids'), columns: ['x', 'y'], references: { ...t('parents'), columns: ['a', 'b'] }, match: 'SIMPLE' }, 0],
  ['orphans over two columns, MATCH FULL', { kind: 'orphans', table: t('kids'), columns: ['x', 'y'], references: { ...t('parents'), columns: ['a', 'b'] }, match: 'FULL' }, 3],
  ['CHECK violations (NULL passes)', { kind: 'violations', table: t('kids'), expression: '(price < 3)' }, 2],
  ['enum value uses, per column, scalars and arrays', { kind: 'enumValueUses', type: t('mood'), value: 'sad' }, 4],
  ['cast failures (row by row after a failing set)', { kind: 'castFailures', table: t('kids'), column: 'code', expression: '"code"::integer' }, 2],
  ['cast failures (none: all rows at once)', { kind: 'castFailures', table: t('kids'), column: 'price', expression: '"price"::numeric(10,1)' }, 0],
  ['changed values (rounding)', { kind: 'castChanges', table: t('kids'), column: 'price', expression: '"price"::numeric(10,1)', sourceType: 'numeric(10,3)' }, 2],
  ['changed values where some rows also fail', { kind: 'castChanges', table: t('kids'), column: 'code', expression: '"code"::smallint', sourceType: 'text' }, 0],
];

test.each(FACTS)('%s', async (_name, fact, n) => {
  expect(await withFactSource(client, (source) => source.count(fact))).toBe(n);
});

test('counting changes nothing, and a fact that cannot be counted is left out while the others are counted', async () => {
  const bad: Fact = { kind: 'violations', table: t('kids'), expression: '(no_such_column > 0)' };
  // A conversion to a type that does not exist yet fails on every row, but is no count of failing rows.
  const unplannable: Fact = { kind: 'castFailures', table: t('kids'), column: 'code', expression: '"code"::public.not_yet_created' };
  const good: Fact = { kind: 'rows', table: t('parents') };
  const counts = await withFactSource(client, (source) => countFacts([bad, unplannable, good, { kind: 'rows', table: t('missing') }], source));
  expect([...counts]).toEqual([[factKey(good), 2]]);
  expect((await client.query("SELECT count(*)::int AS n FROM pg_proc WHERE proname = 'ormdiff_cast_outcome'")).rows[0].n).toBe(0);
  expect((await client.query('SELECT count(*)::int AS n FROM kids')).rows[0].n).toBe(5);
});
