/**
 * Every feature the introspector reads, on a database built from hand-written SQL
 * (fixtures/features.sql), asserted as exact model objects.
 */
import { join } from 'node:path';
import { introspect, type Queryable } from '../../src/introspect';
import type { Column, Schema, Table } from '../../src/schema/model';
import { connectFresh, psqlFile, type Connected } from './helpers';

const SCHEMAS = ['public', 'Billing'];
let conn: Connected;
let schema: Schema;

const table = (schemaName: string, name: string): Table => {
  const found = schema.tables.find((t) => t.schema === schemaName && t.name === name);
  if (!found) throw new Error(`no table ${schemaName}.${name}`);
  return found;
};
const none = { kind: 'none' } as const;
const col = (name: string, dataType: string, extra: Partial<Column> = {}): Column => ({
  name,
  dataType,
  arrayDims: 0,
  nullable: true,
  valueSource: none,
  ...extra,
});
const noConstraints = { foreignKeys: [], uniques: [], checks: [], exclusions: [], indexes: [] };
const bigintMax = '9223372036854775807';

beforeAll(async () => {
  conn = await connectFresh('ormdiff_introspect_features');
  const { rows } = await conn.client.query(
    "SELECT 1 FROM pg_available_extensions WHERE name IN ('btree_gist', 'pg_trgm')",
  );
  if (rows.length !== 2)
    throw new Error('the test server needs the btree_gist and pg_trgm extensions (postgresql-contrib)');
  psqlFile(conn.db.url, join(__dirname, 'fixtures', 'features.sql'));
  schema = (await introspect(conn.client, { schemas: SCHEMAS })).schema;
});

afterAll(async () => {
  await conn?.close();
});

test('schemas, extensions (all of them, wherever installed)', () => {
  expect(schema.schemas).toStrictEqual(['Billing', 'public']);
  expect(schema.extensions).toStrictEqual([
    { name: 'btree_gist', schema: 'public' },
    { name: 'pg_trgm', schema: 'public' },
    { name: 'plpgsql', schema: 'pg_catalog' },
  ]);
});

test('tables: only ordinary ones, sorted by schema then name, bookkeeping tables left out', () => {
  expect(schema.tables.map((t) => `${t.schema}.${t.name}`)).toStrictEqual([
    'Billing.Invoices',
    'Billing.lines',
    'public.bookings',
    'public.event_refs',
    'public.posts',
    'public.users',
  ]);
});

test('users: identity ALWAYS with options, types, arrays, enums, generated, collation, comments, checks', () => {
  const users = table('public', 'users');
  expect(users.comment).toBe('people');
  expect(users.primaryKey).toStrictEqual({ name: 'users_pkey', columns: ['id'] });
  expect(users.columns).toStrictEqual([
    col('id', 'integer', {
      nullable: false,
      valueSource: {
        kind: 'identity',
        generation: 'ALWAYS',
        sequence: {
          schema: 'public',
          name: 'users_id_seq',
          dataType: 'integer',
          start: '100',
          increment: '2',
          min: '50',
          max: '100000',
          cache: '10',
          cycle: false,
        },
      },
    }),
    col('Email', 'character varying(255)', { nullable: false, comment: 'login' }),
    col('nick', 'text', { collation: '"C"' }),
    col('balance', 'numeric(10,2)', { nullable: false, valueSource: { kind: 'default', expression: '0' } }),
    col('seen_at', 'timestamp(3) with time zone', { valueSource: { kind: 'default', expression: 'now()' } }),
    col('scores', 'integer', { arrayDims: 1 }),
    // Declared text[][]: Postgres does not enforce dimensions, so the model reads every array as 1.
    col('grid', 'text', { arrayDims: 1 }),
    col('feeling', 'public.mood', {
      enumType: { schema: 'public', name: 'mood' },
      valueSource: { kind: 'default', expression: "'ok'::public.mood" },
    }),
    col('feelings', 'public.mood', { arrayDims: 1, enumType: { schema: 'public', name: 'mood' } }),
    col('lower_email', 'text', { valueSource: { kind: 'generated', expression: 'lower(("Email")::text)' } }),
    col('bio', 'text'),
  ]);
  expect(users.checks).toStrictEqual([
    { name: 'users_balance_check', expression: '((balance >= (0)::numeric))' },
    { name: 'users_nick_len', expression: '((length(nick) > 1))', noInherit: true },
  ]);
  expect(users.foreignKeys).toStrictEqual([]);
  expect(users.uniques).toStrictEqual([]);
});

test('users: indexes — expression, partial, DESC/NULLS, INCLUDE, gin, opclass, collation, NULLS NOT DISTINCT', () => {
  const btree = { unique: false, method: 'btree', include: [], nullsNotDistinct: false };
  expect(table('public', 'users').indexes).toStrictEqual([
    {
      ...btree,
      name: 'users_bio_c',
      elements: [{ kind: 'column', value: 'bio', descending: false, collation: '"C"' }],
    },
    {
      ...btree,
      name: 'users_bio_trgm',
      method: 'gin',
      elements: [{ kind: 'column', value: 'bio', descending: false, opclass: 'public.gin_trgm_ops' }],
    },
    {
      ...btree,
      name: 'users_email_incl',
      unique: true,
      elements: [{ kind: 'column', value: 'Email', descending: false }],
      include: ['nick', 'bio'],
    },
    {
      ...btree,
      name: 'users_lower_email',
      elements: [{ kind: 'expression', value: 'lower("Email"::text)', descending: false }],
    },
    {
      ...btree,
      name: 'users_nick_nnd',
      unique: true,
      nullsNotDistinct: true,
      elements: [{ kind: 'column', value: 'nick', descending: false }],
    },
    {
      ...btree,
      name: 'users_nick_pattern',
      elements: [{ kind: 'column', value: 'nick', descending: false, opclass: 'text_pattern_ops' }],
    },
    {
      ...btree,
      name: 'users_nulls',
      elements: [
        { kind: 'column', value: 'balance', descending: false, nullsFirst: true },
        { kind: 'column', value: 'seen_at', descending: true },
      ],
    },
    {
      ...btree,
      name: 'users_partial',
      elements: [{ kind: 'column', value: 'seen_at', descending: true, nullsFirst: false }],
      where: '(bio IS NOT NULL)',
    },
    {
      ...btree,
      name: 'users_scores_gin',
      method: 'gin',
      elements: [{ kind: 'column', value: 'scores', descending: false }],
    },
  ]);
});

test('posts: serial and bigserial, nextval of a sequence it does not own stays a default, FK, unique, NOT VALID check', () => {
  expect(table('public', 'posts')).toStrictEqual({
    schema: 'public',
    name: 'posts',
    columns: [
      col('id', 'integer', {
        nullable: false,
        valueSource: { kind: 'serial', sequence: { schema: 'public', name: 'posts_id_seq' } },
      }),
      col('big', 'bigint', {
        nullable: false,
        valueSource: { kind: 'serial', sequence: { schema: 'public', name: 'posts_big_seq' } },
      }),
      col('author_id', 'integer', { nullable: false }),
      col('slug', 'text'),
      col('Title', 'text'),
      col('counter', 'integer', {
        valueSource: { kind: 'default', expression: "nextval('public.free_seq'::regclass)" },
      }),
    ],
    primaryKey: { name: 'posts_pkey', columns: ['id'] },
    foreignKeys: [
      {
        name: 'posts_author_id_fkey',
        columns: ['author_id'],
        references: { schema: 'public', name: 'users', columns: ['id'] },
        onDelete: 'CASCADE',
        onUpdate: 'NO ACTION',
        deferrable: 'DEFERRABLE INITIALLY DEFERRED',
        match: 'SIMPLE',
      },
    ],
    uniques: [
      { name: 'posts_slug_key', columns: ['slug', 'Title'], nullsNotDistinct: true, deferrable: 'NOT DEFERRABLE' },
    ],
    checks: [{ name: 'posts_slug_len', expression: '((length(slug) < 100))' }],
    exclusions: [],
    indexes: [],
  });
});

test('mixed-case schema: composite PK, composite FK (MATCH FULL, ON UPDATE SET NULL), identity BY DEFAULT, deferrable unique', () => {
  expect(table('Billing', 'Invoices')).toStrictEqual({
    schema: 'Billing',
    name: 'Invoices',
    columns: [
      col('Year', 'integer', { nullable: false }),
      col('No', 'integer', { nullable: false }),
      col('status', '"Billing"."Invoice Status"', {
        nullable: false,
        enumType: { schema: 'Billing', name: 'Invoice Status' },
        valueSource: { kind: 'default', expression: `'draft'::"Billing"."Invoice Status"` },
      }),
      col('amount', 'public.positive_int'),
    ],
    primaryKey: { name: 'Invoices_pkey', columns: ['Year', 'No'] },
    ...noConstraints,
  });
  expect(table('Billing', 'lines')).toStrictEqual({
    schema: 'Billing',
    name: 'lines',
    columns: [
      col('id', 'bigint', {
        nullable: false,
        valueSource: {
          kind: 'identity',
          generation: 'BY DEFAULT',
          sequence: {
            schema: 'Billing',
            name: 'lines_id_seq',
            dataType: 'bigint',
            start: '1',
            increment: '1',
            min: '1',
            max: bigintMax,
            cache: '1',
            cycle: false,
          },
        },
      }),
      col('invoice_no', 'integer'),
      col('invoice_year', 'integer'),
      col('code', 'public.code'),
    ],
    foreignKeys: [
      {
        name: 'lines_invoice_fk',
        columns: ['invoice_year', 'invoice_no'],
        references: { schema: 'Billing', name: 'Invoices', columns: ['Year', 'No'] },
        onDelete: 'NO ACTION',
        onUpdate: 'SET NULL',
        deferrable: 'NOT DEFERRABLE',
        match: 'FULL',
      },
    ],
    uniques: [
      {
        name: 'lines_code_uq',
        columns: ['code'],
        nullsNotDistinct: false,
        deferrable: 'DEFERRABLE INITIALLY IMMEDIATE',
      },
    ],
    checks: [],
    exclusions: [],
    indexes: [
      {
        name: 'Lines_Sum',
        unique: false,
        method: 'btree',
        elements: [{ kind: 'expression', value: '(invoice_no + invoice_year)', descending: true }],
        include: [],
        nullsNotDistinct: false,
      },
    ],
  });
});

test('exclusion constraint; its backing index is not listed as an index', () => {
  const bookings = table('public', 'bookings');
  expect(bookings.exclusions).toStrictEqual([
    { name: 'bookings_no_overlap', definition: 'USING gist (room WITH =, during WITH &&)' },
  ]);
  expect(bookings.indexes).toStrictEqual([]);
});

test('an FK to a partitioned table is read once, not once per partition clone', () => {
  expect(table('public', 'event_refs').foreignKeys).toStrictEqual([
    {
      name: 'event_refs_event_fk',
      columns: ['event_id', 'event_at'],
      references: { schema: 'public', name: 'events', columns: ['id', 'at'] },
      onDelete: 'NO ACTION',
      onUpdate: 'NO ACTION',
      deferrable: 'NOT DEFERRABLE',
      match: 'SIMPLE',
    },
  ]);
});

test('enums in sort order (a value added BEFORE another lands there), with comments', () => {
  expect(schema.enums).toStrictEqual([
    { schema: 'Billing', name: 'Invoice Status', values: ['draft', 'sent'] },
    { schema: 'public', name: 'mood', values: ['sad', 'meh', 'ok', 'happy'], comment: 'how it feels' },
  ]);
});

test('domains: base type, NOT NULL, default, collation, checks, array base, comment', () => {
  expect(schema.domains).toStrictEqual([
    {
      schema: 'public',
      name: 'code',
      dataType: 'character varying(8)',
      arrayDims: 0,
      notNull: false,
      collation: '"C"',
      checks: [],
    },
    {
      schema: 'public',
      name: 'positive_int',
      dataType: 'integer',
      arrayDims: 0,
      notNull: true,
      default: '1',
      checks: [
        { name: 'positive_int_check', expression: '((VALUE > 0))' },
        { name: 'positive_int_small', expression: '((VALUE < 1000000))' },
      ],
      comment: 'a count',
    },
    { schema: 'public', name: 'tags', dataType: 'text', arrayDims: 1, notNull: false, checks: [] },
  ]);
});

test('sequences: free-standing and OWNED BY ones only — not serial, identity or bookkeeping ones', () => {
  expect(schema.sequences).toStrictEqual([
    {
      schema: 'public',
      name: 'free_seq',
      dataType: 'integer',
      start: '10',
      increment: '5',
      min: '5',
      max: '1000',
      cache: '3',
      cycle: true,
      comment: 'numbers',
    },
    {
      schema: 'public',
      name: 'owned_seq',
      dataType: 'bigint',
      start: '1',
      increment: '1',
      min: '1',
      max: bigintMax,
      cache: '1',
      cycle: false,
      ownedBy: { table: { schema: 'public', name: 'bookings' }, column: 'room' },
    },
  ]);
});

test('unmanaged: views, routines, triggers, policies, rules, partitions, composite and range types; no extension objects', () => {
  expect(schema.unmanaged).toStrictEqual([
    // What their queries read: by column, or (count(*)) the table as a whole.
    {
      kind: 'view',
      schema: 'public',
      name: 'active_users',
      dependsOn: [{ table: { schema: 'public', name: 'users' }, columns: ['Email', 'bio', 'id'] }],
    },
    { kind: 'partitioned table', schema: 'public', name: 'events' },
    { kind: 'partition', schema: 'public', name: 'events_2024' },
    { kind: 'range type', schema: 'public', name: 'floatrange' },
    { kind: 'procedure', schema: 'public', name: 'noop' },
    { kind: 'composite type', schema: 'public', name: 'pair' },
    { kind: 'aggregate', schema: 'public', name: 'total' },
    { kind: 'function', schema: 'public', name: 'touch' },
    {
      kind: 'materialized view',
      schema: 'public',
      name: 'user_count',
      dependsOn: [{ table: { schema: 'public', name: 'users' }, columns: [] }],
    },
    { kind: 'rule', schema: 'public', name: 'users_no_delete', table: 'users' },
    { kind: 'policy', schema: 'public', name: 'users_self', table: 'users' },
    { kind: 'trigger', schema: 'public', name: 'users_touch', table: 'users' },
  ]);
});

test('a schema out of scope is not read', async () => {
  const billingOnly = (await introspect(conn.client, { schemas: ['Billing'] })).schema;
  expect(billingOnly.tables.map((t) => t.name)).toStrictEqual(['Invoices', 'lines']);
  expect(billingOnly.enums.map((e) => e.name)).toStrictEqual(['Invoice Status']);
  expect(billingOnly.domains).toStrictEqual([]);
  expect(billingOnly.unmanaged).toStrictEqual([]);
});

describe('transactions and search_path', () => {
  const sessionState = async () =>
    (
      await conn.client.query(
        "SELECT current_setting('search_path') AS search_path, now() = statement_timestamp() AS outside_transaction",
      )
    ).rows[0];

  test('a second read is deep-equal, and the session is left as it was (no open transaction, same search_path)', async () => {
    const again = await introspect(conn.client, { schemas: ['public', 'Billing', 'public'] });
    expect(again.schema).toStrictEqual(schema);
    expect(await sessionState()).toStrictEqual({ search_path: '"$user", public', outside_transaction: true });
  });

  test('inTransaction reads inside the caller’s transaction and restores its search_path', async () => {
    await conn.client.query('BEGIN');
    try {
      await conn.client.query("SET LOCAL search_path = 'Billing', public");
      const inside = await introspect(conn.client, { schemas: SCHEMAS, inTransaction: true });
      expect(inside.schema).toStrictEqual(schema);
      expect((await conn.client.query("SELECT current_setting('search_path') AS p")).rows[0].p).toBe(
        '"Billing", public',
      );
      // Still the caller's transaction: nothing committed it.
      expect((await conn.client.query('SELECT now() = statement_timestamp() AS outside')).rows[0].outside).toBe(false);
    } finally {
      await conn.client.query('ROLLBACK');
    }
  });

  test('a failing catalog query rolls the snapshot transaction back and rethrows', async () => {
    let catalogQueries = 0;
    const failing: Queryable = {
      query: (sql, params) => {
        if (params && ++catalogQueries === 3) return conn.client.query('SELECT * FROM no_such_catalog_table');
        return conn.client.query(sql, params);
      },
    };
    await expect(introspect(failing, { schemas: SCHEMAS })).rejects.toThrow(/no_such_catalog_table/);
    expect(await sessionState()).toStrictEqual({ search_path: '"$user", public', outside_transaction: true });
  });
});
