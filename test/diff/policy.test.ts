/**
 * Issue 8, items 8 and 9, on a real database built the way real apps got there (hand-written SQL
 * migrations, tables renamed since): what TypeORM ignores (primary-key names and column order) is
 * ignored by default and counted when the policy says so; `CURRENT_TIMESTAMP` and TypeORM's `now()`
 * are one default; a `synchronize: false` index created unquoted is still the entity's; and a
 * dropped column with one close and one distant candidate is a rename to the close one.
 * Each case: the diff as expected, and where it plans anything, up gives an empty second diff and
 * down restores the schema.
 */
import { EntitySchema } from 'typeorm';
import { compareWithClient, type Comparison } from '../../src/api/compare';
import type { PolicyOverrides } from '../../src/diff/policy';
import { createTestDatabase, execSql, querySql, type TestDatabase } from '../../src/testing/database';
import { applyPlan, desiredOf, dump, withClient } from '../scenarios/harness';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase('ormdiff_policy');
});
afterEach(async () => {
  await db.drop();
});

async function compare(entities: EntitySchema[], policy?: PolicyOverrides): Promise<Comparison> {
  const desired = await desiredOf(entities);
  return withClient(db.url, (c) => compareWithClient(c, desired, { facts: true, ...(policy ? { policy } : {}) }));
}

/** up, then an empty second diff under the same policy, then down back to the schema we started from. */
async function roundTrip(entities: EntitySchema[], comparison: Comparison, policy?: PolicyOverrides): Promise<void> {
  const before = await dump(db.url);
  await applyPlan(db.url, comparison.plan, 'up');
  expect((await compare(entities, policy)).changes).toEqual([]);
  await applyPlan(db.url, comparison.plan, 'down');
  expect(await dump(db.url)).toBe(before);
}

const kinds = (c: Comparison) => c.changes.map((x) => x.kind);

describe('primary keys: TypeORM compares the set of primary columns, not their order or the key name', () => {
  // A join table made by a hand-written migration when the table had another name: its key keeps
  // the old name, and lists the columns the other way round from the entity.
  const memberships = new EntitySchema({
    name: 'memberships',
    tableName: 'memberships',
    columns: { userId: { type: 'integer', primary: true }, groupId: { type: 'integer', primary: true } },
  });
  const legacy = `CREATE TABLE memberships ("userId" integer NOT NULL, "groupId" integer NOT NULL,
    CONSTRAINT "PK_user_groups" PRIMARY KEY ("groupId", "userId"))`;

  test('by default neither the order nor the name is a difference', async () => {
    await execSql(db.url, legacy);
    expect((await compare([memberships])).changes).toEqual([]);
  });

  test('columnOrder.primaryKey=compare rebuilds the key in the entity order (and names=ignore leaves the old name)', async () => {
    await execSql(db.url, legacy);
    const policy: PolicyOverrides = { columnOrder: { primaryKey: 'compare' } };
    const comparison = await compare([memberships], policy);
    expect(kinds(comparison)).toEqual(['dropPrimaryKey', 'addPrimaryKey']);
    await roundTrip([memberships], comparison, policy);
  });

  test('names.primaryKey=compare renames a key whose columns match in order', async () => {
    await execSql(db.url, `CREATE TABLE memberships ("userId" integer NOT NULL, "groupId" integer NOT NULL,
      CONSTRAINT "PK_user_groups" PRIMARY KEY ("userId", "groupId"))`);
    const policy: PolicyOverrides = { names: { primaryKey: 'compare' } };
    const comparison = await compare([memberships], policy);
    expect(comparison.changes).toEqual([
      expect.objectContaining({ kind: 'renameConstraint', constraint: 'primaryKey', from: 'PK_user_groups' }),
    ]);
    await roundTrip([memberships], comparison, policy);
  });
});

describe('constraint names left over from an old table name', () => {
  const authors = new EntitySchema({ name: 'authors', tableName: 'authors', columns: { id: { type: 'integer', primary: true } } });
  const books = new EntitySchema<Record<string, unknown>>({
    name: 'books',
    tableName: 'books',
    columns: { id: { type: 'integer', primary: true }, authorId: { type: 'integer', nullable: true }, isbn: { type: 'text', nullable: true } },
    relations: { author: { type: 'many-to-one', target: 'authors', joinColumn: { name: 'authorId' } } },
    uniques: [{ columns: ['isbn'] }],
  });
  const legacy = `CREATE TABLE authors (id integer PRIMARY KEY);
    CREATE TABLE books (id integer CONSTRAINT "PK_volumes" PRIMARY KEY, "authorId" integer, isbn text,
      CONSTRAINT "UQ_volumes_isbn" UNIQUE (isbn),
      CONSTRAINT "FK_volumes_author" FOREIGN KEY ("authorId") REFERENCES authors (id));`;

  test('TypeORM matches foreign keys and uniques by name: proposed as renames by default, never the key', async () => {
    await execSql(db.url, legacy);
    const comparison = await compare([authors, books]);
    expect(comparison.changes.map((c) => (c.kind === 'renameConstraint' ? `${c.constraint} ${c.from}` : c.kind)).sort()).toEqual([
      'foreignKey FK_volumes_author',
      'unique UQ_volumes_isbn',
    ]);
    await roundTrip([authors, books], comparison);
  });

  test('names=ignore: names of no kind matter, nothing to do', async () => {
    await execSql(db.url, legacy);
    expect((await compare([authors, books], { names: 'ignore' })).changes).toEqual([]);
    expect((await compare([authors, books], { names: { foreignKey: 'ignore', unique: 'ignore' } })).changes).toEqual([]);
  });
});

describe('datetime defaults: `CURRENT_TIMESTAMP` as stored and `now()` as TypeORM writes it are one value', () => {
  const events = (extra: Record<string, object> = {}) =>
    new EntitySchema({
      name: 'events',
      tableName: 'events',
      columns: {
        id: { type: 'integer', primary: true },
        createdAt: { type: 'timestamptz', default: () => 'CURRENT_TIMESTAMP' },
        day: { type: 'date', default: () => 'CURRENT_DATE' },
        at: { type: 'timestamp', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' },
        ...extra,
      },
    });
  const legacy = `CREATE TABLE events (id integer PRIMARY KEY,
    "createdAt" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    day date NOT NULL DEFAULT CURRENT_DATE,
    at timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3))`;

  test('a hand-written migration with the SQL keywords: no SET DEFAULT', async () => {
    await execSql(db.url, legacy);
    const stored = await querySql<{ d: string }>(db.url, `SELECT pg_get_expr(adbin, adrelid) AS d FROM pg_attrdef WHERE adrelid = 'events'::regclass ORDER BY adnum`);
    expect(stored.map((r) => r.d)).toEqual(['CURRENT_TIMESTAMP', 'CURRENT_DATE', 'CURRENT_TIMESTAMP(3)']);
    expect((await compare([events()])).changes).toEqual([]);
  });

  test('also when another column sends the table through Postgres for normalizing', async () => {
    await execSql(db.url, `${legacy}; ALTER TABLE events ADD COLUMN note text DEFAULT 'a'`);
    const comparison = await compare([events({ note: { type: 'text', nullable: true, default: () => "'b' || 'c'" } })]);
    expect(comparison.changes).toEqual([expect.objectContaining({ kind: 'setDefault', column: 'note' })]);
  });

  test('a table TypeORM created (now()) against an entity saying CURRENT_TIMESTAMP: nothing either', async () => {
    await execSql(db.url, `CREATE TABLE events (id integer PRIMARY KEY, "createdAt" timestamptz NOT NULL DEFAULT now(),
      day date NOT NULL DEFAULT ('now'::text)::date, at timestamp(3) NOT NULL DEFAULT ('now'::text)::timestamp(3) with time zone)`);
    expect((await compare([events()])).changes).toEqual([]);
  });
});

test('a synchronize:false expression index created unquoted (so stored lower-case) is the entity’s, not dropped', async () => {
  const users = new EntitySchema({
    name: 'users',
    tableName: 'users',
    columns: { id: { type: 'integer', primary: true }, email: { type: 'text' } },
    indices: [{ name: 'IDX_Users_Lower_Email', columns: ['email'], synchronize: false }],
  });
  await execSql(db.url, `CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL);
    CREATE UNIQUE INDEX IDX_Users_Lower_Email ON users (lower(email));`);
  const names = await querySql<{ n: string }>(db.url, `SELECT indexname AS n FROM pg_indexes WHERE tablename = 'users' ORDER BY 1`);
  expect(names.map((r) => r.n)).toEqual(['idx_users_lower_email', 'users_pkey']);
  expect((await compare([users])).changes).toEqual([]);
});

describe('renames: one dropped column, two added, one a clear match', () => {
  const before = `CREATE TABLE accounts (id integer PRIMARY KEY, contact varchar(120) NOT NULL DEFAULT '', flags integer);
    INSERT INTO accounts VALUES (1, 'a@example.com', 1), (2, 'b@example.com', NULL);`;
  const accounts = new EntitySchema({
    name: 'accounts',
    tableName: 'accounts',
    columns: {
      id: { type: 'integer', primary: true },
      remarks: { type: 'text', nullable: true },
      email: { type: 'varchar', length: 120, default: '' },
      flags: { type: 'integer', nullable: true },
    },
  });

  test('renamed to the candidate that keeps type, length, nullability and default; the warning names the rival', async () => {
    await execSql(db.url, before);
    const comparison = await compare([accounts]);
    expect(comparison.changes).toEqual([
      expect.objectContaining({ kind: 'renameColumn', from: 'contact', to: 'email', origin: 'assumed', rivals: ['remarks'] }),
      expect.objectContaining({ kind: 'addColumn', column: expect.objectContaining({ name: 'remarks' }) }),
    ]);
    expect(comparison.plan.warnings.map((w) => [w.code, w.message])).toEqual([
      ['RN302', expect.stringContaining('closest match, over remarks')],
    ]);
    expect(comparison.renames.ambiguities).toEqual([]);
    await roundTrip([accounts], comparison);
    await applyPlan(db.url, comparison.plan, 'up');
    expect(await querySql(db.url, 'SELECT email FROM accounts ORDER BY id')).toEqual([{ email: 'a@example.com' }, { email: 'b@example.com' }]);
  });

  test('two candidates equally close stay ambiguous', async () => {
    await execSql(db.url, before);
    const twins = new EntitySchema({
      name: 'accounts',
      tableName: 'accounts',
      columns: {
        id: { type: 'integer', primary: true },
        email: { type: 'varchar', length: 120, default: '' },
        phone: { type: 'varchar', length: 120, default: '' },
        flags: { type: 'integer', nullable: true },
      },
    });
    const comparison = await compare([twins]);
    expect(comparison.renames.renames).toEqual([]);
    expect(comparison.renames.ambiguities).toHaveLength(1);
    expect(comparison.plan.warnings.map((w) => w.code)).toContain('RN304');
  });
});
