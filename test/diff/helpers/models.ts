/**
 * Two hand-written models of one application, before and after a release that touches most kinds of
 * object. Columns added in `to` come last and columns dropped from `from` are last, because Postgres
 * cannot place a column: otherwise "applied step by step" and "created at once" differ by column order.
 */
import type { Schema } from '../../../src/schema/model';
import { col, column, defaultOf, expr, identity, index, schema, sequenceOptions, table } from './build';

const usersFrom = table('public', 'users', {
  columns: [
    column('id', 'integer', {
      nullable: false,
      valueSource: { kind: 'serial', sequence: { schema: 'public', name: 'users_id_seq' } },
    }),
    column('email', 'character varying(100)', { nullable: false }),
    column('name', 'character varying(50)'),
    column('age', 'integer', { valueSource: defaultOf('0') }),
    column('score', 'numeric(10,2)'),
    column('created', 'timestamp(3) without time zone', { nullable: false, valueSource: defaultOf('now()') }),
    column('status_text', 'text'),
    column('bio', 'text', { comment: 'about me' }),
  ],
  primaryKey: { name: 'users_pkey', columns: ['id'] },
  uniques: [{ name: 'users_email_key', columns: ['email'], nullsNotDistinct: false, deferrable: 'NOT DEFERRABLE' }],
  checks: [{ name: 'users_age_check', expression: '((age >= 0))' }],
  indexes: [index('users_email_idx', [expr('lower((email)::text)')]), index('users_name_idx', [col('name')])],
  comment: 'people who log in',
});

const usersTo = table('public', 'users', {
  columns: [
    column('id', 'integer', {
      nullable: false,
      valueSource: { kind: 'serial', sequence: { schema: 'public', name: 'users_id_seq' } },
    }),
    column('email', 'character varying(100)', { nullable: false }),
    column('name', 'character varying(80)', { nullable: false }),
    column('age', 'bigint', { valueSource: defaultOf('1') }),
    column('score', 'numeric(10,2)'),
    column('created', 'timestamp(3) with time zone', { nullable: false, valueSource: defaultOf('now()') }),
    column('status_text', 'public.status', { enumType: { schema: 'public', name: 'status' } }),
    column('nickname', 'text', { collation: '"C"' }),
  ],
  primaryKey: { name: 'users_pkey', columns: ['id'] },
  uniques: [{ name: 'uq_users_email', columns: ['email'], nullsNotDistinct: false, deferrable: 'NOT DEFERRABLE' }],
  checks: [{ name: 'users_score_check', expression: '((score >= (0)::numeric))' }],
  indexes: [
    index('users_email_lower_idx', [expr('lower((email)::text)')]),
    index('users_name_idx', [col('name', { descending: true, nullsFirst: false })]),
    index('users_name_pattern_idx', [expr('lower((name)::text)', { collation: '"C"', opclass: 'text_pattern_ops' })], {
      unique: true,
      nullsNotDistinct: true,
    }),
  ],
  comment: 'registered users',
});

const status = { schema: 'public', name: 'status' };
const mood = { schema: 'public', name: 'mood' };

const postsFrom = table('public', 'posts', {
  columns: [
    column('id', 'integer', {
      nullable: false,
      valueSource: identity({ schema: 'public', name: 'posts_id_seq' }, 'integer'),
    }),
    column('author_id', 'integer', { nullable: false }),
    column('status', 'public.status', {
      nullable: false,
      enumType: status,
      valueSource: defaultOf("'draft'::public.status"),
    }),
    column('title', 'text'),
    column('body', 'text'),
    column('slug', 'text'),
  ],
  primaryKey: { name: 'posts_pkey', columns: ['id'] },
  foreignKeys: [
    {
      name: 'posts_author_fk',
      columns: ['author_id'],
      references: { schema: 'public', name: 'users', columns: ['id'] },
      onDelete: 'CASCADE',
      onUpdate: 'NO ACTION',
      deferrable: 'NOT DEFERRABLE',
      match: 'SIMPLE',
    },
  ],
});

const postsTo = table('public', 'posts', {
  ...postsFrom,
  columns: [
    column('id', 'integer', {
      nullable: false,
      valueSource: identity({ schema: 'public', name: 'posts_id_seq' }, 'integer', 'ALWAYS', { increment: '2' }),
    }),
    postsFrom.columns[1],
    postsFrom.columns[2],
    column('title', 'text', { comment: 'shown in lists' }),
    postsFrom.columns[4],
    column('slug', 'text', { valueSource: { kind: 'generated', expression: 'lower(title)' } }),
  ],
  foreignKeys: [{ ...postsFrom.foreignKeys[0], name: 'fk_posts_author' }],
});

const peopleFrom = table('public', 'people', {
  columns: [
    column('id', 'bigint', { nullable: false }),
    column('mood', 'public.mood', { enumType: mood, valueSource: defaultOf("'sad'::public.mood") }),
    column('moods', 'public.mood', { enumType: mood, arrayDims: 1 }),
    column('ticket_id', 'integer'),
  ],
  primaryKey: { name: 'people_pkey', columns: ['id'] },
  foreignKeys: [
    {
      name: 'people_ticket_fk',
      columns: ['ticket_id'],
      references: { schema: 'app', name: 'legacy_tickets', columns: ['id'] },
      onDelete: 'SET NULL',
      onUpdate: 'CASCADE',
      deferrable: 'DEFERRABLE INITIALLY DEFERRED',
      match: 'FULL',
    },
  ],
});

const peopleTo = table('public', 'people', {
  columns: [
    peopleFrom.columns[0],
    column('mood', 'public.mood', { enumType: mood, valueSource: defaultOf("'happy'::public.mood") }),
    peopleFrom.columns[2],
  ],
  primaryKey: { name: 'pk_people', columns: ['id'] },
});

const legacyTickets = table('app', 'legacy_tickets', {
  columns: [
    column('id', 'integer', {
      nullable: false,
      valueSource: { kind: 'serial', sequence: { schema: 'app', name: 'ticket_seq' } },
    }),
    column('kind', 'app.legacy_kind', { enumType: { schema: 'app', name: 'legacy_kind' } }),
  ],
  primaryKey: { name: 'legacy_tickets_pkey', columns: ['id'] },
});

const ordersFrom = table('public', 'orders', {
  columns: [
    column('id', 'bigint', {
      nullable: false,
      valueSource: identity({ schema: 'public', name: 'orders_id_seq' }, 'bigint'),
    }),
    column('user_id', 'integer'),
    column('total', 'numeric(12,2)'),
    column('note', 'character varying(20)'),
    column('code', 'text'),
    column('during', 'tsrange'),
  ],
  primaryKey: { name: 'orders_pkey', columns: ['id'] },
  foreignKeys: [
    {
      name: 'orders_user_fk',
      columns: ['user_id'],
      references: { schema: 'public', name: 'users', columns: ['id'] },
      onDelete: 'NO ACTION',
      onUpdate: 'NO ACTION',
      deferrable: 'NOT DEFERRABLE',
      match: 'SIMPLE',
    },
  ],
});

const ordersTo = table('public', 'orders', {
  columns: [
    ordersFrom.columns[0],
    column('user_id', 'integer', { nullable: false }),
    column('total', 'numeric(14,2)'),
    column('note', 'character varying(10)'),
    column('code', 'character varying(30)', { collation: '"C"' }),
    ordersFrom.columns[5],
    column('order_no', 'bigint'),
  ],
  primaryKey: { name: 'orders_pkey', columns: ['id', 'user_id'] },
  foreignKeys: [{ ...ordersFrom.foreignKeys[0], onUpdate: 'CASCADE' }],
  exclusions: [{ name: 'orders_no_overlap', definition: 'USING gist (during WITH &&)' }],
  indexes: [
    index('orders_total_idx', [col('total', { descending: true, nullsFirst: false })], {
      include: ['note'],
      where: '(total > (0)::numeric)',
    }),
  ],
});

const tagsFrom = table('public', 'tags', {
  columns: [
    column('id', 'integer', {
      nullable: false,
      valueSource: { kind: 'serial', sequence: { schema: 'public', name: 'tags_id_seq' } },
    }),
    column('label', 'text', { valueSource: defaultOf("'x'::text") }),
  ],
  primaryKey: { name: 'tags_pkey', columns: ['id'] },
});

const tagsTo = table('public', 'tags', {
  columns: [
    column('id', 'integer', {
      nullable: false,
      valueSource: identity({ schema: 'public', name: 'tags_id_seq' }, 'integer', 'ALWAYS'),
    }),
    column('label', 'text'),
  ],
  primaryKey: { name: 'tags_pkey', columns: ['id'] },
});

const audit = table('public', 'audit', {
  columns: [
    column('id', 'bigint', {
      nullable: false,
      valueSource: { kind: 'serial', sequence: { schema: 'public', name: 'audit_id_seq' } },
    }),
    column('at', 'timestamp with time zone', { valueSource: defaultOf('CURRENT_TIMESTAMP') }),
  ],
  primaryKey: { name: 'audit_pkey', columns: ['id'] },
});

const archive = table('legacy', 'archive', {
  columns: [column('id', 'integer', { nullable: false }), column('payload', 'jsonb')],
  primaryKey: { name: 'archive_pkey', columns: ['id'] },
});

const tasks = table('public', 'tasks', {
  columns: [
    column('id', 'integer', {
      nullable: false,
      valueSource: identity({ schema: 'public', name: 'tasks_id_seq' }, 'integer', 'ALWAYS', {
        start: '100',
        increment: '10',
      }),
    }),
    column('project_id', 'integer', { nullable: false }),
    column('priority', 'public.priority', {
      nullable: false,
      enumType: { schema: 'public', name: 'priority' },
      valueSource: defaultOf("'low'::public.priority"),
    }),
    column('title', 'character varying(200)', { collation: '"C"', comment: "what it's about" }),
    column('tags', 'text', { arrayDims: 1 }),
    column('price', 'numeric(10,2)'),
    column('qty', 'integer', { nullable: false, valueSource: defaultOf('1') }),
    column('total', 'numeric', { valueSource: { kind: 'generated', expression: '(price * (qty)::numeric)' } }),
  ],
  primaryKey: { name: 'tasks_pkey', columns: ['id'] },
  foreignKeys: [
    {
      name: 'tasks_project_fk',
      columns: ['project_id'],
      references: { schema: 'public', name: 'projects', columns: ['id'] },
      onDelete: 'CASCADE',
      onUpdate: 'NO ACTION',
      deferrable: 'NOT DEFERRABLE',
      match: 'SIMPLE',
    },
  ],
  uniques: [
    {
      name: 'tasks_project_title_key',
      columns: ['project_id', 'title'],
      nullsNotDistinct: true,
      deferrable: 'NOT DEFERRABLE',
    },
  ],
  checks: [{ name: 'tasks_qty_check', expression: '((qty > 0))' }],
  indexes: [
    index('tasks_tags_idx', [col('tags')], { method: 'gin' }),
    index('tasks_title_trgm_idx', [col('title', { opclass: 'gin_trgm_ops' })], { method: 'gin' }),
    index('tasks_title_pattern_idx', [col('title', { opclass: 'text_pattern_ops', collation: '"C"' })]),
  ],
  comment: 'work items',
});

const projects = table('public', 'projects', {
  columns: [
    column('id', 'integer', {
      nullable: false,
      valueSource: { kind: 'serial', sequence: { schema: 'public', name: 'project_ids' } },
    }),
    column('owner_task_id', 'integer'),
    column('name', 'text', { nullable: false }),
  ],
  primaryKey: { name: 'projects_pkey', columns: ['id'] },
  foreignKeys: [
    {
      name: 'projects_owner_task_fk',
      columns: ['owner_task_id'],
      references: { schema: 'public', name: 'tasks', columns: ['id'] },
      onDelete: 'SET NULL',
      onUpdate: 'NO ACTION',
      deferrable: 'DEFERRABLE INITIALLY IMMEDIATE',
      match: 'SIMPLE',
    },
  ],
});

const countersFrom = table('public', 'counters', {
  columns: [
    column('a', 'integer', {
      nullable: false,
      valueSource: identity({ schema: 'public', name: 'counters_a_seq' }, 'integer'),
    }),
    column('b', 'integer', { nullable: false }),
    column('c', 'bigint', {
      nullable: false,
      valueSource: identity({ schema: 'public', name: 'counters_c_seq' }, 'bigint', 'ALWAYS'),
    }),
    column('d', 'integer', {
      nullable: false,
      valueSource: { kind: 'serial', sequence: { schema: 'public', name: 'counters_d_seq' } },
    }),
  ],
});

const countersTo = table('public', 'counters', {
  columns: [
    column('a', 'integer', {
      nullable: false,
      valueSource: identity({ schema: 'public', name: 'counter_a_ids' }, 'integer', 'ALWAYS', { cache: '5' }),
    }),
    column('b', 'integer', {
      nullable: false,
      valueSource: identity({ schema: 'public', name: 'counters_b_seq' }, 'integer'),
    }),
    column('c', 'bigint', { nullable: false }),
    column('d', 'bigint', {
      nullable: false,
      valueSource: { kind: 'serial', sequence: { schema: 'public', name: 'counter_d_numbers' } },
    }),
  ],
  indexes: [
    index('counters_lower_idx', [
      expr('(a + b)', { descending: true, nullsFirst: false }),
      col('d', { nullsFirst: true }),
    ]),
  ],
});

const invoices = table('billing', 'invoices', {
  columns: [
    column('id', 'bigint', { nullable: false, valueSource: defaultOf("nextval('public.invoice_seq'::regclass)") }),
    column('amount', 'public.positive_int'),
    column('email', 'public.email'),
  ],
  primaryKey: { name: 'invoices_pkey', columns: ['id'] },
});

export const FROM: Schema = schema({
  schemas: ['app', 'legacy', 'public'],
  extensions: [{ name: 'citext', schema: 'public' }],
  enums: [
    { schema: 'app', name: 'legacy_kind', values: ['a', 'b'] },
    { schema: 'public', name: 'mood', values: ['happy', 'sad', 'angry'] },
    { schema: 'public', name: 'status', values: ['draft', 'published', 'archived'], comment: 'post status' },
  ],
  domains: [
    { schema: 'public', name: 'old_domain', dataType: 'text', arrayDims: 0, notNull: false, checks: [] },
    {
      schema: 'public',
      name: 'positive_int',
      dataType: 'integer',
      arrayDims: 0,
      notNull: false,
      checks: [{ name: 'positive_int_check', expression: '((VALUE > 0))' }],
    },
  ],
  sequences: [
    {
      schema: 'app',
      name: 'legacy_counter',
      ...sequenceOptions('integer'),
      ownedBy: { table: { schema: 'app', name: 'legacy_tickets' }, column: 'id' },
    },
    { schema: 'public', name: 'invoice_seq', ...sequenceOptions('bigint') },
    { schema: 'public', name: 'small_seq', ...sequenceOptions('integer', { cycle: true }) },
  ],
  tables: [legacyTickets, archive, audit, countersFrom, ordersFrom, peopleFrom, postsFrom, tagsFrom, usersFrom],
});

export const TO: Schema = schema({
  schemas: ['app', 'billing', 'public'],
  extensions: [{ name: 'pg_trgm', schema: 'public' }],
  enums: [
    { schema: 'public', name: 'mood', values: ['happy', 'angry'] },
    { schema: 'public', name: 'priority', values: ['low', 'high'], comment: 'urgency' },
    {
      schema: 'public',
      name: 'status',
      values: ['idea', 'draft', 'review', 'published', 'archived', 'deleted'],
      comment: 'publication status',
    },
  ],
  domains: [
    {
      schema: 'public',
      name: 'email',
      dataType: 'text',
      arrayDims: 0,
      notNull: false,
      collation: '"C"',
      checks: [{ name: 'email_check', expression: "((VALUE ~ '@'::text))" }],
      comment: 'an address',
    },
    {
      schema: 'public',
      name: 'positive_int',
      dataType: 'integer',
      arrayDims: 0,
      notNull: true,
      default: '1',
      checks: [
        { name: 'positive_check', expression: '((VALUE > 0))' },
        { name: 'upper_bound', expression: '((VALUE < 1000000))' },
      ],
      comment: 'strictly positive',
    },
  ],
  sequences: [
    {
      schema: 'public',
      name: 'invoice_seq',
      ...sequenceOptions('bigint', { increment: '5', cache: '10' }),
      comment: 'invoice numbers',
    },
    {
      schema: 'public',
      name: 'order_no_seq',
      ...sequenceOptions('bigint'),
      ownedBy: { table: { schema: 'public', name: 'orders' }, column: 'order_no' },
    },
    {
      schema: 'public',
      name: 'countdown',
      ...sequenceOptions('integer', { increment: '-1', min: '-2147483648', max: '100', start: '100' }),
    },
    { schema: 'public', name: 'small_seq', ...sequenceOptions('bigint', { increment: '3' }) },
  ],
  tables: [invoices, audit, countersTo, ordersTo, peopleTo, postsTo, projects, tagsTo, tasks, usersTo],
});
