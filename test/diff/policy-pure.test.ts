/** The policy (pure): its defaults, how config and command line combine, one-line errors, and what each setting does to the diff. */
import { diffSchemas } from '../../src/diff/diff';
import { diffWithHints } from '../../src/diff/renames/diff-with-hints';
import { NO_HINTS } from '../../src/diff/renames/hints';
import { parsePolicyArgs, parsePolicyConfig, PolicyError, resolvePolicy, STRICT_POLICY, TYPEORM_POLICY } from '../../src/diff/policy';
import { columnScore, nameLikeness } from '../../src/diff/renames/detect';
import { ExitCode } from '../../src/errors';
import type { ForeignKey, Table } from '../../src/schema/model';
import { col, column, index, schema, table } from './helpers/build';

const thrown = (fn: () => unknown): PolicyError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error('did not throw');
};

describe('settings', () => {
  test('default: TypeORM ignores the names of primary keys and one-column uniques, and every column order; other names count', () => {
    expect(resolvePolicy([])).toEqual(TYPEORM_POLICY);
    expect(TYPEORM_POLICY.names).toEqual({
      primaryKey: 'ignore',
      foreignKey: 'compare',
      unique: 'compare',
      columnUnique: 'ignore',
      check: 'compare',
      exclusion: 'compare',
      index: 'compare',
    });
    expect(TYPEORM_POLICY.columnOrder).toEqual({ primaryKey: 'ignore', foreignKey: 'ignore', unique: 'ignore', index: 'ignore' });
  });

  test('the command line over the config, key by key; a bare section sets every kind', () => {
    const config = parsePolicyConfig({ names: { foreignKey: 'ignore', unique: 'ignore' }, columnOrder: 'compare' }, 'ormconfig.ts');
    const cli = parsePolicyArgs(['names.unique=compare', 'columnOrder.foreignKey=ignore']);
    const policy = resolvePolicy([config, cli]);
    expect(policy.names).toEqual({ ...TYPEORM_POLICY.names, foreignKey: 'ignore', unique: 'compare' });
    expect(policy.columnOrder).toEqual({ primaryKey: 'compare', foreignKey: 'ignore', unique: 'compare', index: 'compare' });
    expect(resolvePolicy([parsePolicyArgs(['names=compare', 'columnOrder=compare'])])).toEqual(STRICT_POLICY);
    // A resolved policy is a complete override of its own.
    expect(resolvePolicy([policy])).toEqual(policy);
  });

  test.each([
    [{ nmes: {} }, /^ormdiff\.policy\.nmes in ormconfig\.ts: unknown key \(expected "names", "columnOrder"\)$/],
    [{ names: { pk: 'ignore' } }, /^ormdiff\.policy\.names\.pk in ormconfig\.ts: unknown kind/],
    [{ names: { primaryKey: true } }, /^ormdiff\.policy\.names\.primaryKey in ormconfig\.ts: expected "compare", "ignore", not true$/],
    [{ columnOrder: { check: 'ignore' } }, /^ormdiff\.policy\.columnOrder\.check in ormconfig\.ts: unknown kind/],
    [{ columnOrder: ['primaryKey'] }, /^ormdiff\.policy\.columnOrder in ormconfig\.ts: expected/],
    ['ignore', /^ormdiff\.policy in ormconfig\.ts: expected an object/],
  ])('config %j: one line naming the key, exit 2', (value, message) => {
    const error = thrown(() => parsePolicyConfig(value, 'ormconfig.ts'));
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
    expect(error.exitCode).toBe(ExitCode.usage);
  });

  test.each([
    ['names.primaryKey', /^--policy "names.primaryKey": expected section.kind=compare\|ignore/],
    ['name.primaryKey=ignore', /^--policy name: unknown key/],
    ['names.pk=ignore', /^--policy names\.pk: unknown kind/],
    ['names.index=skip', /^--policy names\.index: expected "compare", "ignore", not "skip"$/],
  ])('--policy %s: one line naming the key', (text, message) => {
    expect(thrown(() => parsePolicyArgs([text])).message).toMatch(message);
  });
});

describe('the diff under each setting', () => {
  const t = (parts: Partial<Table>): Table =>
    table('public', 'm', { columns: [column('a', 'integer', { nullable: false }), column('b', 'integer', { nullable: false })], ...parts });
  const fk = (name: string, columns: string[], refs: string[]): ForeignKey => ({
    name,
    columns,
    references: { schema: 'public', name: 'r', columns: refs },
    onDelete: 'NO ACTION',
    onUpdate: 'NO ACTION',
    deferrable: 'NOT DEFERRABLE',
    match: 'SIMPLE',
  });
  const kinds = (from: Table, to: Table, policy = TYPEORM_POLICY) =>
    diffSchemas(schema({ tables: [from] }), schema({ tables: [to] }), policy).map((c) => c.kind);

  test('primary key: another name and order is nothing by default, a rebuild and a rename when they count', () => {
    const from = t({ primaryKey: { name: 'PK_old', columns: ['b', 'a'] } });
    const to = t({ primaryKey: { name: 'PK_new', columns: ['a', 'b'] } });
    expect(kinds(from, to)).toEqual([]);
    expect(kinds(from, to, STRICT_POLICY)).toEqual(['dropPrimaryKey', 'addPrimaryKey']);
    expect(kinds(t({ primaryKey: { name: 'PK_old', columns: ['a', 'b'] } }), to, STRICT_POLICY)).toEqual(['renameConstraint']);
    // A changed column set is a change whatever the policy.
    expect(kinds(t({ primaryKey: { name: 'PK_new', columns: ['a'] } }), to)).toEqual(['dropPrimaryKey', 'addPrimaryKey']);
  });

  test('foreign key pairs in another order are the same key; pairs re-matched are not', () => {
    const from = t({ foreignKeys: [fk('FK_x', ['b', 'a'], ['y', 'x'])] });
    expect(kinds(from, t({ foreignKeys: [fk('FK_x', ['a', 'b'], ['x', 'y'])] }))).toEqual([]);
    expect(kinds(from, t({ foreignKeys: [fk('FK_x', ['a', 'b'], ['y', 'x'])] }))).toEqual(['dropForeignKey', 'addForeignKey']);
    expect(kinds(from, t({ foreignKeys: [fk('FK_y', ['b', 'a'], ['y', 'x'])] }))).toEqual(['renameConstraint']);
    expect(kinds(from, t({ foreignKeys: [fk('FK_y', ['b', 'a'], ['y', 'x'])] }), resolvePolicy([{ names: { foreignKey: 'ignore' } }]))).toEqual([]);
  });

  test('index column order: TypeORM compares the set of columns (shouldDropIndices), so by default only a changed set counts', () => {
    const from = t({ indexes: [index('IDX_ab', [col('a'), col('b')])] });
    const to = t({ indexes: [index('IDX_ab', [col('b'), col('a')])] });
    expect(kinds(from, to)).toEqual([]);
    expect(kinds(from, to, resolvePolicy([{ columnOrder: { index: 'compare' } }]))).toEqual(['dropIndex', 'createIndex']);
    expect(kinds(from, t({ indexes: [index('IDX_ab', [col('a')])] }))).toEqual(['dropIndex', 'createIndex']);
    expect(kinds(from, t({ indexes: [index('IDX_ba', [col('b'), col('a')])] }))).toEqual(['renameIndex']);
  });

  test('uniques: one column is a column property to TypeORM (name ignored), several are matched by name (order ignored)', () => {
    const u = (name: string, columns: string[]) => ({ name, columns, nullsNotDistinct: false, deferrable: 'NOT DEFERRABLE' as const });
    // One column under another name: nothing; when names.columnUnique counts, a rename.
    expect(kinds(t({ uniques: [u('UQ_old', ['a'])] }), t({ uniques: [u('REL_new', ['a'])] }))).toEqual([]);
    expect(kinds(t({ uniques: [u('UQ_old', ['a'])] }), t({ uniques: [u('REL_new', ['a'])] }), resolvePolicy([{ names: { columnUnique: 'compare' } }]))).toEqual([
      'renameConstraint',
    ]);
    // On another column: a drop and an add whatever the policy.
    expect(kinds(t({ uniques: [u('UQ_a', ['a'])] }), t({ uniques: [u('UQ_a', ['b'])] }))).toEqual(['dropUnique', 'addUnique']);
    // Several columns: renamed under another name, left alone in another order (unless the order counts).
    expect(kinds(t({ uniques: [u('UQ_old', ['a', 'b'])] }), t({ uniques: [u('UQ_new', ['a', 'b'])] }))).toEqual(['renameConstraint']);
    expect(kinds(t({ uniques: [u('UQ_ab', ['b', 'a'])] }), t({ uniques: [u('UQ_ab', ['a', 'b'])] }))).toEqual([]);
    expect(kinds(t({ uniques: [u('UQ_ab', ['b', 'a'])] }), t({ uniques: [u('UQ_ab', ['a', 'b'])] }), STRICT_POLICY)).toEqual(['dropUnique', 'addUnique']);
    // names.unique says nothing about one-column uniques, nor names.columnUnique about composite ones.
    const mixed = (one: string, two: string) => t({ uniques: [u(one, ['a']), u(two, ['a', 'b'])] });
    expect(kinds(mixed('UQ_1', 'UQ_2'), mixed('UQ_x', 'UQ_y'), resolvePolicy([{ names: { unique: 'ignore' } }]))).toEqual([]);
    expect(kinds(mixed('UQ_1', 'UQ_2'), mixed('UQ_x', 'UQ_y'), resolvePolicy([{ names: { unique: 'ignore', columnUnique: 'compare' } }]))).toEqual([
      'renameConstraint',
    ]);
  });
});

describe('rename scores', () => {
  test('the exact definition outweighs position and a faint name likeness', () => {
    const old = column('contact', 'character varying(120)', { nullable: false, valueSource: { kind: 'default', expression: "''::character varying" } });
    const exact = columnScore(old, { ...old, name: 'email' }, 1, 2);
    const wider = columnScore(old, { ...old, name: 'email', dataType: 'character varying(200)' }, 1, 2);
    const other = columnScore(old, column('remarks', 'text'), 1, 1);
    expect(exact).toBeGreaterThan(wider);
    expect(wider).toBeGreaterThan(other + 1);
    expect(nameLikeness('fullName', 'full_name')).toBe(2);
    expect(nameLikeness('body', 'summary')).toBe(0);
  });

  test('two out, two in, each with one clear match: both renamed; alike candidates stay ambiguous', () => {
    const users = (...cols: ReturnType<typeof column>[]) => schema({ tables: [table('public', 'users', { columns: [column('id', 'integer', { nullable: false }), ...cols] })] });
    const d = diffWithHints(
      users(column('a', 'character varying(40)', { nullable: false }), column('b', 'text')),
      users(column('d', 'text'), column('c', 'character varying(40)', { nullable: false })),
      NO_HINTS,
    );
    // a→c beats a→d; with a taken, b→d (text cannot become varchar(40) safely) is left the only candidate.
    expect(d.renames.renames.map((r) => `${r.from}→${r.to} over ${r.rivals ?? 'none'}`).sort()).toEqual(['a→c over d', 'b→d over none']);
    expect(d.renames.ambiguities).toEqual([]);
    // Two names for one target: the closer is renamed, the other dropped; the warning names it as `other→target`.
    const one = diffWithHints(
      users(column('a', 'character varying(40)', { nullable: false }), column('b', 'character varying(40)')),
      users(column('c', 'character varying(40)', { nullable: false })),
      NO_HINTS,
    );
    expect(one.renames.renames).toEqual([expect.objectContaining({ from: 'a', to: 'c', rivals: ['b→c'] })]);
    const tie = diffWithHints(users(column('a', 'text'), column('b', 'text')), users(column('c', 'text'), column('d', 'text')), NO_HINTS);
    expect(tie.renames.renames).toEqual([]);
    expect(tie.renames.ambiguities).toHaveLength(1);
  });
});
