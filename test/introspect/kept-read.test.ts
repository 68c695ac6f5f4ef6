/**
 * A kept read (IntrospectOptions.kept): reused, in one query, only while the catalog's fingerprint is
 * unchanged. After each kind of DDL a migration runs, the next read is a full one and equals a plain
 * read of the database; a kept read made with other options is not reused.
 */
import { join } from 'node:path';
import { introspect, type IntrospectResult, type Queryable } from '../../src/introspect';
import type { KeptRead } from '../../src/introspect/introspect';
import { FINGERPRINT_SQL } from '../../src/introspect/fingerprint';
import { connectFresh, psqlFile, type Connected } from './helpers';

const SCHEMAS = ['public', 'Billing'];
let conn: Connected;

beforeAll(async () => {
  conn = await connectFresh('ormdiff_introspect_kept');
  psqlFile(conn.db.url, join(__dirname, 'fixtures', 'features.sql'));
});

afterAll(async () => {
  await conn?.close();
});

/** A kept read in memory, serialized as the file one is, counting what it was asked to keep. */
function memoryKept(): KeptRead & { kept: number } {
  let last: string | undefined;
  const store = {
    kept: 0,
    has: () => last !== undefined,
    last: () => (last === undefined ? undefined : (JSON.parse(last) as { key: string; result: IntrospectResult })),
    keep(key: string, result: IntrospectResult) {
      store.kept++;
      last = JSON.stringify({ key, result });
    },
  };
  return store;
}

/** The statements a read sends. */
function counting(client: Queryable): Queryable & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    query(sql, params) {
      sent.push(typeof sql === 'string' ? sql : sql.text);
      return client.query(sql, params);
    },
  };
}

/** The read as JSON (what the kept one went through), to compare with a plain read. */
const plainRead = async (schemas = SCHEMAS): Promise<unknown> => {
  const { schema, uses } = await introspect(conn.client, { schemas });
  return JSON.parse(JSON.stringify({ schema, uses }));
};

test('an unchanged catalog: the kept read, in one query; the first read took the fingerprint as one of its queries', async () => {
  const kept = memoryKept();
  const first = counting(conn.client);
  const read = await introspect(first, { schemas: SCHEMAS, kept });
  expect(kept.kept).toBe(1);
  // Nothing was kept before: the fingerprint is one query of the read, in its transaction.
  expect(first.sent.filter((s) => s.includes('fingerprint'))).toEqual([FINGERPRINT_SQL]);
  expect(first.sent.indexOf(FINGERPRINT_SQL)).toBeLessThan(first.sent.indexOf('COMMIT'));
  expect(JSON.parse(JSON.stringify({ schema: read.schema, uses: read.uses }))).toEqual(await plainRead());

  const again = counting(conn.client);
  const reused = await introspect(again, { schemas: SCHEMAS, kept });
  expect(again.sent).toEqual([FINGERPRINT_SQL]);
  expect(reused.queryCount).toBe(1);
  expect({ schema: reused.schema, uses: reused.uses }).toEqual(await plainRead());
  expect(kept.kept).toBe(1);
});

/** Each a change a migration makes, and what the model must show afterwards. */
const CHANGES: [string, string][] = [
  ['a column added', 'ALTER TABLE public.kept_probe ADD COLUMN note text'],
  ['a default set', 'ALTER TABLE public.kept_probe ALTER COLUMN note SET DEFAULT $$x$$'],
  ['a NOT NULL set', "UPDATE public.kept_probe SET note = 'x'; ALTER TABLE public.kept_probe ALTER COLUMN note SET NOT NULL"],
  ['a column renamed', 'ALTER TABLE public.kept_probe RENAME COLUMN note TO remark'],
  ['a column type changed', 'ALTER TABLE public.kept_probe ALTER COLUMN remark TYPE varchar(40)'],
  ['a CHECK added', 'ALTER TABLE public.kept_probe ADD CONSTRAINT kept_probe_remark CHECK (remark <> $$$$)'],
  ['an index created', 'CREATE INDEX kept_probe_remark_idx ON public.kept_probe (remark)'],
  ['an index dropped', 'DROP INDEX public.kept_probe_remark_idx'],
  ['a comment', "COMMENT ON COLUMN public.kept_probe.remark IS 'why'"],
  ['an enum value added', "ALTER TYPE public.kept_mood ADD VALUE 'calm'"],
  ['a sequence altered', 'ALTER SEQUENCE public.free_seq INCREMENT BY 7'],
  ['a view over the table', 'CREATE VIEW public.kept_view AS SELECT remark FROM public.kept_probe'],
  ['a table dropped', 'DROP VIEW public.kept_view; DROP TABLE public.kept_probe'],
];

test.each(CHANGES)('after %s, the next read is a full one and sees it', async (_what, sql) => {
  if (_what === CHANGES[0][0]) {
    await conn.client.query("CREATE TYPE public.kept_mood AS ENUM ('sad'); CREATE TABLE public.kept_probe (id serial PRIMARY KEY, mood public.kept_mood)");
  }
  const kept = memoryKept();
  await introspect(conn.client, { schemas: SCHEMAS, kept });
  const before = await plainRead();
  await conn.client.query(sql);
  const after = counting(conn.client);
  const read = await introspect(after, { schemas: SCHEMAS, kept });
  expect(after.sent.length).toBeGreaterThan(2);
  const seen = JSON.parse(JSON.stringify({ schema: read.schema, uses: read.uses }));
  expect(seen).toEqual(await plainRead());
  expect(seen).not.toEqual(before);
  expect(kept.kept).toBe(2);
});

test('a read kept with other options is not reused', async () => {
  const kept = memoryKept();
  await introspect(conn.client, { schemas: SCHEMAS, kept });
  const other = counting(conn.client);
  const read = await introspect(other, { schemas: ['public'], kept });
  expect(other.sent.length).toBeGreaterThan(2);
  expect(JSON.parse(JSON.stringify({ schema: read.schema, uses: read.uses }))).toEqual(await plainRead(['public']));
  const noUses = counting(conn.client);
  await introspect(noUses, { schemas: ['public'], kept, uses: false });
  expect(noUses.sent.length).toBeGreaterThan(2);
});
