/**
 * The type change classes, checked against what Postgres does: `in-place` keeps the table's file,
 * `rewrite` replaces it and keeps every value, `lossy` fails on or changes a value it was given,
 * `impossible` cannot be cast at all (even on an empty table).
 */
import { Client } from 'pg';
import { classifyTypeChange, defaultUsing, type TypeChangeClass } from '../../src/diff/typechange';
import { createTestDatabase, type TestDatabase } from '../../src/testing/database';

type Case = [from: string, to: string, expected: TypeChangeClass, sample: string];

const parse = (t: string) => ({ dataType: t.replace(/\[\]$/, ''), arrayDims: t.endsWith('[]') ? 1 : 0 });

const CASES: Case[] = [
  ['character varying(10)', 'character varying(20)', 'in-place', "'abc'"],
  ['character varying(10)', 'text', 'in-place', "'abc'"],
  ['numeric(10,2)', 'numeric(12,2)', 'in-place', '1.25'],
  ['numeric(10,2)', 'numeric', 'in-place', '1.25'],
  ['timestamp(3) without time zone', 'timestamp(6) without time zone', 'in-place', "'2024-01-01 10:00:00.123'"],
  ['integer', 'bigint', 'rewrite', '7'],
  ['smallint', 'integer', 'rewrite', '7'],
  ['timestamp without time zone', 'timestamp with time zone', 'rewrite', "'2024-01-01 10:00'"],
  ['date', 'timestamp without time zone', 'rewrite', "'2024-01-01'"],
  ['integer', 'text', 'rewrite', '42'],
  ['real', 'double precision', 'rewrite', '1.5'],
  ['boolean', 'integer', 'rewrite', 'true'],
  ['character varying(20)', 'character varying(5)', 'lossy', "'much too long'"],
  ['text', 'integer', 'lossy', "'x'"],
  ['numeric(10,2)', 'numeric(10,1)', 'lossy', '1.25'],
  ['bigint', 'integer', 'lossy', '3000000000'],
  ['double precision', 'integer', 'lossy', '1.5'],
  ['timestamp without time zone', 'date', 'lossy', "'2024-01-01 10:00'"],
  ['json', 'jsonb', 'lossy', `'{"a": 1, "a": 2}'`],
  ['text', 'jsonb', 'lossy', "'nope'"],
  ['integer', 'boolean', 'lossy', '2'],
  ['integer', 'uuid', 'impossible', '1'],
  ['date', 'integer', 'impossible', "'2024-01-01'"],
  ['uuid', 'bigint', 'impossible', "'00000000-0000-0000-0000-000000000001'"],
  ['boolean', 'date', 'impossible', 'true'],
  ['integer', 'integer[]', 'impossible', '1'],
];

let db: TestDatabase;
let client: Client;
beforeAll(async () => {
  db = await createTestDatabase('ormdiff_types');
  client = new Client({ connectionString: db.url });
  await client.connect();
  // Under UTC, Postgres 12+ skips the timestamp → timestamptz rewrite; the class is about the general case.
  await client.query("SET TimeZone = 'Europe/Paris'");
});
afterAll(async () => {
  await client?.end();
  await db?.drop();
});

const fileOf = async (t: string) => (await client.query(`SELECT pg_relation_filenode('${t}') AS f`)).rows[0].f as string;

test.each(CASES.map((c, i) => [`${c[0]} → ${c[1]}`, i, ...c] as const))('%s', async (_name, i, from, to, expected, sample) => {
  const verdict = classifyTypeChange(parse(from), parse(to));
  expect(verdict.class).toBe(expected);
  expect(verdict.reason.length).toBeGreaterThan(5);
  const t = `t${i}`;
  await client.query(`CREATE TABLE ${t} (c ${from})`);
  const target = to;
  if (expected === 'impossible') {
    await expect(client.query(`ALTER TABLE ${t} ALTER COLUMN c TYPE ${target} USING c::${target}`)).rejects.toThrow(/cannot (be )?cast/);
    return;
  }
  await client.query(`INSERT INTO ${t} VALUES (${sample})`);
  const before = await fileOf(t);
  const original = (await client.query(`SELECT c::text AS v FROM ${t}`)).rows[0].v;
  const using = defaultUsing(parse(from), parse(to), 'c');
  const alter = `ALTER TABLE ${t} ALTER COLUMN c TYPE ${target}${using ? ` USING ${using}` : ''}`;
  if (expected === 'lossy') {
    const outcome = await client.query(alter).then(
      async () => (await client.query(`SELECT (c::${from})::text AS v FROM ${t}`)).rows[0].v,
      () => 'failed',
    );
    expect(outcome).not.toBe(original);
    return;
  }
  await client.query(alter);
  const after = await fileOf(t);
  expect((await client.query(`SELECT (c::${from})::text AS v FROM ${t}`)).rows[0].v).toBe(original);
  if (expected === 'in-place') expect(after).toBe(before);
  else expect(after).not.toBe(before);
});

/** Lossy pairs with a value each that converts cleanly: what the lock part of TC203's message rests on. */
const CONVERTING: Array<[from: string, to: string, sample: string]> = [
  ['character varying(20)', 'character varying(5)', "'abc'"],
  ['text', 'integer', "'7'"],
  ['numeric(10,2)', 'numeric(10,1)', '1.5'],
  ['bigint', 'integer', '3'],
  ['double precision', 'integer', '2'],
  ['timestamp without time zone', 'date', "'2024-01-01'"],
  ['json', 'jsonb', `'{"a": 1}'`],
  ['text', 'jsonb', "'{}'"],
  ['integer', 'boolean', '1'],
];

test.each(CONVERTING.map((c, i) => [`${c[0]} → ${c[1]}`, i, ...c] as const))(
  'lossy %s rewrites the table even when every value converts',
  async (_name, i, from, to, sample) => {
    expect(classifyTypeChange(parse(from), parse(to)).class).toBe('lossy');
    const t = `r${i}`;
    await client.query(`CREATE TABLE ${t} (c ${from})`);
    await client.query(`INSERT INTO ${t} VALUES (${sample})`);
    const before = await fileOf(t);
    const using = defaultUsing(parse(from), parse(to), 'c');
    await client.query(`ALTER TABLE ${t} ALTER COLUMN c TYPE ${to}${using ? ` USING ${using}` : ''}`);
    expect(await fileOf(t)).not.toBe(before);
  },
);
