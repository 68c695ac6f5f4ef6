/** diffSchemas: how objects are paired up, and which change each difference becomes. */
import { type Change, invert } from '../../src/diff/changes';
import { diffSchemas } from '../../src/diff/diff';
import { keepsValues } from '../../src/diff/typechange';
import type { ForeignKey, Schema, Table } from '../../src/schema/model';
import { CHANGES } from '../ddl/cases';
import { col, column, defaultOf, expr, identity, index, schema, table } from './helpers/build';

const kinds = (changes: Change[]) => changes.map((c) => c.kind);
const withTable = (t: Table, extra: Partial<Schema> = {}): Schema => schema({ tables: [t], ...extra });
const base = table('public', 'users', {
  columns: [column('id', 'integer', { nullable: false }), column('email', 'text'), column('name', 'text')],
});

describe('indexes and constraints: definition first, name second', () => {
  test('same definition under a new name is a rename, not drop + create', () => {
    const from = withTable({
      ...base,
      indexes: [index('IDX_1', [expr('lower(email)')])],
      checks: [{ name: 'CHK_1', expression: '((id > 0))' }],
    });
    const to = withTable({
      ...base,
      indexes: [index('users_email_idx', [expr('lower(email)')])],
      checks: [{ name: 'users_id_check', expression: '((id > 0))' }],
    });
    expect(diffSchemas(from, to)).toEqual([
      {
        kind: 'renameConstraint',
        table: { schema: 'public', name: 'users' },
        constraint: 'check',
        from: 'CHK_1',
        to: 'users_id_check',
      },
      { kind: 'renameIndex', table: { schema: 'public', name: 'users' }, from: 'IDX_1', to: 'users_email_idx' },
    ]);
  });

  test('same name with a new definition is a drop and a create', () => {
    const from = withTable({ ...base, indexes: [index('users_email_idx', [col('email')])] });
    const to = withTable({ ...base, indexes: [index('users_email_idx', [col('email')], { unique: true })] });
    expect(kinds(diffSchemas(from, to))).toEqual(['dropIndex', 'createIndex']);
  });

  test('a definition moving to another name while the old name gets a new definition: rename, then create', () => {
    const from = withTable({ ...base, indexes: [index('a', [col('email')])] });
    const to = withTable({ ...base, indexes: [index('a', [col('name')]), index('b', [col('email')])] });
    const changes = diffSchemas(from, to);
    expect(changes).toContainEqual({
      kind: 'renameIndex',
      table: { schema: 'public', name: 'users' },
      from: 'a',
      to: 'b',
    });
    expect(kinds(changes).sort()).toEqual(['createIndex', 'renameIndex']);
  });

  test('two names swapped go through a temporary name', () => {
    const from = withTable({ ...base, indexes: [index('a', [col('email')]), index('b', [col('name')])] });
    const to = withTable({ ...base, indexes: [index('a', [col('name')]), index('b', [col('email')])] });
    const renames = diffSchemas(from, to).map((c) => (c.kind === 'renameIndex' ? `${c.from}→${c.to}` : c.kind));
    expect(renames).toEqual(['b→ormdiff_tmp_1', 'a→b', 'ormdiff_tmp_1→a']);
  });

  test('a primary key and a foreign key renamed keep their definitions', () => {
    const fk: Omit<ForeignKey, 'name'> = {
      columns: ['id'],
      references: { schema: 'public', name: 'orgs', columns: ['id'] },
      onDelete: 'CASCADE',
      onUpdate: 'NO ACTION',
      deferrable: 'NOT DEFERRABLE',
      match: 'SIMPLE',
    };
    const from = withTable({
      ...base,
      primaryKey: { name: 'PK_x', columns: ['id'] },
      foreignKeys: [{ name: 'FK_x', ...fk }],
    });
    const to = withTable({
      ...base,
      primaryKey: { name: 'users_pkey', columns: ['id'] },
      foreignKeys: [{ name: 'users_org_fk', ...fk }],
    });
    expect(
      diffSchemas(from, to).map((c) => (c.kind === 'renameConstraint' ? `${c.constraint}:${c.from}→${c.to}` : c.kind)),
    ).toEqual(['primaryKey:PK_x→users_pkey', 'foreignKey:FK_x→users_org_fk']);
  });
});

describe('columns', () => {
  test('a type, array or collation change is one alterColumnType, never drop + add', () => {
    const to = withTable({
      ...base,
      columns: [
        column('id', 'bigint', { nullable: false }),
        column('email', 'text', { collation: '"C"' }),
        column('name', 'text', { arrayDims: 1 }),
      ],
    });
    expect(kinds(diffSchemas(withTable(base), to))).toEqual(['alterColumnType', 'alterColumnType', 'alterColumnType']);
  });

  test('a default changing with the type is restored by the type change itself', () => {
    const from = withTable({ ...base, columns: [column('age', 'text', { valueSource: defaultOf("'0'::text") })] });
    const to = withTable({ ...base, columns: [column('age', 'integer', { valueSource: defaultOf('0') })] });
    expect(kinds(diffSchemas(from, to))).toEqual(['alterColumnType']);
  });

  test('value sources: default → default records the previous value; none → identity; serial → identity', () => {
    const seq = { schema: 'public', name: 't_id_seq' };
    const from = withTable(
      table('public', 't', {
        columns: [
          column('a', 'integer', { valueSource: defaultOf('1') }),
          column('b', 'integer', { nullable: false }),
          column('id', 'integer', { nullable: false, valueSource: { kind: 'serial', sequence: seq } }),
        ],
      }),
    );
    const to = withTable(
      table('public', 't', {
        columns: [
          column('a', 'integer', { valueSource: defaultOf('2') }),
          column('b', 'integer', {
            nullable: false,
            valueSource: identity({ schema: 'public', name: 't_b_seq' }, 'integer'),
          }),
          column('id', 'integer', { nullable: false, valueSource: identity(seq, 'integer') }),
        ],
      }),
    );
    const changes = diffSchemas(from, to);
    expect(changes[0]).toEqual({
      kind: 'setDefault',
      table: { schema: 'public', name: 't' },
      column: 'a',
      from: '1',
      to: '2',
    });
    expect(kinds(changes)).toEqual(['setDefault', 'addIdentity', 'alterColumnValueSource']);
  });

  test('nullability and comments', () => {
    const to = withTable({
      ...base,
      columns: [
        column('id', 'integer'),
        column('email', 'text', { nullable: false, comment: 'login' }),
        base.columns[2],
      ],
    });
    expect(kinds(diffSchemas(withTable(base), to))).toEqual(['dropNotNull', 'setNotNull', 'setColumnComment']);
  });
});

describe('enums', () => {
  const status = (values: string[]) => ({ schema: 'public', name: 'status', values });
  const posts = (def: string) =>
    table('public', 'posts', {
      columns: [
        column('state', 'public.status', {
          enumType: { schema: 'public', name: 'status' },
          valueSource: defaultOf(def),
        }),
      ],
    });

  test('inserted and appended values become ADD VALUE placed before/after a neighbour that exists by then', () => {
    const changes = diffSchemas(
      schema({ enums: [status(['b', 'd'])] }),
      schema({ enums: [status(['a', 'b', 'c', 'd', 'e'])] }),
    );
    expect(changes.map((c) => (c.kind === 'addEnumValue' ? [c.value, c.before, c.after] : c.kind))).toEqual([
      ['a', 'b', undefined],
      ['c', undefined, 'b'],
      ['e', undefined, undefined],
    ]);
  });

  test('a removed or reordered value recreates the type, moving the columns and their defaults', () => {
    const from = schema({ enums: [status(['a', 'b', 'c'])], tables: [posts("'b'::public.status")] });
    const to = schema({ enums: [status(['c', 'a'])], tables: [posts("'a'::public.status")] });
    expect(diffSchemas(from, to)).toEqual([
      {
        kind: 'recreateEnum',
        from: status(['a', 'b', 'c']),
        to: status(['c', 'a']),
        columns: [
          {
            table: { schema: 'public', name: 'posts' },
            column: 'state',
            arrayDims: 0,
            fromDefault: "'b'::public.status",
            toDefault: "'a'::public.status",
          },
        ],
      },
    ]);
  });

  test('created and dropped types', () => {
    const changes = diffSchemas(
      schema({ enums: [status(['a'])] }),
      schema({ enums: [{ schema: 'public', name: 'kind', values: ['x'] }] }),
    );
    expect(kinds(changes)).toEqual(['dropEnum', 'createEnum']);
  });
});

describe('scope', () => {
  test('objects in schemas outside from.schemas ∪ to.schemas are not touched, nor is anything unmanaged', () => {
    const elsewhere = table('audit', 'log', { columns: [column('id', 'integer')] });
    const from = schema({
      tables: [elsewhere],
      enums: [{ schema: 'audit', name: 'level', values: ['x'] }],
      unmanaged: [{ kind: 'view', schema: 'public', name: 'v' }],
    });
    expect(diffSchemas(from, schema())).toEqual([]);
  });

  test('schemas only on one side are created or dropped; a dropped table takes its foreign keys first', () => {
    const child = table('old', 'child', {
      columns: [column('parent_id', 'integer')],
      foreignKeys: [
        {
          name: 'child_parent_fk',
          columns: ['parent_id'],
          references: { schema: 'old', name: 'parent', columns: ['id'] },
          onDelete: 'NO ACTION',
          onUpdate: 'NO ACTION',
          deferrable: 'NOT DEFERRABLE',
          match: 'SIMPLE',
        },
      ],
    });
    const from = schema({ schemas: ['old', 'public'], tables: [child] });
    expect(kinds(diffSchemas(from, schema({ schemas: ['new', 'public'] })))).toEqual([
      'createSchema',
      'dropSchema',
      'dropForeignKey',
      'dropTable',
    ]);
  });
});

describe('invert', () => {
  test.each(CHANGES.filter((c) => c.change.kind !== 'addEnumValue'))(
    '$name: inverting twice gives the change back',
    ({ change }) => {
      expect(invert(invert(change))).toEqual(change);
    },
  );

  test('an added value inverts to a recreate without it, moving the same columns', () => {
    const use = {
      table: { schema: 'public', name: 'posts' },
      column: 'state',
      arrayDims: 0,
      toDefault: "'a'::public.status",
    };
    const back = invert({
      kind: 'addEnumValue',
      enum: { schema: 'public', name: 'status', values: ['a', 'c'] },
      value: 'b',
      after: 'a',
      columns: [use],
    });
    expect(back).toEqual({
      kind: 'recreateEnum',
      from: { schema: 'public', name: 'status', values: ['a', 'b', 'c'] },
      to: { schema: 'public', name: 'status', values: ['a', 'c'] },
      columns: [{ table: use.table, column: 'state', arrayDims: 0, fromDefault: "'a'::public.status" }],
    });
  });
});

/** The one verdict on narrowing is typechange.ts's: a change narrows when some value may not survive it. */
const isNarrowing = (from: Parameters<typeof keepsValues>[0], to: Parameters<typeof keepsValues>[1]): boolean => !keepsValues(from, to);

describe('narrowing (typechange.keepsValues)', () => {
  test.each([
    ['character varying(100)', 'character varying(50)', true],
    ['character varying(50)', 'character varying(100)', false],
    ['text', 'character varying(10)', true],
    ['character varying(10)', 'text', false],
    ['numeric(10,2)', 'numeric(12,2)', false],
    ['numeric(10,2)', 'numeric(10,1)', true],
    ['numeric(10,2)', 'numeric(11,3)', false],
    ['numeric', 'numeric(10,2)', true],
    ['bigint', 'integer', true],
    ['integer', 'bigint', false],
    ['integer', 'numeric(12,0)', false],
    ['bigint', 'numeric(10,0)', true],
    ['text', 'integer', true],
    ['integer', 'text', false],
    ['timestamp(6) without time zone', 'timestamp(3) without time zone', true],
    ['timestamp without time zone', 'timestamp with time zone', false],
    // Every jsonb value is valid json text (the deleted narrowing.ts counted any unknown pair as narrowing).
    ['jsonb', 'json', false],
  ])('%s → %s: %s', (from, to, expected) => {
    expect(isNarrowing({ dataType: from, arrayDims: 0 }, { dataType: to, arrayDims: 0 })).toBe(expected);
  });

  test('a change of array dimensions narrows', () => {
    expect(isNarrowing({ dataType: 'text', arrayDims: 1 }, { dataType: 'text', arrayDims: 0 })).toBe(true);
  });
});
