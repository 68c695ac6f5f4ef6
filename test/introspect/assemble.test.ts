/** The pure row → model functions, on hand-written rows (the live tests cover the queries that feed them). */
import { assembleSchema } from '../../src/introspect';
import { catalogObjectName, checkExpression } from '../../src/introspect/assemble/common';
import { serialDefault, valueSource } from '../../src/introspect/assemble/columns';
import { toForeignKey } from '../../src/introspect/assemble/constraints';
import { toIndexElement } from '../../src/introspect/assemble/indexes';
import { indexOwnedSequences } from '../../src/introspect/assemble/sequences';
import { relationKind, toDependencies } from '../../src/introspect/assemble/unmanaged';
import type { CatalogRows, ColumnRow, ConstraintRow, SequenceRow } from '../../src/introspect/rows';

const seq = (over: Partial<SequenceRow>): SequenceRow => ({
  schema: 'public',
  name: 's',
  regclass: 'public.s',
  data_type: 'integer',
  start: '1',
  increment: '1',
  min: '1',
  max: '2147483647',
  cache: '1',
  cycle: false,
  owner_dependency: null,
  owner_schema: null,
  owner_table: null,
  owner_column: null,
  comment: null,
  ...over,
});

const column = (over: Partial<ColumnRow>): ColumnRow => ({
  schema: 'public',
  table: 't',
  position: 1,
  name: 'id',
  data_type: 'integer',
  is_array: false,
  enum_schema: null,
  enum_name: null,
  not_null: true,
  identity: '',
  generated: '',
  default_expr: null,
  collation: null,
  collation_schema: null,
  comment: null,
  ...over,
});

const emptyRows = (): CatalogRows => ({
  relations: [],
  columns: [],
  constraints: [],
  indexes: [],
  enums: [],
  domains: [],
  sequences: [],
  extensions: [],
  schemas: [{ name: "public" }],
  unmanaged: [],
  uses: [],
});

test('checkExpression drops CHECK and the trailing NO INHERIT / NOT VALID markers, in the order Postgres writes them', () => {
  expect(checkExpression('CHECK ((a > 0)) NO INHERIT NOT VALID')).toBe('((a > 0))');
  expect(checkExpression('CHECK ((a > 0)) NOT VALID')).toBe('((a > 0))');
  // Text inside the expression that merely looks like a marker stays.
  expect(checkExpression("CHECK ((b <> 'x NOT VALID'::text))")).toBe("((b <> 'x NOT VALID'::text))");
});

test('catalog object names are bare for pg_catalog and qualified, quoted as needed, elsewhere', () => {
  expect(catalogObjectName('pg_catalog', 'C')).toBe('"C"');
  expect(catalogObjectName('pg_catalog', 'text_pattern_ops')).toBe('text_pattern_ops');
  expect(catalogObjectName('My Schema', 'my_ops')).toBe('"My Schema".my_ops');
});

test('index element direction: nullsFirst recorded only where it departs from the direction’s default', () => {
  const element = (option: number) =>
    toIndexElement({
      column: 'a',
      expression: null,
      opclass: null,
      opclassSchema: null,
      collation: null,
      collationSchema: null,
      option,
    });
  expect(element(0)).toStrictEqual({ kind: 'column', value: 'a', descending: false });
  expect(element(2)).toStrictEqual({ kind: 'column', value: 'a', descending: false, nullsFirst: true });
  expect(element(3)).toStrictEqual({ kind: 'column', value: 'a', descending: true });
  expect(element(1)).toStrictEqual({ kind: 'column', value: 'a', descending: true, nullsFirst: false });
});

describe('serial detection', () => {
  const odd = seq({
    schema: 'Billing',
    name: "Odd'Table_Id_seq",
    regclass: `"Billing"."Odd'Table_Id_seq"`,
    owner_dependency: 'a',
    owner_schema: 'Billing',
    owner_table: "Odd'Table",
    owner_column: 'Id',
  });

  test('the default text matches what pg_get_expr prints for a quoted name with a quote in it', () => {
    // Copied from PG 15: pg_get_expr of the default of `"Billing"."Odd'Table" ("Id" serial)`.
    expect(serialDefault(odd.regclass)).toBe(`nextval('"Billing"."Odd''Table_Id_seq"'::regclass)`);
    const row = column({
      schema: 'Billing',
      table: "Odd'Table",
      name: 'Id',
      default_expr: serialDefault(odd.regclass),
    });
    expect(valueSource(row, indexOwnedSequences([odd])).source).toStrictEqual({
      kind: 'serial',
      sequence: { schema: 'Billing', name: "Odd'Table_Id_seq" },
    });
  });

  test('a nextval() default of a sequence owned by another column is a plain default', () => {
    const row = column({
      schema: 'Billing',
      table: "Odd'Table",
      name: 'other',
      default_expr: serialDefault(odd.regclass),
    });
    expect(valueSource(row, indexOwnedSequences([odd])).source).toStrictEqual({
      kind: 'default',
      expression: serialDefault(odd.regclass),
    });
  });
});

test('a partition is reported as a partition whatever its own relkind', () => {
  expect(relationKind({ schema: 'p', name: 'x', kind: 'p', is_partition: true, comment: null, depends_on: null })).toBe('partition');
  expect(relationKind({ schema: 'p', name: 'x', kind: 'p', is_partition: false, comment: null, depends_on: null })).toBe(
    'partitioned table',
  );
  expect(relationKind({ schema: 'p', name: 'x', kind: 'r', is_partition: false, comment: null, depends_on: null })).toBe('table');
});

test('dependencies: one entry per relation, columns deduplicated and in code-unit order, whole-relation uses keep the columns', () => {
  const dep = (name: string, column: string | null, schema = 'public') => ({ schema, name, column });
  expect(
    toDependencies([dep('t', 'b'), dep('t', 'Z'), dep('t', null), dep('t', 'b'), dep('a', null), dep('t', 'x', 'Other')]),
  ).toStrictEqual([
    { table: { schema: 'Other', name: 't' }, columns: ['x'] },
    { table: { schema: 'public', name: 'a' }, columns: [] },
    { table: { schema: 'public', name: 't' }, columns: ['Z', 'b'] },
  ]);
  // A query that reads nothing in scope leaves the field out of the model.
  expect(toDependencies(null)).toBeUndefined();
  expect(toDependencies([])).toBeUndefined();
});

test('an unknown referential action is an error, not a silent default', () => {
  const fk: ConstraintRow = {
    schema: 'public',
    table: 't',
    name: 'fk',
    type: 'f',
    definition: '',
    columns: ['a'],
    ref_schema: 'public',
    ref_table: 'u',
    ref_columns: ['id'],
    on_delete: 'z',
    on_update: 'a',
    match: 's',
    deferrable: false,
    deferred: false,
    no_inherit: false,
    nulls_not_distinct: null,
  };
  expect(() => toForeignKey(fk)).toThrow(/unknown ON DELETE action 'z'/);
});

test('ignored bookkeeping tables take their sequences and triggers with them; out-of-scope sequences are not listed', () => {
  const rows = emptyRows();
  rows.relations = [
    { schema: 'public', name: 'migrations', kind: 'r', is_partition: false, comment: null, depends_on: null },
    { schema: 'public', name: 'items', kind: 'r', is_partition: false, comment: null, depends_on: null },
  ];
  const migrationsSeq = seq({
    name: 'migrations_id_seq',
    regclass: 'public.migrations_id_seq',
    owner_dependency: 'a',
    owner_schema: 'public',
    owner_table: 'migrations',
    owner_column: 'id',
  });
  const elsewhere = seq({
    schema: 'other',
    name: 'items_id_seq',
    regclass: 'other.items_id_seq',
    owner_dependency: 'a',
    owner_schema: 'public',
    owner_table: 'items',
    owner_column: 'id',
  });
  rows.sequences = [migrationsSeq, elsewhere, seq({ schema: 'other', name: 'unrelated', regclass: 'other.unrelated' })];
  rows.columns = [
    column({ table: 'migrations', default_expr: "nextval('public.migrations_id_seq'::regclass)" }),
    column({ table: 'items', default_expr: "nextval('other.items_id_seq'::regclass)" }),
  ];
  rows.unmanaged = [{ kind: 'trigger', schema: 'public', name: 'log', table: 'migrations', depends_on: null }];

  const schema = assembleSchema(rows, ['public']);
  expect(schema.tables.map((t) => t.name)).toStrictEqual(['items']);
  // The serial's sequence lives outside the scope but is still recognised as the column's.
  expect(schema.tables[0].columns[0].valueSource).toStrictEqual({
    kind: 'serial',
    sequence: { schema: 'other', name: 'items_id_seq' },
  });
  expect(schema.sequences).toStrictEqual([]);
  expect(schema.unmanaged).toStrictEqual([]);
});

test("a sequence owned by a relation the model does not hold (a partitioned table's serial) is not listed", () => {
  const rows = emptyRows();
  rows.relations = [
    { schema: 'public', name: 'events', kind: 'p', is_partition: false, comment: null, depends_on: null },
    { schema: 'public', name: 'items', kind: 'r', is_partition: false, comment: null, depends_on: null },
  ];
  const owned = (table: string) =>
    seq({ name: `${table}_n_seq`, regclass: `public.${table}_n_seq`, owner_dependency: 'a', owner_schema: 'public', owner_table: table, owner_column: 'n' });
  rows.sequences = [owned('events'), owned('items')];
  // items.n does not draw from its sequence: the sequence is a free-standing one, OWNED BY the column.
  rows.columns = [column({ table: 'items', name: 'n' })];
  const schema = assembleSchema(rows, ['public']);
  expect(schema.sequences.map((s) => [s.name, s.ownedBy?.table.name])).toStrictEqual([['items_n_seq', 'items']]);
});
