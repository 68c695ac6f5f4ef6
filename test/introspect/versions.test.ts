/**
 * The queries that name a column only some versions have (pg_index.indnullsnotdistinct, v15) read the
 * same rows with the server's version as without it (through to_jsonb, which works on any version).
 */
import { join } from 'node:path';
import { readCatalog } from '../../src/introspect';
import type { CatalogRows } from '../../src/introspect';
import { connectFresh, psqlFile, type Connected } from './helpers';

const SCHEMAS = ['public', 'Billing'];
let conn: Connected;

beforeAll(async () => {
  conn = await connectFresh('ormdiff_introspect_versions');
  psqlFile(conn.db.url, join(__dirname, 'fixtures', 'features.sql'));
});

afterAll(async () => {
  await conn?.close();
});

async function read(serverVersion?: number): Promise<CatalogRows> {
  await conn.client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await conn.client.query("SELECT pg_catalog.set_config('search_path', '', true), pg_catalog.set_config('standard_conforming_strings', 'on', true)");
    return (await readCatalog(conn.client, SCHEMAS, { serverVersion })).rows;
  } finally {
    await conn.client.query('COMMIT');
  }
}

test("with the server's version, the same rows as through to_jsonb", async () => {
  const version = Number((await conn.client.query("SELECT current_setting('server_version_num') AS v")).rows[0].v);
  const unknown = await read();
  const known = await read(version);
  expect(known).toStrictEqual(unknown);
  if (version >= 150000) {
    // The fixture's NULLS NOT DISTINCT index and unique constraint are read as such.
    expect(known.indexes.find((i) => i.name === 'users_nick_nnd')?.nulls_not_distinct).toBe(true);
    expect(known.constraints.find((k) => k.name === 'posts_slug_key')?.nulls_not_distinct).toBe(true);
  }
});

test('before v15 the column is not named: NULL, as to_jsonb gives where it does not exist', async () => {
  const old = await read(140000);
  expect(old.indexes.length).toBeGreaterThan(0);
  expect(old.indexes.every((i) => i.nulls_not_distinct === null)).toBe(true);
  expect(old.constraints.every((k) => k.nulls_not_distinct === null)).toBe(true);
});
