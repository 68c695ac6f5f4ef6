/** planChanges: dependency order both ways, folding of recreates, and the hazard warnings. */
import type { Change } from '../../src/diff/changes';
import { diffSchemas } from '../../src/diff/diff';
import { planChanges } from '../../src/plan/plan';
import { renderPlanSql } from '../../src/render/sql';
import type { ForeignKey, Schema } from '../../src/schema/model';
import { createTestDatabase, execSql, querySql, type TestDatabase } from '../../src/testing/database';
import { col, column, defaultOf, index, schema, table } from '../diff/helpers/build';

const fk = (name: string, column: string, target: string): ForeignKey => ({
  name,
  columns: [column],
  references: { schema: 'public', name: target, columns: ['id'] },
  onDelete: 'NO ACTION',
  onUpdate: 'NO ACTION',
  deferrable: 'NOT DEFERRABLE',
  match: 'SIMPLE',
});

const kind = { schema: 'public', name: 'kind' };
/** Two tables referencing each other, one column typed by an enum. */
const cyclic: Schema = schema({
  enums: [{ ...kind, values: ['a', 'b'] }],
  tables: [
    table('public', 'a', {
      columns: [
        column('id', 'integer', { nullable: false }),
        column('b_id', 'integer'),
        column('k', 'public.kind', { enumType: kind }),
      ],
      primaryKey: { name: 'a_pkey', columns: ['id'] },
      foreignKeys: [fk('a_b_fk', 'b_id', 'b')],
    }),
    table('public', 'b', {
      columns: [column('id', 'integer', { nullable: false }), column('a_id', 'integer')],
      primaryKey: { name: 'b_pkey', columns: ['id'] },
      foreignKeys: [fk('b_a_fk', 'a_id', 'a')],
    }),
  ],
});

const position = (changes: Change[], kind: Change['kind']): number[] =>
  changes.flatMap((c, i) => (c.kind === kind ? [i] : []));

describe('planChanges', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('ormdiff_plan');
  });
  afterAll(async () => {
    await db?.drop();
  });

  test('types before tables, foreign keys after every table; down drops keys first and types last', async () => {
    const plan = planChanges(diffSchemas(schema(), cyclic));
    const up = plan.changes;
    expect(Math.max(...position(up, 'createEnum'))).toBeLessThan(Math.min(...position(up, 'createTable')));
    expect(Math.max(...position(up, 'createTable'))).toBeLessThan(Math.min(...position(up, 'addForeignKey')));
    const down = plan.down.map((s) => s.change);
    expect(Math.max(...position(down, 'dropForeignKey'))).toBeLessThan(Math.min(...position(down, 'dropTable')));
    expect(Math.max(...position(down, 'dropTable'))).toBeLessThan(Math.min(...position(down, 'dropEnum')));

    await execSql(db.url, renderPlanSql(plan, 'up'));
    expect(await querySql(db.url, `SELECT conname FROM pg_constraint WHERE contype = 'f' ORDER BY 1`)).toEqual([
      { conname: 'a_b_fk' },
      { conname: 'b_a_fk' },
    ]);
    await execSql(db.url, renderPlanSql(plan, 'down'));
    expect(await querySql(db.url, `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace`)).toEqual(
      [],
    );
  });

  test('a primary key referenced by a dropped foreign key is dropped after it', () => {
    const to = schema({
      tables: cyclic.tables.map((t) => ({ ...t, primaryKey: undefined, foreignKeys: [] })),
      enums: cyclic.enums,
    });
    const kinds = planChanges(diffSchemas(cyclic, to)).changes.map((c) => c.kind);
    expect(kinds.lastIndexOf('dropForeignKey')).toBeLessThan(kinds.indexOf('dropPrimaryKey'));
  });

  test('swapped index names are renamed through a temporary name on Postgres', async () => {
    const t = (a: string, b: string) =>
      schema({
        tables: [
          table('public', 'swap', {
            columns: [column('x', 'integer'), column('y', 'integer')],
            indexes: [index(a, [col('x')]), index(b, [col('y')])],
          }),
        ],
      });
    await execSql(db.url, renderPlanSql(planChanges(diffSchemas(schema(), t('i1', 'i2'))), 'up'));
    await execSql(db.url, renderPlanSql(planChanges(diffSchemas(t('i1', 'i2'), t('i2', 'i1'))), 'up'));
    expect(
      await querySql(db.url, `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'swap' ORDER BY 1`),
    ).toEqual([
      { indexname: 'i1', indexdef: 'CREATE INDEX i1 ON public.swap USING btree (y)' },
      { indexname: 'i2', indexdef: 'CREATE INDEX i2 ON public.swap USING btree (x)' },
    ]);
  });

  test('several added values come back down as one recreate', () => {
    const from = schema({ enums: [{ ...kind, values: ['a'] }] });
    const to = schema({ enums: [{ ...kind, values: ['a', 'b', 'c'] }] });
    const plan = planChanges(diffSchemas(from, to));
    expect(plan.changes.map((c) => c.kind)).toEqual(['addEnumValue', 'addEnumValue']);
    const downChanges = [...new Set(plan.down.map((s) => s.change))];
    expect(downChanges).toEqual([
      { kind: 'recreateEnum', from: { ...kind, values: ['a', 'b', 'c'] }, to: { ...kind, values: ['a'] }, columns: [] },
    ]);
  });
});

describe('warnings', () => {
  const users = table('public', 'users', {
    columns: [column('id', 'integer'), column('name', 'character varying(100)'), column('age', 'integer')],
    indexes: [index('IDX_1', [col('name')])],
  });
  const from = schema({
    schemas: ['old', 'public'],
    enums: [{ ...kind, values: ['a', 'b'] }],
    tables: [users, table('public', 'gone', { columns: [column('id', 'integer')] })],
  });
  const to = schema({
    enums: [{ ...kind, values: ['b'] }],
    tables: [
      {
        ...users,
        columns: [column('id', 'bigint'), column('name', 'character varying(50)')],
        indexes: [index('users_name_idx', [col('name')])],
      },
    ],
  });

  test('each hazard has its code, severity and the object it concerns', () => {
    const warnings = planChanges(diffSchemas(from, to)).warnings.map((w) => [w.code, w.severity, w.object]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        ['DS101', 'warning', 'public.gone'],
        ['DS102', 'warning', 'public.users.age'],
        ['DS103', 'warning', 'public.kind'],
        ['DS104', 'warning', 'old'],
        ['TC202', 'warning', 'public.users.id'],
        ['TC203', 'warning', 'public.users.name'],
        ['RN301', 'info', 'public.users.IDX_1'],
      ]),
    );
    expect(warnings).toHaveLength(7);
  });

  test('messages say what changes and how', () => {
    const byCode = new Map(planChanges(diffSchemas(from, to)).warnings.map((w) => [w.object, w]));
    expect(byCode.get('public.users.name')!.message).toBe(
      'type change public.users.name: character varying(100) → character varying(50) (narrowing: longer values do not fit); it rewrites the table under an ACCESS EXCLUSIVE lock',
    );
    expect(byCode.get('public.kind')!.message).toContain("loses value 'a'");
    for (const w of byCode.values()) expect(w.help.length).toBeGreaterThan(20);
  });

  test('TX401: a default using a value added in the same plan is flagged, and Postgres does reject it', async () => {
    const t = (def?: string) =>
      table('public', 't', {
        columns: [column('k', 'public.kind', { enumType: kind, ...(def ? { valueSource: defaultOf(def) } : {}) })],
      });
    const before = schema({ enums: [{ ...kind, values: ['a'] }], tables: [t()] });
    const after = schema({ enums: [{ ...kind, values: ['a', 'new'] }], tables: [t("'new'::public.kind")] });
    const plan = planChanges(diffSchemas(before, after));
    expect(plan.warnings.map((w) => [w.code, w.severity, w.message])).toEqual([
      ['TX401', 'error', "new value 'new' of enum public.kind is used in the same transaction by public.t.k"],
    ]);
    const db = await createTestDatabase('ormdiff_tx401');
    try {
      await execSql(db.url, renderPlanSql(planChanges(diffSchemas(schema(), before)), 'up'));
      await expect(execSql(db.url, renderPlanSql(plan, 'up'))).rejects.toThrow(/unsafe use of new value/);
    } finally {
      await db.drop();
    }
  });
});
