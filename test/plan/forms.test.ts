/**
 * The expand/contract decision is made once, by the planner, and carried on the step: the ddl
 * renders the form the step says, TC204 reads it, and the way back is planned afresh (no database).
 */
import { type Change, type ChangeOf, invert } from '../../src/diff/changes';
import { renderStatements } from '../../src/ddl/sql';
import { planChanges } from '../../src/plan/plan';
import { typeChangeForm } from '../../src/plan/safety';
import { column } from '../diff/helpers/build';

const orders = { schema: 'public', name: 'orders' };
const retype = (from: string, to: string, using?: string): ChangeOf<'alterColumnType'> => ({
  kind: 'alterColumnType',
  table: orders,
  from: column('ref', from),
  to: column('ref', to),
  ...(using !== undefined ? { using } : {}),
});

test.each([
  ['integer', 'uuid', undefined, 'expand-contract'],
  ['integer', 'uuid', 'md5(ref::text)::uuid', 'direct'],
  ['integer', 'bigint', undefined, 'direct'],
  ['text', 'integer', undefined, 'direct'],
] as const)('%s → %s (using %s): the plan records %s on the step', (from, to, using, form) => {
  const change = retype(from, to, using);
  expect(typeChangeForm(change)).toBe(form);
  const plan = planChanges([change]);
  expect(plan.changes).toStrictEqual([{ ...change, form }]);
  const template = plan.up.some((s) => s.sql.includes('ormdiff_write_conversion'));
  expect(template).toBe(form === 'expand-contract');
  expect(plan.warnings.some((w) => w.code === 'TC204')).toBe(form === 'expand-contract');
});

test('the renderer renders the form the step carries, and decides nothing itself', () => {
  const change = retype('integer', 'uuid');
  expect(renderStatements({ ...change, form: 'direct' }).map((s) => s.sql)).toStrictEqual([
    'ALTER TABLE "public"."orders" ALTER COLUMN "ref" TYPE uuid USING "ref"::uuid',
  ]);
  // A change nobody planned (normalize and the DDL diff render raw changes) runs directly.
  expect(renderStatements(change)).toStrictEqual(renderStatements({ ...change, form: 'direct' }));
  expect(renderStatements({ ...change, form: 'expand-contract' }).map((s) => s.sql)[1]).toBe(
    'UPDATE "public"."orders" SET "ref_ormdiff_new" = ormdiff_write_conversion("ref")',
  );
});

test('the form belongs to one direction: invert drops it and down is planned afresh', () => {
  const up: Change = { ...retype('integer', 'uuid'), form: 'expand-contract' };
  expect('form' in invert(up)).toBe(false);
  const plan = planChanges([retype('integer', 'uuid')]);
  // uuid → integer has no cast either: the way back gets its own template.
  expect(plan.down.some((s) => s.sql.includes('ormdiff_write_conversion'))).toBe(true);
  const back = planChanges([retype('uuid', 'integer', 'NULL')]);
  expect(back.changes[0]).toMatchObject({ form: 'direct' });
});
