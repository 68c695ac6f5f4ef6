/**
 * Objects outside the managed set that use managed ones (issue 8, item 5), on a real database: what
 * they use is never proposed for dropping (DS106 says why), and the plan applies up and down cleanly.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { compareWithClient, type Comparison, type DesiredModel } from '../../src/api/compare';
import { readEntities } from '../../src/entities/read';
import { readActual } from '../../src/api/compare';
import { planChanges } from '../../src/plan/plan';
import { restrictToScope } from '../../src/schema/scope';
import { createTestDatabase, type TestDatabase } from '../../src/testing/database';

@Entity('items')
class Item {
  @PrimaryColumn() id!: number;
  @Column({ type: 'text' }) name!: string;
}

/** Left alone by TypeORM and ormdiff: its enum is declared here but not created by anyone managed. */
@Entity({ name: 'legacy', synchronize: false })
class Legacy {
  @PrimaryColumn() id!: number;
  @Column({ type: 'enum', enum: ['new', 'old'], enumName: 'item_status' }) status!: string;
}

async function desiredOf(entities: Function[]): Promise<DesiredModel> {
  const read = await readEntities({ type: 'postgres', entities });
  const scope = { schemas: ['public'], include: [], exclude: [], ignoredTables: read.ignoredTables };
  return { schema: restrictToScope(read.schema, scope), scope, ignoredIndexes: read.ignoredIndexes, columnRoles: read.columnRoles };
}

let db: TestDatabase;
let client: Client;

beforeAll(async () => {
  db = await createTestDatabase('ormdiff_dependents_pipeline');
  client = new Client({ connectionString: db.url });
  await client.connect();
  await client.query(`
    CREATE TYPE item_status AS ENUM ('new', 'old');
    CREATE TYPE unused_mood AS ENUM ('ok');
    -- items.status was removed from the entity: its column goes, its enum stays (legacy uses it).
    CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, status item_status);
    CREATE TABLE legacy (id integer PRIMARY KEY, status item_status);
    -- A partitioned table is left alone, and with it the sequence of its serial column.
    CREATE TABLE events (id serial, at date NOT NULL) PARTITION BY RANGE (at);
    CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
    -- A table no entity declares, owning a sequence that a table outside the managed set draws from.
    CREATE TABLE old_tickets (id integer PRIMARY KEY, n integer);
    CREATE SEQUENCE ticket_seq OWNED BY old_tickets.n;
    CREATE SEQUENCE spare_seq OWNED BY old_tickets.id;
    CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
    CREATE TABLE legacy_tickets (n integer DEFAULT nextval('ticket_seq'), m integer DEFAULT 1::posint);
  `);
});
afterAll(async () => {
  await client?.end();
  await db?.drop();
});

async function compare(): Promise<Comparison> {
  // legacy_tickets stays outside the managed set through synchronize: false of an entity of its own.
  @Entity({ name: 'legacy_tickets', synchronize: false })
  class LegacyTicket {
    @PrimaryColumn() n!: number;
  }
  return compareWithClient(client, await desiredOf([Item, Legacy, LegacyTicket]));
}

const sqlOf = (c: Comparison, direction: 'up' | 'down'): string[] => c.plan[direction].map((s) => s.sql);

test('an enum a synchronize:false table uses is not dropped; an unused one is', async () => {
  const c = await compare();
  const up = sqlOf(c, 'up');
  expect(up).toContain('ALTER TABLE "public"."items" DROP COLUMN "status"');
  expect(up.filter((s) => s.startsWith('DROP TYPE'))).toEqual(['DROP TYPE "public"."unused_mood"']);
  const notes = c.plan.warnings.filter((w) => w.code === 'DS106').map((w) => `${w.severity}: ${w.message}`);
  expect(notes).toContain('info: enum public.item_status is not dropped: column status of table public.legacy uses it');
});

test("a partitioned table's serial sequence is its own: never proposed for dropping or disowning", async () => {
  const c = await compare();
  expect(c.actual.sequences.map((s) => s.name)).not.toContain('events_id_seq');
  expect(sqlOf(c, 'up').filter((s) => s.includes('events'))).toEqual([]);
});

test('a sequence a table outside the managed set draws from (its column default) outlives the table owning it', async () => {
  const c = await compare();
  const up = sqlOf(c, 'up');
  expect(up).toContain('DROP TABLE "public"."old_tickets"');
  expect(up.some((s) => s.startsWith('DROP SEQUENCE') && s.includes('ticket_seq'))).toBe(false);
  expect(up.some((s) => s.startsWith('DROP SEQUENCE') && s.includes('spare_seq'))).toBe(true);
  const notes = c.plan.warnings.filter((w) => w.code === 'DS106').map((w) => w.message);
  expect(notes).toContain('sequence public.ticket_seq is not dropped: default value for column n of table public.legacy_tickets uses it');
});

test('a domain a column default of a table outside the managed set uses is never dropped (DS106)', async () => {
  @Entity({ name: 'legacy_tickets', synchronize: false })
  class LegacyTicket {
    @PrimaryColumn() n!: number;
  }
  const { schema, uses } = await readActual(client, await desiredOf([Item, Legacy, LegacyTicket]));
  const posint = schema.domains.find((d) => d.name === 'posint')!;
  expect(uses.filter((u) => u.used.name === 'posint').map((u) => u.user.description)).toEqual([
    'default value for column m of table public.legacy_tickets',
  ]);
  // Entities never drop a domain (they adopt the database's); a plan that does is stopped all the same.
  const plan = planChanges([{ kind: 'dropDomain', domain: posint }], { uses });
  expect(plan.up).toEqual([]);
  expect(plan.warnings.map((w) => w.message)).toEqual([
    'domain public.posint is not dropped: default value for column m of table public.legacy_tickets uses it',
  ]);
});

test('the plan applies up, leaves nothing to do, and down restores the database', async () => {
  // Last: it changes the database.
  const before = await compare();
  for (const s of before.plan.up) await client.query(s.sql);
  const after = await compare();
  expect(after.plan.changes).toEqual([]);
  for (const s of before.plan.down) await client.query(s.sql);
  const restored = await compare();
  expect(sqlOf(restored, 'up')).toEqual(sqlOf(before, 'up'));
});

describe('a managed table or column that something outside the managed set uses', () => {
  let other: TestDatabase;
  let otherClient: Client;

  @Entity({ name: 'orders_archive', synchronize: false })
  class OrdersArchive {
    @PrimaryColumn() id!: number;
  }

  /** Its primary key loses a column: dropped and added again, while an outside foreign key references it. */
  @Entity('accounts')
  class Account {
    @PrimaryColumn() id!: number;
    @Column({ type: 'text' }) region!: string;
  }

  beforeAll(async () => {
    other = await createTestDatabase('ormdiff_dependents_tables');
    otherClient = new Client({ connectionString: other.url });
    await otherClient.connect();
    await otherClient.query(`
      CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, code text UNIQUE, hidden boolean);
      -- ormdiff does not model policies: one on a managed table stops dropping the column it reads.
      CREATE POLICY items_visible ON items USING (NOT hidden);
      CREATE TABLE customers (id serial PRIMARY KEY);
      CREATE TABLE accounts (id integer, region text, PRIMARY KEY (id, region));
      CREATE TABLE orders_archive (id integer PRIMARY KEY, customer_id integer REFERENCES customers (id),
                                   item_code text REFERENCES items (code), seq integer DEFAULT nextval('customers_id_seq'),
                                   account_id integer, account_region text,
                                   FOREIGN KEY (account_id, account_region) REFERENCES accounts (id, region));
    `);
  });
  afterAll(async () => {
    await otherClient?.end();
    await other?.drop();
  });

  test('is still dropped as the entities say, and DS105 names the users Postgres will refuse it for; never CASCADE', async () => {
    const c = await compareWithClient(otherClient, await desiredOf([Item, OrdersArchive, Account]));
    const up = sqlOf(c, 'up');
    expect(up).toContain('DROP TABLE "public"."customers"');
    expect(up).toContain('ALTER TABLE "public"."items" DROP COLUMN "code"');
    expect(up.some((s) => /CASCADE/i.test(s))).toBe(false);
    const errors = c.plan.warnings.filter((w) => w.code === 'DS105').map((w) => w.message);
    expect(errors).toEqual([
      'drop primary key accounts_pkey of public.accounts: constraint orders_archive_account_id_account_region_fkey on table public.orders_archive uses it; Postgres will refuse (2BP01)',
      'drop unique constraint items_code_key of public.items: constraint orders_archive_item_code_fkey on table public.orders_archive uses it; Postgres will refuse (2BP01)',
      'drop column public.items.code: constraint orders_archive_item_code_fkey on table public.orders_archive uses it; Postgres will refuse (2BP01)',
      'drop column public.items.hidden: policy items_visible on table public.items uses it; Postgres will refuse (2BP01)',
      'drop table public.customers: constraint orders_archive_customer_id_fkey on table public.orders_archive, default value for column seq of table public.orders_archive use it; Postgres will refuse (2BP01)',
    ]);
    // As said: Postgres refuses each of them.
    for (const sql of [
      'DROP TABLE "public"."customers"',
      'ALTER TABLE "public"."items" DROP COLUMN "code"',
      'ALTER TABLE "public"."items" DROP COLUMN "hidden"',
      'ALTER TABLE "public"."accounts" DROP CONSTRAINT "accounts_pkey"',
    ]) {
      await expect(otherClient.query(sql)).rejects.toMatchObject({ code: '2BP01' });
    }
  });
});
