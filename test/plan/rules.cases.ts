/**
 * For every code in the rules registry (src/plan/rules.ts): plans that must raise it and plans that
 * must not, run through the planner (planChanges, then withCounts), the facts about the live data
 * given as data. Squawk-style: one entry per code, so a rule without both kinds of case is visible
 * (rules-cases.test.ts fails on it) and scripts/mutate-rules.js can tell which rules a mutation escaped.
 */
import type { Change } from '../../src/diff/changes';
import { type Fact, type FactKind, factKey } from '../../src/plan/facts';
import { factsNeeded } from '../../src/plan/hazards';
import { type PlanOptions, type Warning, planChanges, withCounts } from '../../src/plan/plan';
import type { Severity, WarningCode } from '../../src/plan/rules';
import type { Column, EnumType, QualifiedName, Table } from '../../src/schema/model';
import type { ObjectUse } from '../../src/schema/uses';
import { col, column, defaultOf, index, table } from '../diff/helpers/build';

export interface RuleCase {
  name: string;
  changes: Change[];
  options?: PlanOptions;
  /** The live data: a count per fact kind (every fact of that kind), or per fact; absent facts are not counted. */
  facts?: Partial<Record<FactKind, number>> | ((fact: Fact) => number | undefined);
  /** For a firing case: the severity the warning must have, and text its message must hold. */
  severity?: Severity;
  message?: RegExp;
}

export interface RuleCases {
  fires: RuleCase[];
  quiet: RuleCase[];
}

/** The plan's warnings with the case's facts counted, as `ormdiff diff` gives them once it has counted. */
export function warningsOf(c: RuleCase): Warning[] {
  const plan = planChanges(c.changes, c.options ?? {});
  if (c.facts === undefined) return plan.warnings;
  const facts = c.facts;
  const answer = typeof facts === 'function' ? facts : (f: Fact) => facts[f.kind];
  const counts = new Map<string, number>();
  for (const fact of factsNeeded(plan.changes, plan.options)) {
    const n = answer(fact);
    if (n !== undefined) counts.set(factKey(fact), n);
  }
  return withCounts(plan, counts).warnings;
}

/** Why a case does not hold, or undefined when it does. */
export function caseFailure(code: WarningCode, kind: keyof RuleCases, c: RuleCase): string | undefined {
  const found = warningsOf(c).filter((w) => w.code === code);
  if (kind === 'quiet') return found.length === 0 ? undefined : `${code} must not fire for "${c.name}": ${found.map((w) => w.message).join(' | ')}`;
  if (found.length === 0) return `${code} must fire for "${c.name}"`;
  const match = found.find((w) => (c.severity === undefined || w.severity === c.severity) && (c.message === undefined || c.message.test(w.message)));
  if (match) return undefined;
  return `${code} for "${c.name}": expected ${c.severity ?? 'any severity'} ${c.message ?? ''}, got ${found.map((w) => `${w.severity}: ${w.message}`).join(' | ')}`;
}

// The schema the cases plan against: public.orders exists before every plan (it is never created in one).
const orders: QualifiedName = { schema: 'public', name: 'orders' };
const customers: QualifiedName = { schema: 'public', name: 'customers' };
const mood: EnumType = { schema: 'public', name: 'mood', values: ['ok', 'meh', 'bad'] };

const qty = column('qty', 'integer');
const note = column('note', 'text');
const ordersTable: Table = table('public', 'orders', { columns: [column('id', 'integer', { nullable: false }), qty, note] });

const dropColumn = (c: Column = qty, t: QualifiedName = orders): Change => ({ kind: 'dropColumn', table: t, column: c });
const addColumn = (c: Column, t: QualifiedName = orders): Change => ({ kind: 'addColumn', table: t, column: c });
const retype = (from: string, to: string, using?: string): Change => ({
  kind: 'alterColumnType',
  table: orders,
  from: column('qty', from),
  to: column('qty', to),
  ...(using !== undefined ? { using } : {}),
});
const setNotNull = (name = 'qty', t: QualifiedName = orders): Change => ({ kind: 'setNotNull', table: t, column: name });
const createIndex = (t: QualifiedName = orders): Change => ({ kind: 'createIndex', table: t, index: index('orders_qty_idx', [col('qty')]) });
const addForeignKey: Change = {
  kind: 'addForeignKey',
  table: orders,
  foreignKey: {
    name: 'orders_customer_fk',
    columns: ['qty'],
    references: { ...customers, columns: ['id'] },
    onDelete: 'NO ACTION',
    onUpdate: 'NO ACTION',
    deferrable: 'NOT DEFERRABLE',
    match: 'SIMPLE',
  },
};
const addCheck: Change = { kind: 'addCheck', table: orders, check: { name: 'orders_qty_check', expression: '(qty > 0)', noInherit: false } };
const uniqueOn = (columns: string[]): Change => ({
  kind: 'addUnique',
  table: orders,
  unique: { name: 'orders_qty_key', columns, nullsNotDistinct: false, deferrable: 'NOT DEFERRABLE' },
});
const addUnique = uniqueOn(['qty']);
const addPrimaryKey: Change = { kind: 'addPrimaryKey', table: orders, primaryKey: { name: 'orders_pkey', columns: ['id'] } };
/** A new table, so that the changes on it touch no rows. */
const createFresh: Change = { kind: 'createTable', table: table('public', 'fresh', { columns: [column('id', 'integer'), column('qty', 'integer')] }) };
const fresh: QualifiedName = { schema: 'public', name: 'fresh' };
const renameColumn = (origin: 'hint' | 'assumed', rivals?: string[]): Change => ({
  kind: 'renameColumn',
  table: orders,
  from: 'qty',
  to: 'amount',
  origin,
  ...(rivals ? { rivals } : {}),
});
const recreateMood = (values: string[], valueMap?: { from: string; to: string }[]): Change => ({
  kind: 'recreateEnum',
  from: mood,
  to: { ...mood, values },
  columns: [{ table: orders, column: 'state', arrayDims: 0 }],
  ...(valueMap ? { valueMap } : {}),
});
const view = (columns: string[]) => ({
  kind: 'view' as const,
  schema: 'public',
  name: 'order_totals',
  dependsOn: [{ table: orders, columns }],
});
const typeUse = (name: string): ObjectUse => ({
  used: { kind: 'type', schema: 'public', name },
  user: { kind: 'function', schema: 'public', name: 'f', description: `function public.f(public.${name})` },
});
const tableUse = (used: string): ObjectUse => ({
  used: { kind: 'table', schema: 'public', name: 'orders', column: used },
  user: { kind: 'table', schema: 'public', name: 'legacy', part: 'constraint', description: `constraint legacy_fk on table public.legacy` },
});

export const RULE_CASES: Record<WarningCode, RuleCases> = {
  DS101: {
    fires: [
      { name: 'a table with rows is dropped', changes: [{ kind: 'dropTable', table: ordersTable }], facts: { rows: 3 }, severity: 'error', message: /deletes its 3 rows/ },
      { name: 'an empty table is dropped', changes: [{ kind: 'dropTable', table: ordersTable }], facts: { rows: 0 }, severity: 'warning', message: /it is empty/ },
      { name: 'a table is dropped, rows not counted', changes: [{ kind: 'dropTable', table: ordersTable }], severity: 'warning' },
    ],
    quiet: [{ name: 'a table is renamed', changes: [{ kind: 'renameTable', schema: 'public', from: 'orders', to: 'sales', origin: 'hint' }] }],
  },
  DS102: {
    fires: [
      { name: 'a column holding values is dropped', changes: [dropColumn()], facts: { nonNulls: 4 }, severity: 'error', message: /deletes 4 non-null values/ },
      { name: 'an empty column is dropped', changes: [dropColumn()], facts: { nonNulls: 0 }, severity: 'warning', message: /holds no values/ },
      {
        name: 'a column becomes generated (dropped and re-added)',
        changes: [{ kind: 'alterColumnValueSource', table: orders, from: qty, to: { ...qty, valueSource: { kind: 'generated', expression: '(id * 2)' } } }],
        severity: 'warning',
        message: /to re-add it as a generated column/,
      },
    ],
    quiet: [
      { name: 'a column of a table the plan creates is dropped', changes: [createFresh, dropColumn(qty, fresh)] },
      {
        name: 'a generated column gets another expression',
        changes: [
          {
            kind: 'alterColumnValueSource',
            table: orders,
            from: { ...qty, valueSource: { kind: 'generated', expression: '(id * 2)' } },
            to: { ...qty, valueSource: { kind: 'generated', expression: '(id * 3)' } },
          },
        ],
      },
    ],
  },
  DS103: {
    fires: [
      { name: 'a value rows hold is removed', changes: [recreateMood(['ok', 'meh'])], facts: { enumValueUses: 2 }, severity: 'error', message: /2 rows hold 'bad'/ },
      { name: 'a mapped value is removed', changes: [recreateMood(['ok', 'meh'], [{ from: 'bad', to: 'meh' }])], facts: { enumValueUses: 2 }, severity: 'warning', message: /move from 'bad' to 'meh'/ },
      { name: 'an unused value is removed', changes: [recreateMood(['ok', 'meh'])], facts: { enumValueUses: 0 }, severity: 'warning', message: /no row holds it/ },
      { name: 'values are reordered', changes: [recreateMood(['bad', 'meh', 'ok'])], severity: 'info', message: /to reorder its values/ },
    ],
    quiet: [{ name: 'a value is appended', changes: [{ kind: 'addEnumValue', enum: mood, value: 'great', columns: [] }] }],
  },
  DS104: {
    fires: [{ name: 'a schema is dropped', changes: [{ kind: 'dropSchema', schema: 'legacy' }], message: /drop schema legacy/ }],
    quiet: [{ name: 'a schema is created', changes: [{ kind: 'createSchema', schema: 'legacy' }] }],
  },
  DS105: {
    fires: [
      { name: 'a column a view reads is dropped', changes: [dropColumn()], options: { unmanaged: [view(['id', 'qty'])] }, message: /view public.order_totals depends on it/ },
      { name: 'a column a view reads is retyped', changes: [retype('integer', 'bigint')], options: { unmanaged: [view(['qty'])] }, message: /0A000/ },
      { name: 'a column an outside table uses is dropped', changes: [dropColumn()], options: { uses: [tableUse('qty')] }, message: /constraint legacy_fk on table public.legacy uses it/ },
      { name: 'an enum an outside function uses is recreated', changes: [recreateMood(['ok', 'meh'])], options: { uses: [typeUse('mood')] }, message: /use[s]? the old type/ },
    ],
    quiet: [
      { name: 'a column no view reads is dropped', changes: [dropColumn()], options: { unmanaged: [view(['id'])] } },
      { name: 'a column a view reads is renamed', changes: [renameColumn('hint')], options: { unmanaged: [view(['qty'])] } },
      { name: 'a column other than the one an outside table uses is dropped', changes: [dropColumn()], options: { uses: [tableUse('id')] } },
    ],
  },
  DS106: {
    fires: [
      { name: 'an enum a function uses is dropped', changes: [{ kind: 'dropEnum', enum: mood }], options: { uses: [typeUse('mood')] }, severity: 'info', message: /not dropped: function public.f\(public.mood\) uses it/ },
    ],
    quiet: [{ name: 'an enum nothing outside uses is dropped', changes: [{ kind: 'dropEnum', enum: mood }], options: { uses: [typeUse('other')] } }],
  },
  DD501: {
    fires: [
      { name: 'NOT NULL over NULL rows', changes: [setNotNull()], facts: { nulls: 3 }, severity: 'error', message: /3 rows hold NULL/ },
      { name: 'NOT NULL, NULLs not counted', changes: [setNotNull()], severity: 'warning' },
      { name: 'NOT NULL with a backfill over NULL rows', changes: [{ kind: 'setNotNull', table: orders, column: 'qty', backfill: '0' }], facts: { nulls: 3 }, severity: 'warning', message: /take its default 0 first/ },
      {
        name: 'NOT NULL on a renamed column: the NULLs are counted under the old name',
        changes: [renameColumn('hint'), setNotNull('amount')],
        facts: (f) => (f.kind === 'nulls' && f.column === 'qty' ? 3 : undefined),
        severity: 'error',
      },
    ],
    quiet: [
      { name: 'NOT NULL over no NULL rows', changes: [setNotNull()], facts: { nulls: 0 } },
      { name: 'NOT NULL on a column the plan adds', changes: [addColumn(column('extra', 'integer')), setNotNull('extra')] },
    ],
  },
  DD502: {
    fires: [
      { name: 'a NOT NULL column without default on a table with rows', changes: [addColumn(column('extra', 'integer', { nullable: false }))], facts: { rows: 5 }, severity: 'error', message: /has 5 rows: adding it fails/ },
      { name: 'a NOT NULL column without default, rows not counted', changes: [addColumn(column('extra', 'integer', { nullable: false }))], severity: 'warning' },
      { name: 'a NOT NULL version column gets a temporary default', changes: [addColumn(column('version', 'integer', { nullable: false }))], facts: { rows: 5 }, severity: 'warning', message: /temporary default 1/ },
    ],
    quiet: [
      { name: 'a NOT NULL column without default on an empty table', changes: [addColumn(column('extra', 'integer', { nullable: false }))], facts: { rows: 0 } },
      { name: 'a nullable column', changes: [addColumn(column('extra', 'integer'))], facts: { rows: 5 } },
      { name: 'a NOT NULL column with a default', changes: [addColumn(column('extra', 'integer', { nullable: false, valueSource: defaultOf('0') }))], facts: { rows: 5 } },
      { name: 'a NOT NULL column on a table the plan creates', changes: [createFresh, addColumn(column('extra', 'integer', { nullable: false }), fresh)], facts: { rows: 5 } },
    ],
  },
  DD503: {
    fires: [
      { name: 'a unique constraint over duplicates', changes: [addUnique], facts: { duplicates: 2 }, severity: 'error', message: /2 rows share their key/ },
      { name: 'a unique index over duplicates', changes: [{ kind: 'createIndex', table: orders, index: index('orders_qty_key', [col('qty')], { unique: true }) }], facts: { duplicates: 2 } },
      { name: 'a primary key over duplicates', changes: [addPrimaryKey], facts: { duplicates: 2 } },
    ],
    quiet: [
      { name: 'a unique constraint over distinct rows', changes: [addUnique], facts: { duplicates: 0 } },
      { name: 'a plain index', changes: [createIndex()], facts: { duplicates: 2 } },
      { name: 'a unique constraint over a column the plan adds', changes: [addColumn(column('extra', 'integer')), uniqueOn(['extra'])], facts: { duplicates: 2 } },
    ],
  },
  DD504: {
    fires: [{ name: 'a foreign key over orphans', changes: [addForeignKey], facts: { orphans: 1 }, severity: 'error', message: /1 row point at no row of public.customers/ }],
    quiet: [
      { name: 'a foreign key over matched rows', changes: [addForeignKey], facts: { orphans: 0 } },
      { name: 'a foreign key to a table the plan creates', changes: [{ kind: 'createTable', table: table('public', 'customers', { columns: [column('id', 'integer')] }) }, addForeignKey], facts: { orphans: 1 } },
    ],
  },
  DD505: {
    fires: [{ name: 'a CHECK rows violate', changes: [addCheck], facts: { violations: 2 }, severity: 'error', message: /2 rows violate it/ }],
    quiet: [
      { name: 'a CHECK every row meets', changes: [addCheck], facts: { violations: 0 } },
      { name: 'a CHECK on a table the plan creates', changes: [createFresh, { ...addCheck, table: fresh } as Change], facts: { violations: 2 } },
    ],
  },
  TC201: {
    fires: [{ name: 'varchar widened', changes: [retype('character varying(10)', 'character varying(20)')], severity: 'info', message: /in place/ }],
    quiet: [{ name: 'integer to bigint', changes: [retype('integer', 'bigint')] }],
  },
  TC202: {
    fires: [
      { name: 'integer to bigint on a table with rows', changes: [retype('integer', 'bigint')], facts: { rows: 7 }, severity: 'warning', message: /rewrites the table \(7 rows\)/ },
      { name: 'integer to bigint on an empty table', changes: [retype('integer', 'bigint')], facts: { rows: 0 }, severity: 'info' },
    ],
    quiet: [{ name: 'varchar widened', changes: [retype('character varying(10)', 'character varying(20)')] }],
  },
  TC203: {
    fires: [
      { name: 'text to integer over values that do not parse', changes: [retype('text', 'integer')], facts: { castFailures: 2, rows: 9 }, severity: 'error', message: /2 values would not convert/ },
      { name: 'text to integer over values that all parse', changes: [retype('text', 'integer')], facts: { castFailures: 0, rows: 9 }, severity: 'warning' },
      { name: 'a conversion given with --using', changes: [retype('integer', 'uuid', "md5(qty::text)::uuid")], severity: 'warning', message: /with the given conversion/ },
      { name: 'varchar narrowed over long values', changes: [retype('character varying(20)', 'character varying(5)')], facts: { violations: 3 }, severity: 'error', message: /3 values longer than 5 characters/ },
    ],
    quiet: [
      { name: 'varchar to text', changes: [retype('character varying(10)', 'text')] },
      { name: 'integer to uuid without a conversion (TC204)', changes: [retype('integer', 'uuid')] },
    ],
  },
  TC204: {
    fires: [{ name: 'integer to uuid', changes: [retype('integer', 'uuid')], facts: { nonNulls: 4 }, severity: 'error', message: /expand\/contract template to complete for 4 values/ }],
    quiet: [
      { name: 'integer to uuid with a conversion given', changes: [retype('integer', 'uuid', "md5(qty::text)::uuid")] },
      { name: 'integer to bigint', changes: [retype('integer', 'bigint')] },
    ],
  },
  RN301: {
    fires: [
      { name: 'an index renamed', changes: [{ kind: 'renameIndex', table: orders, from: 'idx_a', to: 'idx_b' }], severity: 'info' },
      { name: 'a constraint renamed', changes: [{ kind: 'renameConstraint', table: orders, constraint: 'check', from: 'chk_a', to: 'chk_b' }] },
    ],
    quiet: [{ name: 'a column renamed', changes: [renameColumn('assumed')] }],
  },
  RN302: {
    fires: [
      { name: 'a rename assumed', changes: [renameColumn('assumed')], severity: 'warning', message: /the only candidate.*--rename orders.qty=-/ },
      { name: 'a rename assumed over rivals', changes: [renameColumn('assumed', ['qty→total'])], message: /the closest match, over qty→total/ },
    ],
    quiet: [{ name: 'a rename hinted', changes: [renameColumn('hint')] }],
  },
  RN303: {
    fires: [{ name: 'a rename hinted', changes: [renameColumn('hint')], severity: 'info', message: /as hinted/ }],
    quiet: [{ name: 'a rename assumed', changes: [renameColumn('assumed')] }],
  },
  RN304: {
    fires: [
      {
        name: 'a dropped column that may have become one of two',
        changes: [dropColumn(), addColumn(column('a', 'integer')), addColumn(column('b', 'integer'))],
        options: { ambiguities: [{ subject: { kind: 'column', table: orders }, pairs: [{ from: 'qty', to: 'a' }, { from: 'qty', to: 'b' }] }] },
        severity: 'error',
        message: /may have been renamed to a or b/,
      },
    ],
    quiet: [
      {
        name: 'the ambiguous name is not dropped by the plan',
        changes: [dropColumn(note), addColumn(column('a', 'integer'))],
        options: { ambiguities: [{ subject: { kind: 'column', table: orders }, pairs: [{ from: 'qty', to: 'a' }] }] },
      },
    ],
  },
  LK601: {
    fires: [{ name: 'an index on a table with rows', changes: [createIndex()], facts: { rows: 5 }, severity: 'warning', message: /without CONCURRENTLY/ }],
    quiet: [
      { name: 'an index built online', changes: [createIndex()], options: { online: true } },
      { name: 'an index on a table the plan creates', changes: [createFresh, createIndex(fresh)] },
    ],
  },
  LK602: {
    fires: [{ name: 'a foreign key on a table with rows', changes: [addForeignKey], facts: { rows: 5 }, severity: 'warning', message: /without NOT VALID/ }],
    quiet: [{ name: 'a foreign key added online', changes: [addForeignKey], options: { online: true } }],
  },
  LK603: {
    fires: [{ name: 'SET NOT NULL on a table with rows', changes: [setNotNull()], facts: { rows: 5, nulls: 0 }, severity: 'warning', message: /scans the table/ }],
    quiet: [
      { name: 'SET NOT NULL online', changes: [setNotNull()], options: { online: true } },
      { name: 'SET NOT NULL on a column the plan adds', changes: [addColumn(column('extra', 'integer')), setNotNull('extra')] },
    ],
  },
  LK604: {
    fires: [{ name: 'a CHECK on a table with rows', changes: [addCheck], facts: { rows: 5, violations: 0 }, severity: 'warning', message: /without NOT VALID/ }],
    quiet: [{ name: 'a CHECK added online', changes: [addCheck], options: { online: true } }],
  },
  LK605: {
    fires: [
      { name: 'a column with a volatile default', changes: [addColumn(column('token', 'uuid', { valueSource: defaultOf('gen_random_uuid()') }))], facts: { rows: 5 }, severity: 'warning', message: /volatile default/ },
      { name: 'an identity column', changes: [addColumn(column('seq', 'integer', { nullable: false, valueSource: { kind: 'identity', generation: 'BY DEFAULT', sequence: { schema: 'public', name: 'orders_seq_seq', dataType: 'integer', start: '1', increment: '1', min: '1', max: '2147483647', cache: '1', cycle: false } } }))], message: /identity sequence/ },
    ],
    quiet: [
      { name: 'a column with a constant default', changes: [addColumn(column('token', 'integer', { valueSource: defaultOf('0') }))], facts: { rows: 5 } },
      { name: 'a volatile default on a table the plan creates', changes: [createFresh, addColumn(column('token', 'uuid', { valueSource: defaultOf('gen_random_uuid()') }), fresh)] },
    ],
  },
  LK606: {
    fires: [
      { name: 'a unique constraint on a table with rows', changes: [addUnique], facts: { rows: 5, duplicates: 0 }, severity: 'warning', message: /unique constraint .* builds its index while blocking writes/ },
      { name: 'a primary key on a table with rows', changes: [addPrimaryKey], facts: { rows: 5, duplicates: 0 }, message: /primary key/ },
    ],
    quiet: [{ name: 'a unique constraint added online', changes: [addUnique], options: { online: true } }],
  },
  LK607: {
    fires: [{ name: 'an online plan', changes: [createIndex()], options: { online: true }, severity: 'info' }],
    quiet: [{ name: 'the same plan, not online', changes: [createIndex()] }],
  },
  TX401: {
    fires: [
      {
        name: 'a new value used as a default in the same migration',
        changes: [
          { kind: 'addEnumValue', enum: mood, value: 'great', columns: [] },
          { kind: 'setDefault', table: orders, column: 'state', to: "'great'::public.mood" },
        ],
        severity: 'error',
        message: /new value 'great'/,
      },
    ],
    quiet: [
      {
        name: 'an old value used as a default beside a new one',
        changes: [
          { kind: 'addEnumValue', enum: mood, value: 'great', columns: [] },
          { kind: 'setDefault', table: orders, column: 'state', to: "'ok'::public.mood" },
        ],
      },
    ],
  },
};
