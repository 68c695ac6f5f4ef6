/** Rename detection (pure): candidates, assumptions, ambiguities, hints; and the model rewrites a rename implies. */
import { renameIdentifier, renameQualified } from '../../../src/diff/expressions';
import { diffWithHints } from '../../../src/diff/renames/diff-with-hints';
import { NO_HINTS, parseRenameHint } from '../../../src/diff/renames/hints';
import { applyColumnRename, applyTableRename, applyTypeRename } from '../../../src/diff/renames/apply';
import { resolveRenames } from '../../../src/diff/renames/detect';
import type { Schema, Table } from '../../../src/schema/model';
import { col, column, defaultOf, expr, index, schema, table } from '../helpers/build';

const users = (...columns: ReturnType<typeof column>[]): Table =>
  table('public', 'users', { columns: [column('id', 'integer', { nullable: false }), ...columns], primaryKey: { name: 'users_pkey', columns: ['id'] } });
const one = (t: Table, extra: Partial<Schema> = {}) => schema({ tables: [t], ...extra });
const hints = (...renames: string[]) => ({ ...NO_HINTS, renames: renames.map(parseRenameHint) });
const kinds = (s: { changes: { kind: string }[] }) => s.changes.map((c) => c.kind);

describe('columns', () => {
  test('one column out, one of a compatible type in: an assumed rename, and only the type change remains', () => {
    const d = diffWithHints(one(users(column('fullname', 'character varying(50)'))), one(users(column('full_name', 'character varying(80)'))), NO_HINTS);
    expect(d.changes).toEqual([
      { kind: 'renameColumn', table: { schema: 'public', name: 'users' }, from: 'fullname', to: 'full_name', origin: 'assumed' },
      expect.objectContaining({ kind: 'alterColumnType' }),
    ]);
  });

  test('a column whose values would not survive the new type is no candidate', () => {
    const d = diffWithHints(one(users(column('score', 'text'))), one(users(column('points', 'integer'))), NO_HINTS);
    expect(kinds(d)).toEqual(['dropColumn', 'addColumn']);
    expect(d.renames.ambiguities).toEqual([]);
  });

  test('candidates touching each other are an ambiguity: drop + add, every pair listed', () => {
    const d = diffWithHints(
      one(users(column('a', 'text'), column('b', 'text'))),
      one(users(column('c', 'text'), column('d', 'text'))),
      NO_HINTS,
    );
    expect(kinds(d).sort()).toEqual(['addColumn', 'addColumn', 'dropColumn', 'dropColumn']);
    expect(d.renames.ambiguities).toEqual([
      { subject: { kind: 'column', table: { schema: 'public', name: 'users' } }, pairs: expect.arrayContaining([{ from: 'a', to: 'c' }, { from: 'a', to: 'd' }, { from: 'b', to: 'c' }, { from: 'b', to: 'd' }]) },
    ]);
  });

  test('hints settle an ambiguity; `=-` refuses a rename; the last hint for an object wins; stale hints are reported unused', () => {
    const from = one(users(column('a', 'text'), column('b', 'text')));
    const to = one(users(column('c', 'text'), column('d', 'text')));
    const d = diffWithHints(from, to, hints('users.a=d', 'users.b=c', 'users.zzz=y'));
    expect(d.changes.map((c) => (c.kind === 'renameColumn' ? `${c.from}→${c.to} ${c.origin}` : c.kind))).toEqual(['a→d hint', 'b→c hint']);
    expect(d.renames.unusedHints).toEqual([parseRenameHint('users.zzz=y')]);
    const refused = diffWithHints(one(users(column('a', 'text'))), one(users(column('c', 'text'))), hints('users.a=c', 'users.a=-'));
    expect(kinds(refused)).toEqual(['dropColumn', 'addColumn']);
  });

  test('without detection only hints rename', () => {
    const d = diffWithHints(one(users(column('a', 'text'))), one(users(column('c', 'text'))), NO_HINTS, { detectRenames: false });
    expect(kinds(d)).toEqual(['dropColumn', 'addColumn']);
  });
});

describe('tables, enum types and values', () => {
  const people = (name: string, cols: string[]) =>
    table('public', name, { columns: cols.map((c) => column(c, 'text')), primaryKey: { name: `${name}_pkey`, columns: [cols[0]] } });

  test('a table sharing at least half its columns is a candidate; its key is renamed by definition', () => {
    const d = diffWithHints(one(people('person', ['id', 'name', 'email'])), one(people('persons', ['id', 'name', 'mail'])), NO_HINTS);
    expect(d.changes.map((c) => c.kind)).toEqual(['renameTable', 'renameColumn', 'renameConstraint']);
    const unrelated = diffWithHints(one(people('a', ['id', 'x', 'y', 'z'])), one(people('b', ['id', 'p', 'q', 'r', 's'])), NO_HINTS);
    expect(kinds(unrelated)).toEqual(['dropTable', 'createTable']);
  });

  test('an enum with the same values under a new name is renamed, and its columns follow without a type change', () => {
    const mood = (name: string) => ({ schema: 'public', name, values: ['sad', 'happy'] });
    const t = (type: string) => users(column('m', `public.${type}`, { enumType: { schema: 'public', name: type }, valueSource: defaultOf(`'sad'::public.${type}`) }));
    const d = diffWithHints(one(t('mood'), { enums: [mood('mood')] }), one(t('feeling'), { enums: [mood('feeling')] }), NO_HINTS);
    expect(d.changes).toEqual([{ kind: 'renameEnum', schema: 'public', from: 'mood', to: 'feeling', origin: 'assumed' }]);
  });

  test('one value out and one in is a value rename; defaults naming it follow', () => {
    const kind = (values: string[]) => ({ schema: 'public', name: 'kind', values });
    const t = (v: string) => users(column('k', 'public.kind', { enumType: { schema: 'public', name: 'kind' }, valueSource: defaultOf(`'${v}'::public.kind`) }));
    const d = diffWithHints(one(t('b'), { enums: [kind(['a', 'b'])] }), one(t('c'), { enums: [kind(['a', 'c'])] }), NO_HINTS);
    expect(d.changes).toEqual([{ kind: 'renameEnumValue', enum: { schema: 'public', name: 'kind' }, from: 'b', to: 'c', origin: 'assumed' }]);
  });

  test('an --enum-map for a removed value means it is removed, never renamed', () => {
    const kind = (values: string[]) => ({ schema: 'public', name: 'kind', values });
    const t = users(column('k', 'public.kind', { enumType: { schema: 'public', name: 'kind' } }));
    const d = diffWithHints(one(t, { enums: [kind(['a', 'b'])] }), one(t, { enums: [kind(['a', 'c'])] }), {
      ...NO_HINTS,
      enumMaps: [{ type: { name: 'kind' }, from: 'b', to: 'a' }],
    });
    expect(d.changes.map((c) => c.kind)).toEqual(['recreateEnum']);
    expect(d.changes[0]).toMatchObject({ valueMap: [{ from: 'b', to: 'a' }] });
  });
});

describe('what a rename carries along', () => {
  const posts = table('public', 'posts', {
    columns: [column('id', 'integer'), column('author', 'integer'), column('title', 'text', { valueSource: defaultOf("'author'::text") })],
    foreignKeys: [
      {
        name: 'posts_author_fk',
        columns: ['author'],
        references: { schema: 'public', name: 'users', columns: ['id'] },
        onDelete: 'NO ACTION',
        onUpdate: 'NO ACTION',
        deferrable: 'NOT DEFERRABLE',
        match: 'SIMPLE',
      },
    ],
    checks: [{ name: 'posts_author_check', expression: "((author > 0) AND (title <> 'author'::text))" }],
    indexes: [index('posts_author_idx', [col('author')], { include: ['title'] }), index('posts_lower_idx', [expr('lower(title)')], { where: '(author IS NOT NULL)' })],
  });

  test('a column rename rewrites keys, indexes and expressions, but not string literals or function names', () => {
    const s = applyColumnRename(one(posts), { schema: 'public', name: 'posts' }, 'author', 'writer');
    const t = s.tables[0];
    expect(t.foreignKeys[0].columns).toEqual(['writer']);
    expect(t.checks[0].expression).toBe("((writer > 0) AND (title <> 'author'::text))");
    expect(t.indexes.map((i) => [i.elements[0].value, i.where])).toEqual([['writer', undefined], ['lower(title)', '(writer IS NOT NULL)']]);
    expect(t.columns[2].valueSource).toEqual(defaultOf("'author'::text"));
  });

  test('a table rename moves the foreign keys that point at it', () => {
    const s = applyTableRename(schema({ tables: [users(), posts] }), 'public', 'users', 'members');
    expect(s.tables.map((t) => t.name)).toEqual(['members', 'posts']);
    expect(s.tables[1].foreignKeys[0].references.name).toBe('members');
  });

  test('a type rename changes column types and casts in expressions, not longer names that start alike', () => {
    const t = users(column('m', 'public.mood', { enumType: { schema: 'public', name: 'mood' }, valueSource: defaultOf("'x'::public.mood") }));
    const s = applyTypeRename(one(t, { enums: [{ schema: 'public', name: 'mood', values: ['x'] }] }), 'public', 'mood', 'feeling');
    expect(s.tables[0].columns[1]).toMatchObject({ dataType: 'public.feeling', valueSource: defaultOf("'x'::public.feeling") });
    expect(renameQualified("'a'::public.mood_old, public.mood", 'public.mood', 'public.feeling')).toBe("'a'::public.mood_old, public.feeling");
  });

  test('identifiers: quoted ones are matched exactly and written back quoted only where needed', () => {
    expect(renameIdentifier('("Full Name" IS NOT NULL)', 'Full Name', 'name')).toBe('(name IS NOT NULL)');
    expect(renameIdentifier('(a.b = b) AND (b::b = 1) AND b(1)', 'b', 'Bee')).toBe('(a.b = "Bee") AND ("Bee"::b = 1) AND b(1)');
  });

  test('the pass is pure: the input models are not touched', () => {
    const from = one(users(column('a', 'text')));
    const copy = JSON.stringify(from);
    resolveRenames(from, one(users(column('b', 'text'))), []);
    expect(JSON.stringify(from)).toBe(copy);
  });
});
