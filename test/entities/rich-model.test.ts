/**
 * Exact model objects for the tricky parts of the rich fixture. No database: readEntities only builds
 * TypeORM's metadata. (Names like PK_… are TypeORM's hashes; synchronize.test.ts checks them live.)
 */
import 'reflect-metadata';
import { readEntities, type EntityReadResult } from '../../src/entities/read';
import type { Column, ForeignKey, Table } from '../../src/schema/model';
import { richEntities } from '../fixtures/rich';
import { hasForeignKeyDecorator } from '../fixtures/rich/audit/event.entity';

let read: EntityReadResult;

beforeAll(async () => {
  read = await readEntities({ type: 'postgres', entities: richEntities });
});

function table(name: string, schema = 'public'): Table {
  const found = read.schema.tables.find((t) => t.schema === schema && t.name === name);
  if (!found) throw new Error(`no table ${schema}.${name}`);
  return found;
}

const column = (t: string, name: string, schema = 'public'): Column => table(t, schema).columns.find((c) => c.name === name)!;
const fk = (t: string, name: string, schema = 'public'): ForeignKey => table(t, schema).foreignKeys.find((f) => f.name === name)!;
const plain = (name: string, dataType: string, nullable = false): Column => ({ name, dataType, arrayDims: 0, nullable, valueSource: { kind: 'none' } });
const btree = (name: string, ...columns: string[]) => ({
  name,
  unique: false,
  method: 'btree',
  elements: columns.map((value) => ({ kind: 'column' as const, value, descending: false })),
  include: [],
  nullsNotDistinct: false,
});

describe('enums', () => {
  it('names enum types <table>_<column>_enum or enumName, one type per shared enumName, values in declared order', () => {
    expect(read.schema.enums.filter((e) => e.schema === 'public')).toEqual([
      { schema: 'public', name: 'ApiKeys_scope_enum', values: ['read', 'write'] },
      { schema: 'public', name: 'account_status', values: ['active', 'suspended', 'deleted'] },
      { schema: 'public', name: 'cards_status_enum', values: ['draft', 'active', 'frozen', 'closed'] },
      { schema: 'public', name: 'priority_level', values: ['low', 'normal', 'high'] },
      { schema: 'public', name: 'users_permissions_enum', values: ['read', 'write', 'billing'] },
      { schema: 'public', name: 'users_role_enum', values: ['admin', 'member', 'guest'] },
    ]);
  });

  it('types enum columns with the schema-qualified type, quoted where format_type quotes', () => {
    expect(column('cards', 'priority')).toEqual({
      name: 'priority',
      dataType: 'public.priority_level',
      arrayDims: 0,
      nullable: false,
      valueSource: { kind: 'default', expression: "'normal'" },
      enumType: { schema: 'public', name: 'priority_level' },
    });
    expect(column('contents', 'priority').enumType).toEqual({ schema: 'public', name: 'priority_level' });
    expect(column('ApiKeys', 'scope').dataType).toBe('public."ApiKeys_scope_enum"');
    expect(column('users', 'permissions')).toEqual({
      name: 'permissions',
      dataType: 'public.users_permissions_enum',
      arrayDims: 1,
      nullable: false,
      valueSource: { kind: 'default', expression: "'{}'" },
      enumType: { schema: 'public', name: 'users_permissions_enum' },
    });
  });

  it('creates enum types in the table schema, numeric TypeScript enums as their numbers', () => {
    expect(read.schema.enums.find((e) => e.name === 'events_severity_enum')).toEqual({ schema: 'audit', name: 'events_severity_enum', values: ['1', '2', '3'] });
    expect(column('events', 'severity', 'audit').valueSource).toEqual({ kind: 'default', expression: "'1'" });
  });
});

describe('generated keys', () => {
  it('uuid: uuid_generate_v4() and the uuid-ossp extension', () => {
    expect(column('users', 'id')).toEqual({
      name: 'id',
      dataType: 'uuid',
      arrayDims: 0,
      nullable: false,
      valueSource: { kind: 'default', expression: 'uuid_generate_v4()' },
    });
    expect(read.schema.extensions).toContainEqual({ name: 'uuid-ossp', schema: 'public' });
  });

  it('uuid with uuidExtension pgcrypto: gen_random_uuid(), built into PostgreSQL 13+, so no pgcrypto', async () => {
    const r = await readEntities({ type: 'postgres', entities: richEntities, uuidExtension: 'pgcrypto' });
    expect(r.schema.tables.find((t) => t.name === 'users')!.columns[0].valueSource).toEqual({ kind: 'default', expression: 'gen_random_uuid()' });
    expect(r.schema.extensions.map((e) => e.name)).toEqual(['btree_gist', 'citext', 'hstore', 'ltree']);
  });

  it('identity: generation, and the sequence Postgres creates with its default options', () => {
    expect(column('cards', 'id')).toEqual({
      name: 'id',
      dataType: 'integer',
      arrayDims: 0,
      nullable: false,
      valueSource: {
        kind: 'identity',
        generation: 'ALWAYS',
        sequence: { schema: 'public', name: 'cards_id_seq', dataType: 'integer', start: '1', increment: '1', min: '1', max: '2147483647', cache: '1', cycle: false },
      },
    });
    expect(column('events', 'id', 'audit').valueSource).toEqual({
      kind: 'identity',
      generation: 'BY DEFAULT',
      sequence: { schema: 'audit', name: 'events_id_seq', dataType: 'bigint', start: '1', increment: '1', min: '1', max: '9223372036854775807', cache: '1', cycle: false },
    });
  });

  it('increment: serial of the column type, sequence <table>_<column>_seq in the table schema', () => {
    expect(column('groups', 'id')).toEqual({
      name: 'id',
      dataType: 'bigint',
      arrayDims: 0,
      nullable: false,
      valueSource: { kind: 'serial', sequence: { schema: 'public', name: 'groups_id_seq' } },
    });
    expect(column('employees', 'id').dataType).toBe('smallint');
    expect(column('reservations', 'id', 'audit').valueSource).toEqual({ kind: 'serial', sequence: { schema: 'audit', name: 'reservations_id_seq' } });
    expect(table('groups').primaryKey).toEqual({ name: 'pk_groups', columns: ['id'] });
  });

  it('truncates long sequence names as Postgres does', () => {
    const t = table('subscription_renewal_reminder_notification_delivery_attempts');
    expect(t.columns.slice(0, 2).map((c) => c.valueSource.kind === 'serial' || c.valueSource.kind === 'identity' ? c.valueSource.sequence.name : '')).toEqual([
      'subscription_renewal_reminder_notification_delivery_atte_id_seq',
      'subscription_renewal_reminder_attempt_sequence_number_withi_seq',
    ]);
  });
});

describe('special columns', () => {
  it('create/update/delete date and version columns', () => {
    const users = table('users');
    const pick = (name: string) => users.columns.find((c) => c.name === name);
    expect(pick('createdAt')).toEqual({ ...plain('createdAt', 'timestamp without time zone'), valueSource: { kind: 'default', expression: 'now()' } });
    expect(pick('updatedAt')).toEqual({ ...plain('updatedAt', 'timestamp(3) with time zone'), valueSource: { kind: 'default', expression: 'now()' } });
    expect(pick('deletedAt')).toEqual(plain('deletedAt', 'timestamp without time zone', true));
    expect(pick('version')).toEqual(plain('version', 'integer'));
  });

  it('embedded columns, nested, with TypeORM prefixes and their index', () => {
    const users = table('users');
    expect(users.columns.filter((c) => c.name.startsWith('address'))).toEqual([
      plain('addressStreet', 'character varying(200)', true),
      plain('addressCity', 'character varying(100)', true),
      plain('addressPostalcode', 'character varying(16)', true),
      { ...plain('addressCountry', 'character(2)'), valueSource: { kind: 'default', expression: "'US'" } },
      plain('addressGeoLat', 'double precision', true),
      plain('addressGeoLng', 'double precision', true),
    ]);
    expect(users.indexes.find((i) => i.elements[0].value === 'addressPostalcode')).toEqual(btree('IDX_fb26b18d4360bb3e6f83d51fb8', 'addressPostalcode'));
  });

  it('generated STORED columns keep TypeORM expression text; collation and comments', () => {
    expect(column('cards', 'labelLength').valueSource).toEqual({ kind: 'generated', expression: 'length("label")' });
    expect(column('users', 'username').collation).toBe('"C"');
    expect(column('users', 'email').comment).toBe("User's e-mail, as typed");
    expect(table('users').comment).toBe('People who can sign in');
  });
});

describe('relations', () => {
  it('many-to-many junction table: composite PK, two CASCADE foreign keys, two indexes', () => {
    expect(table('user_groups')).toEqual({
      schema: 'public',
      name: 'user_groups',
      columns: [plain('user_id', 'uuid'), plain('group_id', 'bigint')],
      primaryKey: { name: 'PK_c95039f66f5d7a452fc53945bfe', columns: ['user_id', 'group_id'] },
      foreignKeys: [
        {
          name: 'FK_4c5f2c23c34f3921fbad2cd3940',
          columns: ['group_id'],
          references: { schema: 'public', name: 'groups', columns: ['id'] },
          onDelete: 'CASCADE',
          onUpdate: 'CASCADE',
          deferrable: 'NOT DEFERRABLE',
          match: 'SIMPLE',
        },
        {
          name: 'FK_95bf94c61795df25a5154350102',
          columns: ['user_id'],
          references: { schema: 'public', name: 'users', columns: ['id'] },
          onDelete: 'CASCADE',
          onUpdate: 'CASCADE',
          deferrable: 'NOT DEFERRABLE',
          match: 'SIMPLE',
        },
      ],
      uniques: [],
      checks: [],
      exclusions: [],
      indexes: [btree('IDX_4c5f2c23c34f3921fbad2cd394', 'group_id'), btree('IDX_95bf94c61795df25a515435010', 'user_id')],
    });
    expect(read.schema.tables.map((t) => t.name)).toContain('cards_categories_categories');
  });

  it('foreign key actions, deferrable, custom names, cross-schema targets', () => {
    expect(fk('cards', 'fk_cards_owner')).toEqual({
      name: 'fk_cards_owner',
      columns: ['owner_id'],
      references: { schema: 'public', name: 'users', columns: ['id'] },
      onDelete: 'SET NULL',
      onUpdate: 'CASCADE',
      deferrable: 'DEFERRABLE INITIALLY DEFERRED',
      match: 'SIMPLE',
    });
    expect(fk('contents', 'FK_21fa2829c68333e180618ecaae5').onDelete).toBe('RESTRICT');
    expect(table('employees').foreignKeys.map((f) => [f.onDelete, f.onUpdate])).toEqual([['NO ACTION', 'NO ACTION']]);
    if (hasForeignKeyDecorator) expect(fk('events', 'fk_events_actor', 'audit')).toMatchObject({ columns: ['actorId'], references: { schema: 'public', name: 'users' }, onDelete: 'SET NULL' });
    expect(fk('events', 'FK_9afbbcc2e5d68f635d772956e62', 'audit')).toMatchObject({ onDelete: 'NO ACTION', onUpdate: 'RESTRICT' });
  });

  it('one-to-one owner: a REL_ unique constraint on the join column', () => {
    expect(table('profiles').uniques).toEqual([{ name: 'REL_9e432b7df0d182f8d292902d1a', columns: ['user_id'], nullsNotDistinct: false, deferrable: 'NOT DEFERRABLE' }]);
  });
});

describe('inheritance and trees', () => {
  it('single-table inheritance: one table, child columns nullable (relations too), discriminator with its index', () => {
    const contents = table('contents');
    expect(contents.columns.map((c) => [c.name, c.dataType, c.nullable])).toEqual([
      ['id', 'integer', false],
      ['title', 'character varying', false],
      ['priority', 'public.priority_level', false],
      ['publishedAt', 'timestamp with time zone', false],
      ['body', 'text', true],
      ['wordCount', 'integer', true],
      ['url', 'character varying(500)', true],
      ['durationSeconds', 'integer', true],
      ['kind', 'character varying(32)', false],
      ['authorId', 'uuid', true],
      ['categoryId', 'integer', true],
    ]);
    expect(contents.foreignKeys.map((f) => [f.columns, f.references.name, f.onDelete])).toEqual([
      [['authorId'], 'users', 'RESTRICT'],
      [['categoryId'], 'categories', 'SET NULL'],
    ]);
    expect(contents.indexes).toEqual([btree('IDX_61c4d2faeb39438341c9b96cfa', 'kind'), btree('IDX_8e7aeba5b570e4aa4d3a2c7478', 'url')]);
    expect(read.schema.tables.some((t) => t.name === 'article' || t.name === 'video')).toBe(false);
  });

  it('closure table: <table>_closure with ancestor/descendant PK, CASCADE keys and indexes', () => {
    const ref = { schema: 'public', name: 'categories', columns: ['id'] };
    const key = (name: string, col: string): ForeignKey => ({
      name,
      columns: [col],
      references: ref,
      onDelete: 'CASCADE',
      onUpdate: 'NO ACTION',
      deferrable: 'NOT DEFERRABLE',
      match: 'SIMPLE',
    });
    expect(table('categories_closure')).toEqual({
      schema: 'public',
      name: 'categories_closure',
      columns: [plain('id_ancestor', 'integer'), plain('id_descendant', 'integer')],
      primaryKey: { name: 'PK_dc67f6a82852c15ec6e4243398d', columns: ['id_ancestor', 'id_descendant'] },
      foreignKeys: [key('FK_51fff5114cc41723e8ca36cf227', 'id_descendant'), key('FK_ea1e9c4eea91160dfdb4318778d', 'id_ancestor')],
      uniques: [],
      checks: [],
      exclusions: [],
      indexes: [btree('IDX_51fff5114cc41723e8ca36cf22', 'id_descendant'), btree('IDX_ea1e9c4eea91160dfdb4318778', 'id_ancestor')],
    });
    expect(column('categories', 'parentId')).toEqual(plain('parentId', 'integer', true));
  });

  it('materialized path and nested set columns', () => {
    expect(column('comments', 'mpath')).toEqual({ ...plain('mpath', 'character varying', true), valueSource: { kind: 'default', expression: "''" } });
    expect(table('menu_items').columns.filter((c) => c.name.startsWith('ns'))).toEqual([
      { ...plain('nsleft', 'integer'), valueSource: { kind: 'default', expression: "'1'" } },
      { ...plain('nsright', 'integer'), valueSource: { kind: 'default', expression: "'2'" } },
    ]);
  });
});

describe('constraints and indexes', () => {
  it('checks in parentheses, exclusions as written, spatial and typed indexes', () => {
    const reservations = table('reservations', 'audit');
    expect(reservations.checks).toEqual([{ name: 'CHK_39a9743af26ecf304bbfdfe0a4', expression: '(NOT isempty("period"))' }]);
    expect(reservations.exclusions).toEqual([
      { name: 'XCL_f843e23d02ade8f8522823cc05', definition: 'USING gist ("room" WITH =, "period" WITH &&)' },
      { name: 'xcl_reservations_guest_overlap', definition: 'USING gist ("guestId" WITH =, "period" WITH &&) DEFERRABLE INITIALLY DEFERRED' },
    ]);
    expect(reservations.indexes).toEqual([{ ...btree('IDX_reservations_room_open', 'room'), where: 'upper_inf("period")' }]);
    expect(table('profiles').indexes[0]).toMatchObject({ method: 'gist', elements: [{ value: 'location' }] });
    expect(table('cards').indexes[0]).toMatchObject({ method: 'gin', elements: [{ value: 'search' }] });
    expect(table('users').indexes.find((i) => i.name === 'IDX_users_active_email')).toEqual({ ...btree('IDX_users_active_email', 'email'), unique: true, where: '"deletedAt" IS NULL' });
  });

  it('unique constraints: column unique, composite with relation column, deferrable', () => {
    expect(table('cards').uniques).toEqual([
      { name: 'uq_cards_owner_label', columns: ['owner_id', 'label'], nullsNotDistinct: false, deferrable: 'DEFERRABLE INITIALLY IMMEDIATE' },
    ]);
    expect(table('users').uniques).toEqual([{ name: 'UQ_97672ac88f789774dd47f7c8be3', columns: ['email'], nullsNotDistinct: false, deferrable: 'NOT DEFERRABLE' }]);
  });

  it('synchronize:false entities and indexes are reported, not modeled', () => {
    expect(read.ignoredTables).toEqual([{ schema: 'public', name: 'legacy_reports' }]);
    expect(read.ignoredIndexes).toEqual([{ table: { schema: 'public', name: 'cards' }, name: 'IDX_cards_legacy_lookup' }]);
    expect(table('cards').indexes.map((i) => i.name)).not.toContain('IDX_cards_legacy_lookup');
  });

  it('sorts tables by schema then name, and constraints by name', () => {
    const keys = read.schema.tables.map((t) => [t.schema, t.name]);
    expect(keys).toEqual([...keys].sort((a, b) => (a[0] + '\u0000' + a[1] < b[0] + '\u0000' + b[1] ? -1 : 1)));
    expect(keys[0]).toEqual(['audit', 'event_tags']);
    for (const t of read.schema.tables) expect(t.foreignKeys.map((f) => f.name)).toEqual(t.foreignKeys.map((f) => f.name).sort());
  });
});

describe('DataSourceOptions.schema', () => {
  it('puts entities without a schema, their enum types, sequences and references into it', async () => {
    const r = await readEntities({ type: 'postgres', entities: richEntities, schema: 'app' });
    expect(r.schema.schemas).toEqual(['app', 'audit']);
    const cards = r.schema.tables.find((t) => t.name === 'cards')!;
    expect(cards.schema).toBe('app');
    expect(cards.columns.find((c) => c.name === 'status')!.dataType).toBe('app.cards_status_enum');
    expect(cards.foreignKeys[0].references.schema).toBe('app');
    expect(r.schema.tables.find((t) => t.name === 'events')!.foreignKeys.map((f) => f.references.schema)).toEqual(['app', 'app']);
    expect(r.schema.tables.find((t) => t.name === 'groups')!.columns[0].valueSource).toEqual({ kind: 'serial', sequence: { schema: 'app', name: 'groups_id_seq' } });
  });

  it('refuses a non-postgres DataSource', async () => {
    await expect(readEntities({ type: 'mysql', entities: richEntities })).rejects.toThrow('ormdiff supports only PostgreSQL, not "mysql"');
  });
});
