/** One change of every kind, for the golden SQL tests. */
import type { Change, ChangeKind } from '../../src/diff/changes';
import type { ForeignKey, Table } from '../../src/schema/model';
import { col, column, defaultOf, expr, identity, index, sequenceOptions, table } from '../diff/helpers/build';

export const users = { schema: 'public', name: 'users' };
export const status = { schema: 'public', name: 'status' };

const statusUse = {
  table: { schema: 'app', name: 'Posts' },
  column: 'state',
  arrayDims: 0,
  fromDefault: "'draft'::public.status",
  toDefault: "'draft'::public.status",
};

const fk: ForeignKey = {
  name: 'posts_author_fk',
  columns: ['author_id', 'tenant'],
  references: { schema: 'public', name: 'users', columns: ['id', 'tenant'] },
  onDelete: 'CASCADE',
  onUpdate: 'SET NULL',
  deferrable: 'DEFERRABLE INITIALLY DEFERRED',
  match: 'FULL',
};

export const cardsTable: Table = table('public', 'cards', {
  columns: [
    column('id', 'integer', {
      nullable: false,
      valueSource: { kind: 'serial', sequence: { schema: 'public', name: 'cards_id_seq' } },
    }),
    column('no', 'bigint', {
      nullable: false,
      valueSource: { kind: 'serial', sequence: { schema: 'public', name: 'card_numbers' } },
    }),
    column('ref', 'bigint', {
      nullable: false,
      valueSource: identity({ schema: 'public', name: 'cards_ref_seq' }, 'bigint', 'ALWAYS', {
        start: '10',
        cache: '20',
        cycle: true,
      }),
    }),
    column('title', 'character varying(40)', {
      collation: '"C"',
      valueSource: defaultOf("'untitled'::character varying"),
    }),
    column('labels', 'text', { arrayDims: 1, comment: 'free-form' }),
    column('during', 'tstzrange'),
    column('upper_title', 'text', { valueSource: { kind: 'generated', expression: 'upper((title)::text)' } }),
  ],
  primaryKey: { name: 'cards_pkey', columns: ['id'] },
  foreignKeys: [fk],
  uniques: [
    { name: 'cards_no_key', columns: ['no'], nullsNotDistinct: true, deferrable: 'DEFERRABLE INITIALLY IMMEDIATE' },
  ],
  checks: [{ name: 'cards_title_check', expression: "((title)::text <> ''::text)", noInherit: true }],
  exclusions: [{ name: 'cards_during_excl', definition: 'USING gist (during WITH &&)' }],
  indexes: [index('cards_labels_idx', [col('labels')], { method: 'gin' })],
  comment: 'a "card"',
});

/** Every kind, so that the golden test can tell when a new kind has no case (a missing key fails to typecheck). */
export const ALL_KINDS: Record<ChangeKind, true> = {
  createSchema: true,
  dropSchema: true,
  createExtension: true,
  dropExtension: true,
  setExtensionSchema: true,
  createEnum: true,
  dropEnum: true,
  addEnumValue: true,
  recreateEnum: true,
  setEnumComment: true,
  createDomain: true,
  dropDomain: true,
  alterDomainDefault: true,
  alterDomainNotNull: true,
  addDomainCheck: true,
  dropDomainCheck: true,
  renameDomainConstraint: true,
  setDomainComment: true,
  createSequence: true,
  dropSequence: true,
  alterSequence: true,
  setSequenceOwner: true,
  setSequenceComment: true,
  createTable: true,
  dropTable: true,
  setTableComment: true,
  addColumn: true,
  dropColumn: true,
  alterColumnType: true,
  setNotNull: true,
  dropNotNull: true,
  setDefault: true,
  dropDefault: true,
  addIdentity: true,
  dropIdentity: true,
  alterIdentity: true,
  alterColumnValueSource: true,
  setColumnComment: true,
  addPrimaryKey: true,
  dropPrimaryKey: true,
  addForeignKey: true,
  dropForeignKey: true,
  addUnique: true,
  dropUnique: true,
  addCheck: true,
  dropCheck: true,
  addExclusion: true,
  dropExclusion: true,
  createIndex: true,
  dropIndex: true,
  renameIndex: true,
  renameConstraint: true,
  renameEnum: true,
  renameEnumValue: true,
  renameTable: true,
  renameColumn: true,
};

export const CHANGES: Array<{ name: string; change: Change }> = [
  { name: 'createSchema', change: { kind: 'createSchema', schema: 'Billing' } },
  { name: 'dropSchema', change: { kind: 'dropSchema', schema: 'legacy' } },
  { name: 'createExtension', change: { kind: 'createExtension', extension: { name: 'pg_trgm', schema: 'public' } } },
  { name: 'dropExtension', change: { kind: 'dropExtension', extension: { name: 'uuid-ossp', schema: 'ext' } } },
  { name: 'setExtensionSchema', change: { kind: 'setExtensionSchema', name: 'citext', from: 'public', to: 'ext' } },
  {
    name: 'createEnum',
    change: { kind: 'createEnum', enum: { ...status, values: ['draft', "it's done"], comment: 'state' } },
  },
  { name: 'dropEnum', change: { kind: 'dropEnum', enum: { ...status, values: ['a'] } } },
  {
    name: 'addEnumValue (before)',
    change: {
      kind: 'addEnumValue',
      enum: { ...status, values: ['draft', 'done'] },
      value: 'review',
      before: 'done',
      columns: [statusUse],
    },
  },
  {
    name: 'addEnumValue (appended)',
    change: { kind: 'addEnumValue', enum: { ...status, values: ['draft'] }, value: 'done', columns: [] },
  },
  {
    name: 'recreateEnum',
    change: {
      kind: 'recreateEnum',
      from: { ...status, values: ['draft', 'gone', 'done'] },
      to: { ...status, values: ['done', 'draft'], comment: 'state' },
      columns: [
        { ...statusUse, toDefault: "'done'::public.status" },
        { table: users, column: 'states', arrayDims: 1 },
      ],
    },
  },
  { name: 'setEnumComment', change: { kind: 'setEnumComment', enum: status, from: 'old', to: 'new' } },
  {
    name: 'createDomain',
    change: {
      kind: 'createDomain',
      domain: {
        schema: 'public',
        name: 'codes',
        dataType: 'character varying(8)',
        arrayDims: 1,
        notNull: true,
        default: "'{}'::character varying[]",
        collation: '"C"',
        checks: [{ name: 'codes_check', expression: '((cardinality(VALUE) < 10))' }],
        comment: 'short codes',
      },
    },
  },
  {
    name: 'dropDomain',
    change: {
      kind: 'dropDomain',
      domain: { schema: 'public', name: 'pos', dataType: 'integer', arrayDims: 0, notNull: false, checks: [] },
    },
  },
  {
    name: 'alterDomainDefault',
    change: { kind: 'alterDomainDefault', domain: { schema: 'public', name: 'pos' }, to: '1' },
  },
  {
    name: 'alterDomainNotNull',
    change: { kind: 'alterDomainNotNull', domain: { schema: 'public', name: 'pos' }, notNull: true },
  },
  {
    name: 'addDomainCheck',
    change: {
      kind: 'addDomainCheck',
      domain: { schema: 'public', name: 'pos' },
      check: { name: 'pos_check', expression: '((VALUE > 0))' },
    },
  },
  {
    name: 'dropDomainCheck',
    change: {
      kind: 'dropDomainCheck',
      domain: { schema: 'public', name: 'pos' },
      check: { name: 'pos_check', expression: '((VALUE > 0))' },
    },
  },
  {
    name: 'renameDomainConstraint',
    change: {
      kind: 'renameDomainConstraint',
      domain: { schema: 'public', name: 'pos' },
      from: 'pos_check',
      to: 'positive',
    },
  },
  {
    name: 'setDomainComment',
    change: { kind: 'setDomainComment', domain: { schema: 'public', name: 'pos' }, to: 'positive' },
  },
  {
    name: 'createSequence',
    change: {
      kind: 'createSequence',
      sequence: {
        schema: 'public',
        name: 'countdown',
        ...sequenceOptions('integer', { increment: '-1', min: '-2147483648', max: '100', start: '100' }),
        comment: 'T-minus',
      },
    },
  },
  {
    name: 'dropSequence',
    change: {
      kind: 'dropSequence',
      sequence: { schema: 'public', name: 'seq', ...sequenceOptions('bigint', { cache: '5' }) },
    },
  },
  {
    name: 'alterSequence',
    change: {
      kind: 'alterSequence',
      from: { schema: 'public', name: 'seq', ...sequenceOptions('integer') },
      to: { schema: 'public', name: 'seq', ...sequenceOptions('bigint', { increment: '2', cycle: true }) },
    },
  },
  {
    name: 'setSequenceOwner',
    change: {
      kind: 'setSequenceOwner',
      sequence: { schema: 'public', name: 'seq' },
      to: { table: users, column: 'no' },
    },
  },
  {
    name: 'setSequenceComment',
    change: { kind: 'setSequenceComment', sequence: { schema: 'public', name: 'seq' }, from: 'x' },
  },
  { name: 'createTable', change: { kind: 'createTable', table: cardsTable } },
  { name: 'dropTable', change: { kind: 'dropTable', table: table('public', 'empty') } },
  { name: 'setTableComment', change: { kind: 'setTableComment', table: users, from: 'a', to: 'b' } },
  {
    name: 'addColumn',
    change: {
      kind: 'addColumn',
      table: users,
      column: column('flags', 'bit varying(8)', {
        arrayDims: 2,
        nullable: false,
        valueSource: defaultOf("'{}'::bit varying[]"),
        comment: 'bits',
      }),
    },
  },
  { name: 'dropColumn', change: { kind: 'dropColumn', table: users, column: column('age', 'smallint') } },
  {
    name: 'alterColumnType',
    change: {
      kind: 'alterColumnType',
      table: users,
      from: column('state', 'text', { valueSource: defaultOf("'new'::text") }),
      to: column('state', 'public.status', { enumType: status, valueSource: defaultOf("'draft'::public.status") }),
    },
  },
  { name: 'setNotNull', change: { kind: 'setNotNull', table: users, column: 'email' } },
  { name: 'dropNotNull', change: { kind: 'dropNotNull', table: users, column: 'email' } },
  { name: 'setDefault', change: { kind: 'setDefault', table: users, column: 'age', from: '0', to: '18' } },
  { name: 'dropDefault', change: { kind: 'dropDefault', table: users, column: 'created', from: 'now()' } },
  {
    name: 'addIdentity',
    change: {
      kind: 'addIdentity',
      table: users,
      column: 'id',
      identity: identity({ schema: 'public', name: 'user_ids' }, 'integer', 'BY DEFAULT') as never,
    },
  },
  {
    name: 'dropIdentity',
    change: {
      kind: 'dropIdentity',
      table: users,
      column: 'id',
      identity: identity({ schema: 'public', name: 'users_id_seq' }, 'bigint', 'ALWAYS', { max: '1000' }) as never,
    },
  },
  {
    name: 'alterIdentity',
    change: {
      kind: 'alterIdentity',
      table: users,
      column: 'id',
      from: identity({ schema: 'public', name: 'users_id_seq' }, 'integer', 'ALWAYS') as never,
      to: identity({ schema: 'public', name: 'user_ids' }, 'integer', 'BY DEFAULT', {
        increment: '5',
        cache: '50',
      }) as never,
    },
  },
  {
    name: 'alterColumnValueSource (serial → identity)',
    change: {
      kind: 'alterColumnValueSource',
      table: users,
      from: column('id', 'integer', {
        nullable: false,
        valueSource: { kind: 'serial', sequence: { schema: 'public', name: 'users_id_seq' } },
      }),
      to: column('id', 'integer', {
        nullable: false,
        valueSource: identity({ schema: 'public', name: 'users_id_seq' }, 'integer', 'ALWAYS'),
      }),
    },
  },
  {
    name: 'alterColumnValueSource (default → generated)',
    change: {
      kind: 'alterColumnValueSource',
      table: users,
      from: column('full_name', 'text', { valueSource: defaultOf("''::text") }),
      to: column('full_name', 'text', {
        valueSource: { kind: 'generated', expression: "((first || ' '::text) || last)" },
        comment: 'derived',
      }),
    },
  },
  {
    name: 'setColumnComment',
    change: { kind: 'setColumnComment', table: users, column: 'email', to: "the user's address" },
  },
  {
    name: 'addPrimaryKey',
    change: { kind: 'addPrimaryKey', table: users, primaryKey: { name: 'users_pkey', columns: ['id', 'Tenant'] } },
  },
  {
    name: 'dropPrimaryKey',
    change: { kind: 'dropPrimaryKey', table: users, primaryKey: { name: 'users_pkey', columns: ['id'] } },
  },
  {
    name: 'addForeignKey',
    change: { kind: 'addForeignKey', table: { schema: 'public', name: 'posts' }, foreignKey: fk },
  },
  {
    name: 'dropForeignKey',
    change: {
      kind: 'dropForeignKey',
      table: { schema: 'public', name: 'posts' },
      foreignKey: {
        ...fk,
        onDelete: 'NO ACTION',
        onUpdate: 'NO ACTION',
        deferrable: 'NOT DEFERRABLE',
        match: 'SIMPLE',
      },
    },
  },
  {
    name: 'addUnique',
    change: {
      kind: 'addUnique',
      table: users,
      unique: { name: 'users_email_key', columns: ['email'], nullsNotDistinct: false, deferrable: 'NOT DEFERRABLE' },
    },
  },
  {
    name: 'dropUnique',
    change: {
      kind: 'dropUnique',
      table: users,
      unique: {
        name: 'users_a_b_key',
        columns: ['a', 'b'],
        nullsNotDistinct: true,
        deferrable: 'DEFERRABLE INITIALLY DEFERRED',
      },
    },
  },
  {
    name: 'addCheck',
    change: { kind: 'addCheck', table: users, check: { name: 'users_age_check', expression: '((age >= 0))' } },
  },
  {
    name: 'dropCheck',
    change: {
      kind: 'dropCheck',
      table: users,
      check: { name: 'users_age_check', expression: '((age >= 0))', noInherit: true },
    },
  },
  {
    name: 'addExclusion',
    change: {
      kind: 'addExclusion',
      table: { schema: 'public', name: 'bookings' },
      exclusion: { name: 'no_overlap', definition: 'USING gist (room WITH =, during WITH &&)' },
    },
  },
  {
    name: 'dropExclusion',
    change: {
      kind: 'dropExclusion',
      table: { schema: 'public', name: 'bookings' },
      exclusion: { name: 'no_overlap', definition: 'USING gist (during WITH &&)' },
    },
  },
  {
    name: 'createIndex',
    change: {
      kind: 'createIndex',
      table: users,
      index: index(
        'users_lower_email_idx',
        [
          expr('lower((email)::text)', {
            collation: '"C"',
            opclass: 'text_pattern_ops',
            descending: true,
            nullsFirst: false,
          }),
          col('Tenant', { nullsFirst: true }),
        ],
        { unique: true, include: ['id'], nullsNotDistinct: true, where: '(deleted_at IS NULL)' },
      ),
    },
  },
  {
    name: 'dropIndex',
    change: { kind: 'dropIndex', table: users, index: index('users_name_idx', [col('name')], { method: 'hash' }) },
  },
  { name: 'renameIndex', change: { kind: 'renameIndex', table: users, from: 'IDX_abc', to: 'users_name_idx' } },
  {
    name: 'renameConstraint',
    change: { kind: 'renameConstraint', table: users, constraint: 'foreignKey', from: 'FK_123', to: 'users_org_fk' },
  },
  { name: 'renameEnum', change: { kind: 'renameEnum', schema: 'public', from: 'users_status_enum', to: 'Status', origin: 'assumed' } },
  { name: 'renameEnumValue', change: { kind: 'renameEnumValue', enum: status, from: "it's", to: 'done', origin: 'hint' } },
  { name: 'renameTable', change: { kind: 'renameTable', schema: 'app', from: 'people', to: 'Members', origin: 'hint' } },
  { name: 'renameColumn', change: { kind: 'renameColumn', table: users, from: 'fullname', to: 'full name', origin: 'assumed' } },
];
