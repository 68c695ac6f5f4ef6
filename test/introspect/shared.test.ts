/**
 * Reading on two connections (IntrospectOptions.url): the same model as one connection reads, from
 * one snapshot, in as many round trips, with the second connection closed afterwards and a plain
 * single-connection read when no second connection can be had.
 */
import { join } from 'node:path';
import { introspect, type Queryable } from '../../src/introspect';
import { databaseUrl } from '../../src/db/databases';
import { roundTripCount } from '../../src/db/connect';
import { execSql, querySql } from '../../src/testing/database';
import { connectFresh, psqlFile, type Connected } from './helpers';

const SCHEMAS = ['public', 'Billing'];
let conn: Connected;

beforeAll(async () => {
  conn = await connectFresh('ormdiff_introspect_shared');
  psqlFile(conn.db.url, join(__dirname, 'fixtures', 'features.sql'));
});

afterAll(async () => {
  await conn?.close();
});

/** The first connection, counting the statements sent on it and waiting `delayMs` before each catalog query, so the second surely takes its share. */
function slowed(client: Queryable, delayMs: number, afterFirst?: () => Promise<void>): Queryable & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    async query(sql, params) {
      const text = typeof sql === 'string' ? sql : sql.text;
      sent.push(text);
      if (sent.length > 1 && !/^(COMMIT|ROLLBACK)$/.test(text)) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const result = await client.query(sql, params);
      if (sent.length === 1) await afterFirst?.();
      return result;
    },
  };
}

/** Connections to the test database other than the test's own (the second connection, while it lives). */
async function others(): Promise<number> {
  const rows = await querySql<{ n: number }>(
    conn.db.url,
    'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND pid <> $1',
    [(conn.client as unknown as { processID: number }).processID],
  );
  return rows[0].n;
}

async function settled(count: () => Promise<number>, expected: number): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const n = await count();
    if (n === expected) return n;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return count();
}

test('two connections read the same model as one, in as many round trips, and the second is closed', async () => {
  const alone = await introspect(conn.client, { schemas: SCHEMAS });
  const first = slowed(conn.client, 50);
  const before = roundTripCount();
  const shared = await introspect(first, { schemas: SCHEMAS, url: conn.db.url });
  // The helper's statements go through connect(), which counts them; the first connection's do not.
  const helperRoundTrips = roundTripCount() - before;
  expect(shared).toStrictEqual(alone);
  // The second connection ran some of the catalog queries: the first sent fewer than all 11 (plus its begin and commit).
  expect(first.sent.length).toBeLessThan(13);
  expect(first.sent.length + helperRoundTrips).toBe(14);
  expect(await settled(others, 0)).toBe(0);
});

test('both connections read one snapshot: a column committed after the read began is not seen', async () => {
  // The columns are read on the second connection; the column comes after the first took its snapshot.
  const first = slowed(conn.client, 100, () => execSql(conn.db.url, 'ALTER TABLE public.bookings ADD COLUMN late integer'));
  try {
    const shared = await introspect(first, { schemas: SCHEMAS, url: conn.db.url });
    expect(first.sent.length).toBeLessThan(13);
    const bookings = shared.schema.tables.find((t) => t.name === 'bookings')!;
    expect(bookings.columns.map((c) => c.name)).not.toContain('late');
    const after = await introspect(conn.client, { schemas: SCHEMAS });
    expect(after.schema.tables.find((t) => t.name === 'bookings')!.columns.map((c) => c.name)).toContain('late');
  } finally {
    await execSql(conn.db.url, 'ALTER TABLE public.bookings DROP COLUMN IF EXISTS late');
  }
});

test('without a second connection (it cannot be opened), the first reads everything alone', async () => {
  const alone = await introspect(conn.client, { schemas: SCHEMAS });
  const first = slowed(conn.client, 0);
  const nowhere = databaseUrl(conn.db.url, `${conn.db.name}_missing`);
  const shared = await introspect(first, { schemas: SCHEMAS, url: nowhere });
  expect(shared).toStrictEqual(alone);
  // One statement opens the transaction, exports the snapshot and sets the reading settings; 11 queries; COMMIT.
  expect(first.sent.length).toBe(13);
});

test('a failed catalog query fails the read with its own error; both transactions end, the second connection closes', async () => {
  let failOn = 0;
  const failing: Queryable = {
    query: (sql, params) => (++failOn === 3 ? Promise.reject(new Error('catalog read failed')) : conn.client.query(sql, params)),
  };
  await expect(introspect(failing, { schemas: SCHEMAS, url: conn.db.url })).rejects.toThrow(/^catalog read failed$/);
  // The first connection is usable again: its transaction was rolled back.
  expect((await conn.client.query('SELECT 1 AS one')).rows).toStrictEqual([{ one: 1 }]);
  expect(await settled(others, 0)).toBe(0);
});

test('a lock the second connection would wait for behind DDL queued on the first: it hands the query back, no deadlock', async () => {
  const alone = await introspect(conn.client, { schemas: SCHEMAS });
  const columnsSql = (sql: string) => sql.includes('LEFT JOIN pg_catalog.pg_attrdef ad ON');
  let alter: Promise<void> | undefined;
  // users has a generated column, whose expression the columns query prints with its table open.
  const first = slowed(conn.client, 200, async () => {
    // The first holds its lock on users (as it would once it printed a CHECK of users)...
    await conn.client.query('LOCK TABLE public.users IN ACCESS SHARE MODE');
    // ...and DDL queues behind it, before the second connection begins: its lock on users would wait for the DDL.
    alter = execSql(conn.db.url, 'ALTER TABLE public.users ADD COLUMN z integer');
    await settled(waitingLocks, 1);
  });
  try {
    const shared = await introspect(first, { schemas: SCHEMAS, url: conn.db.url });
    await alter;
    expect(shared).toStrictEqual(alone);
    // The second connection gave the columns query back to the first.
    expect(first.sent.filter(columnsSql)).toHaveLength(1);
    expect(await settled(others, 0)).toBe(0);
  } finally {
    await alter;
    await execSql(conn.db.url, 'ALTER TABLE public.users DROP COLUMN IF EXISTS z');
  }
}, 20000);

/** Lock requests waiting in the test database. */
async function waitingLocks(): Promise<number> {
  const rows = await querySql<{ n: number }>(
    conn.db.url,
    'SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = current_database() AND NOT l.granted',
  );
  return rows[0].n;
}
