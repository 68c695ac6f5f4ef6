/**
 * Per-test databases on a real Postgres server, for ormdiff's own tests and for users' test fixtures.
 * The server comes from TEST_DATABASE_URL, else DATABASE_URL, else the local cluster on 127.0.0.1:5432.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDatabaseOn, databaseUrl, dropDatabaseOn } from '../db/databases';

export interface TestDatabase {
  /** Connection URL of the fresh database. */
  url: string;
  name: string;
  /** Drops the database (terminating leftover connections). */
  drop(): Promise<void>;
}

export function serverUrl(): string {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

export { databaseUrl as withDatabase } from '../db/databases';

/** Runs `fn` on one connection to `url`, closed afterwards. */
export async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await withClient(url, (c) => dropDatabaseOn(c, name));
}

/** Creates an empty database named `<prefix>_<random>` and returns how to reach and drop it. */
export async function createTestDatabase(prefix = 'ormdiff_test', server = serverUrl()): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withClient(server, (c) => createDatabaseOn(c, name, { empty: true }));
  return { url: databaseUrl(server, name), name, drop: () => dropDatabase(server, name) };
}

/** Runs SQL text (several statements allowed) on a database. */
export async function execSql(url: string, sql: string): Promise<void> {
  await withClient(url, (c) => c.query(sql).then(() => undefined));
}

export async function querySql<R = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  return withClient(url, async (c) => (await c.query(sql, params)).rows as R[]);
}
