/**
 * Issue 8, items 8 and 9, on a real database built the way real apps got there (hand-written SQL
 * migrations, tables renamed since): what TypeORM ignores (primary-key names and column order) is
 * ignored by default and counted when the policy says so; `CURRENT_TIMESTAMP` and TypeORM's `now()`
 * are one default; a `synchronize: false` index created unquoted is still the entity's; and a
 * dropped column with one close and one distant candidate is a rename to the close one.
 * Each case: the diff as expected, and where it plans anything, up gives an empty second diff and
 * down restores the schema.
 */
import { DataSource, DefaultNamingStrategy, EntitySchema } from 'typeorm';
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
    columns: {
      id: { type: 'integer', primary: true },
      authorId: { type: 'integer', nullable: true },
      isbn: { type: 'text', nullable: true },
      shelf: { type: 'integer', nullable: true },
      slot: { type: 'integer', nullable: true },
    },
    relations: { author: { type: 'many-to-one', target: 'authors', joinColumn: { name: 'authorId' } } },
    uniques: [{ columns: ['isbn'] }, { columns: ['shelf', 'slot'] }],
  });
  const legacy = `CREATE TABLE authors (id integer PRIMARY KEY);
    CREATE TABLE books (id integer CONSTRAINT "PK_volumes" PRIMARY KEY, "authorId" integer, isbn text, shelf integer, slot integer,
      CONSTRAINT "UQ_volumes_isbn" UNIQUE (isbn),
      CONSTRAINT "UQ_volumes_place" UNIQUE (shelf, slot),
      CONSTRAINT "FK_volumes_author" FOREIGN KEY ("authorId") REFERENCES authors (id));`;

  test('TypeORM matches foreign keys and composite uniques by name: renamed by default; never the key or a one-column unique', async () => {
    await execSql(db.url, legacy);
    const comparison = await compare([authors, books]);
    expect(comparison.changes.map((c) => (c.kind === 'renameConstraint' ? `${c.constraint} ${c.from}` : c.kind)).sort()).toEqual([
      'foreignKey FK_volumes_author',
      'unique UQ_volumes_place',
    ]);
    await roundTrip([authors, books], comparison);
  });

  test('names.columnUnique=compare renames the one-column unique too; names=ignore: nothing to do', async () => {
    await execSql(db.url, legacy);
    const policy: PolicyOverrides = { names: { columnUnique: 'compare' } };
    const comparison = await compare([authors, books], policy);
    expect(comparison.changes.filter((c) => c.kind === 'renameConstraint').map((c) => c.kind === 'renameConstraint' && c.from).sort()).toEqual([
      'FK_volumes_author',
      'UQ_volumes_isbn',
      'UQ_volumes_place',
    ]);
    await roundTrip([authors, books], comparison, policy);
    expect((await compare([authors, books], { names: 'ignore' })).changes).toEqual([]);
    expect((await compare([authors, books], { names: { foreignKey: 'ignore', unique: 'ignore' } })).changes).toEqual([]);
  });
});

/** What TypeORM's own generator (`migration:generate`) would write for these entities on this database. */
async function typeormPending(entities: EntitySchema[]): Promise<string[]> {
  const ds = new DataSource({ type: 'postgres', url: db.url, entities, logging: false });
  await ds.initialize();
  try {
    return (await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
  } finally {
    await ds.destroy();
  }
}

describe('the default is what TypeORM\'s schema builder compares, checked against its own generator', () => {
  const people = new EntitySchema<Record<string, unknown>>({
    name: 'people',
    tableName: 'people',
    columns: {
      id: { type: 'integer', primary: true },
      email: { type: 'text', unique: true },
      a: { type: 'integer' },
      b: { type: 'integer' },
      c: { type: 'integer' },
    },
    uniques: [{ name: 'UQ_people_ab', columns: ['a', 'b'] }],
    indices: [{ name: 'IDX_people_bc', columns: ['b', 'c'] }],
  });
  const partner = new EntitySchema<Record<string, unknown>>({
    name: 'partner',
    tableName: 'partner',
    columns: { id: { type: 'integer', primary: true }, personId: { type: 'integer', nullable: true } },
    relations: { person: { type: 'one-to-one', target: 'people', joinColumn: { name: 'personId' } } },
  });
  const table = (constraints: string) => `CREATE TABLE people (id integer CONSTRAINT "PK_persons" PRIMARY KEY, email text NOT NULL,
    a integer NOT NULL, b integer NOT NULL, c integer NOT NULL, ${constraints});`;

  test('TypeORM sees nothing, so neither does ormdiff: one-column uniques under any name, column order of composite uniques and indexes, key name', async () => {
    await execSql(
      db.url,
      `${table(`CONSTRAINT "UQ_persons_email" UNIQUE (email), CONSTRAINT "UQ_people_ab" UNIQUE (b, a)`)}
      CREATE INDEX "IDX_people_bc" ON people (c, b);
      CREATE TABLE partner (id integer PRIMARY KEY, "personId" integer CONSTRAINT "UQ_partner_person_by_hand" UNIQUE
        CONSTRAINT "${foreignKeyName()}" REFERENCES people (id));`,
    );
    expect(await typeormPending([people, partner])).toEqual([]);
    expect((await compare([people, partner])).changes).toEqual([]);
  });

  test('what TypeORM matches by name (composite unique, index), it sees renamed: ormdiff renames where TypeORM drops and re-creates', async () => {
    await execSql(db.url, `${table(`CONSTRAINT "UQ_persons_email" UNIQUE (email), CONSTRAINT "UQ_persons_ab" UNIQUE (a, b)`)}
      CREATE INDEX "IDX_persons_bc" ON people (b, c);`);
    const theirs = await typeormPending([people]);
    expect(theirs.filter((q) => /UQ_persons_ab|IDX_persons_bc/.test(q))).toHaveLength(2);
    expect(theirs.some((q) => /UQ_persons_email/.test(q))).toBe(false);
    const comparison = await compare([people]);
    expect(comparison.changes.map((c) => (c.kind === 'renameConstraint' ? `${c.constraint} ${c.from}` : c.kind === 'renameIndex' ? `index ${c.from}` : c.kind)).sort()).toEqual([
      'index IDX_persons_bc',
      'unique UQ_persons_ab',
    ]);
    await roundTrip([people], comparison);
  });

  test('a one-column unique missing is a difference to both', async () => {
    await execSql(db.url, table(`CONSTRAINT "UQ_people_ab" UNIQUE (a, b)`) + 'CREATE INDEX "IDX_people_bc" ON people (b, c);');
    expect((await typeormPending([people])).filter((q) => /UNIQUE \("email"\)/.test(q))).toHaveLength(1);
    const comparison = await compare([people]);
    expect(comparison.changes).toEqual([expect.objectContaining({ kind: 'addUnique', unique: expect.objectContaining({ columns: ['email'] }) })]);
    await roundTrip([people], comparison);
  });

  /** The foreign key's name as TypeORM derives it, so only the unique's name differs. */
  const foreignKeyName = (): string => new DefaultNamingStrategy().foreignKeyName('partner', ['personId'], 'people', ['id']);
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

describe('a key name kept under names=ignore is still renamed when the desired model gives it to another object', () => {
  // `users` was renamed to `people` by a migration that left its key name; a new `users` table now
  // gets the very name TypeORM derives for it, so the old key must give it up first.
  const people = new EntitySchema({ name: 'people', tableName: 'people', columns: { id: { type: 'integer', primary: true } } });
  const users = new EntitySchema({ name: 'users', tableName: 'users', columns: { id: { type: 'integer', primary: true } } });
  const usersKey = new DefaultNamingStrategy().primaryKeyName('users', ['id']);

  test('the old key is renamed before the new table takes its name; down gives it back after the table goes', async () => {
    await execSql(db.url, `CREATE TABLE people (id integer NOT NULL, CONSTRAINT "${usersKey}" PRIMARY KEY (id))`);
    const comparison = await compare([people, users]);
    expect(comparison.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'renameConstraint', constraint: 'primaryKey', from: usersKey }),
        expect.objectContaining({ kind: 'createTable' }),
      ]),
    );
    await roundTrip([people, users], comparison);
  });

  test('a key name no other object wants stays as it is', async () => {
    await execSql(db.url, `CREATE TABLE people (id integer NOT NULL, CONSTRAINT "${usersKey}" PRIMARY KEY (id))`);
    expect((await compare([people])).changes).toEqual([]);
  });
});
