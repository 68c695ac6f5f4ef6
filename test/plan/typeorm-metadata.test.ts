/** The metadata statements a plan carries, as text: where they go, both ways, and how values are escaped. */
import type { Change } from '../../src/diff/changes';
import { columnKey } from '../../src/diff/keys';
import { planChanges } from '../../src/plan/plan';
import { column } from '../diff/helpers/build';

const item = { schema: 'public', name: 'item' };
const generated = (expression: string) => column('total', 'integer', { valueSource: { kind: 'generated', expression } });
const metaTable = { schema: 'app', name: 'orm_meta' };
const CREATE =
  'CREATE TABLE IF NOT EXISTS "app"."orm_meta" ("type" character varying NOT NULL, "database" character varying, ' +
  '"schema" character varying, "table" character varying, "name" character varying, "value" text)';
const WHERE = `"type" = 'GENERATED_COLUMN' AND "database" = current_database() AND "schema" = 'public' AND "table" = 'item' AND "name" = 'total'`;

describe('TypeORM metadata statements', () => {
  test('an added generated column inserts its row, with the entity text escaped; down deletes it', () => {
    const text = `a || '\\' || b`;
    const change: Change = { kind: 'addColumn', table: item, column: generated('(a || \'\\\'::text) || b') };
    const plan = planChanges([change], {
      typeormMetadata: { table: metaTable, exists: false, actual: new Map(), desired: new Map([[columnKey(item, 'total'), text]]) },
    });
    expect(plan.up.map((s) => s.sql).slice(1)).toEqual([
      CREATE,
      `INSERT INTO "app"."orm_meta" ("type", "database", "schema", "table", "name", "value") ` +
        `VALUES ('GENERATED_COLUMN', current_database(), 'public', 'item', 'total', E'a || ''\\\\'' || b')`,
    ]);
    expect(plan.down.map((s) => s.sql).slice(1)).toEqual([CREATE, `DELETE FROM "app"."orm_meta" WHERE ${WHERE}`]);
    expect(plan.transactional).toBe(true);
  });

  test('a dropped column loses its row wherever the table is; nothing is said without it, nor without metadata', () => {
    const change: Change = { kind: 'dropColumn', table: item, column: generated('a + b') };
    const plan = (exists: boolean) =>
      planChanges([change], { typeormMetadata: { table: metaTable, exists, actual: new Map(), desired: new Map() } }).up.map((s) => s.sql);
    expect(plan(false)).toEqual(['ALTER TABLE "public"."item" DROP COLUMN "total"']);
    expect(plan(true)).toEqual(['ALTER TABLE "public"."item" DROP COLUMN "total"', CREATE, `DELETE FROM "app"."orm_meta" WHERE ${WHERE}`]);
    expect(planChanges([change]).up).toHaveLength(1);
  });

  test('a stale row is replaced, not doubled', () => {
    const key = columnKey(item, 'total');
    const change: Change = { kind: 'addColumn', table: item, column: generated('a + b') };
    const plan = planChanges([change], {
      typeormMetadata: { table: metaTable, exists: false, actual: new Map([[key, 'a - b']]), desired: new Map([[key, 'a + b']]) },
    });
    expect(plan.up.map((s) => s.sql.split(' ')[0])).toEqual(['ALTER', 'CREATE', 'DELETE', 'INSERT']);
  });
});
