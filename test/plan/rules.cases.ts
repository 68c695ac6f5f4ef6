/**
 * For every code in the rules registry (src/plan/rules.ts): plans that must raise it and plans that
 * must not, run through the planner (planChanges, then withCounts), the facts about the live data
 * given as data. Squawk-style: one entry per code, so a rule without both kinds of case is visible
 * (rules-cases.test.ts fails on it) and scripts/mutate-rules.js can tell which rules a mutation escaped.
 */
import type { Change } from '../../src/diff/changes';
import { type Fact, type FactKind, factKey } from '../../src/plan/facts';
import { factsNeeded } from '../../src/plan/hazards';
import { type Plan, type PlanOptions, type Warning, planChanges, withCounts } from '../../src/plan/plan';
import type { Severity, WarningCode } from '../../src/plan/rules';
import type { Column, EnumType, QualifiedName, Table } from '../../src/schema/model';
import type { ObjectUse } from '../../src/schema/uses';
import type { RenameSubject } from '../../src/diff/renames/detect';
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
  /** For a firing case: the number the warning carries (undefined: not asked). */
  count?: number;
  /** For a firing case: the kinds of the changes the plan keeps, in order (undefined: not asked). */
  planned?: Change['kind'][];
}

export interface RuleCases {
  fires: RuleCase[];
  quiet: RuleCase[];
}

/** The plan's warnings with the case's facts counted, as `ormdiff diff` gives them once it has counted. */
export function warningsOf(c: RuleCase): Warning[] {
  return counted(c).warnings;
}

function counted(c: RuleCase): Plan {
  const plan = planChanges(c.changes, c.options ?? {});
  if (c.facts === undefined) return plan;
  const facts = c.facts;
  const answer = typeof facts === 'function' ? facts : (f: Fact) => facts[f.kind];
  const counts = new Map<string, number>();
  for (const fact of factsNeeded(plan.changes, plan.options)) {
    const n = answer(fact);
    if (n !== undefined) counts.set(factKey(fact), n);
  }
  return withCounts(plan, counts);
}

/** Why a case does not hold, or undefined when it does. */
export function caseFailure(code: WarningCode, kind: keyof RuleCases, c: RuleCase): string | undefined {
  const plan = counted(c);
  const found = plan.warnings.filter((w) => w.code === code);
  if (kind === 'quiet') return found.length === 0 ? undefined : `${code} must not fire for "${c.name}": ${found.map((w) => w.message).join(' | ')}`;
  if (found.length === 0) return `${code} must fire for "${c.name}"`;
  const kinds = plan.changes.map((x) => x.kind);
  if (c.planned !== undefined && JSON.stringify(kinds) !== JSON.stringify(c.planned)) return `${code} for "${c.name}": planned ${kinds.join(', ')}, expected ${c.planned.join(', ')}`;
  const match = found.find(
    (w) =>
      (c.severity === undefined || w.severity === c.severity) &&
      (c.message === undefined || c.message.test(w.message)) &&
      (c.count === undefined || w.count === c.count),
  );
  if (match) return undefined;
  const asked = [c.severity ?? 'any severity', c.message ?? '', c.count !== undefined ? `count ${c.count}` : ''].join(' ');
  return `${code} for "${c.name}": expected ${asked}, got ${found.map((w) => `${w.severity}: ${w.message} (count ${w.count})`).join(' | ')}`;
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

const PAIRS: Record<WarningCode, RuleCases> = {
  DS101: {
    fires: [
      { name: 'a table with rows is dropped', changes: [{ kind: 'dropTable', table: ordersTable }], facts: { rows: 3 }, severity: 'error', message: /deletes its 3 rows/, count: 3 },
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
      { name: 'a value rows hold is removed', changes: [recreateMood(['ok', 'meh'])], facts: { enumValueUses: 2 }, severity: 'error', message: /loses value 'bad': 2 rows hold 'bad'/ },
      { name: 'a mapped value is removed', changes: [recreateMood(['ok', 'meh'], [{ from: 'bad', to: 'meh' }])], facts: { enumValueUses: 2 }, severity: 'warning', message: /move from 'bad' to 'meh'/ },
      { name: 'an unused value is removed', changes: [recreateMood(['ok', 'meh'])], facts: { enumValueUses: 0 }, severity: 'warning', message: /no row holds it/ },
      { name: 'values are reordered', changes: [recreateMood(['bad', 'meh', 'ok'])], severity: 'info', message: /to reorder its values; public.orders.state converted/ },
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
      { name: 'an enum an outside function uses is recreated', changes: [recreateMood(['ok', 'meh'])], options: { uses: [typeUse('mood')] }, message: /function public.f\(public.mood\) uses the old type/ },
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
    quiet: [
      { name: 'an enum nothing outside uses is dropped', changes: [{ kind: 'dropEnum', enum: mood }], options: { uses: [typeUse('other')] } },
      { name: 'an enum of the same name in another schema is used', changes: [{ kind: 'dropEnum', enum: mood }], options: { uses: [{ ...typeUse('mood'), used: { kind: 'type', schema: 'other', name: 'mood' } }] } },
    ],
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

const feeling: EnumType = { schema: 'public', name: 'feeling', values: ['calm', 'tense'] };
const toFeeling: Change = {
  kind: 'alterColumnType',
  table: orders,
  from: column('qty', 'text'),
  to: column('qty', 'public.feeling', { enumType: { schema: 'public', name: 'feeling' } }),
};
const serialQty = column('qty', 'integer', { nullable: false, valueSource: { kind: 'serial', sequence: { schema: 'public', name: 'orders_qty_seq' } } });
const user = (kind: string, name: string, description: string, part?: ObjectUse['user']['part']): ObjectUse['user'] => ({
  kind,
  schema: 'public',
  name,
  description,
  ...(part ? { part } : {}),
});
const functionsUsing = (n: number): ObjectUse[] =>
  Array.from({ length: n }, (_, i) => ({ used: { kind: 'type', schema: 'public', name: 'mood' }, user: user('function', `f${i + 1}`, `function public.f${i + 1}(public.mood)`) }));
const happy = (dataType: string) => ({ schema: 'public', name: 'happy', dataType, arrayDims: 0, notNull: false, checks: [] });
const indexUse = (name: string): ObjectUse => ({
  used: { kind: 'index', schema: 'public', name },
  user: user('table', 'legacy', 'constraint legacy_fk on table public.legacy', 'constraint'),
});
const totalsOver = (columns: string[]) => ({ kind: 'view' as const, schema: 'public', name: 'order_totals', dependsOn: [{ table: orders, columns }] });
const bigOrders = { kind: 'view' as const, schema: 'public', name: 'big_orders', dependsOn: [{ table: { schema: 'public', name: 'order_totals' }, columns: ['qty'] }] };
const statusCounts = { kind: 'materialized view' as const, schema: 'public', name: 'a_counts', dependsOn: [{ table: orders, columns: ['qty'] }] };
const ownRule = { kind: 'rule' as const, schema: 'public', name: 'orders_audit', table: 'orders', dependsOn: [{ table: orders, columns: ['qty'] }] };
const ambiguous = (subject: RenameSubject, from: string, ...to: string[]) => ({ ambiguities: [{ subject, pairs: to.map((t) => ({ from, to: t })) }] });

/**
 * Cases that pin the details a check decides beyond firing or not: names as the database has them
 * before the plan's renames, counts, severities, the wording a user acts on. Each was added where
 * scripts/mutate-rules.js found a condition no case noticed.
 */
const PINNING: Partial<Record<WarningCode, Partial<RuleCases>>> = {
  DS102: {
    fires: [
      {
        name: 'a column of a renamed table: its values are counted under the old table name',
        changes: [{ kind: 'renameTable', schema: 'public', from: 'orders', to: 'sales', origin: 'hint' }, dropColumn(qty, { schema: 'public', name: 'sales' })],
        facts: (f) => (f.kind === 'nonNulls' && f.table.name === 'orders' ? 4 : undefined),
        severity: 'error',
        count: 4,
      },
    ],
  },
  DS103: {
    fires: [
      {
        name: 'a value of a renamed enum: its rows are counted under the old type name',
        changes: [{ kind: 'renameEnum', schema: 'public', from: 'mood', to: 'feeling', origin: 'hint' }, { ...(recreateMood(['ok', 'meh']) as object), from: { ...mood, name: 'feeling' }, to: { ...mood, name: 'feeling', values: ['ok', 'meh'] } } as Change],
        facts: (f) => (f.kind === 'enumValueUses' && f.type.name === 'mood' ? 2 : undefined),
        severity: 'error',
      },
      { name: 'two values removed, neither used', changes: [recreateMood(['ok'])], facts: { enumValueUses: 0 }, message: /loses values 'meh', 'bad'; no row holds them/ },
      { name: 'a mapped value removed, rows not counted', changes: [recreateMood(['ok', 'meh'], [{ from: 'bad', to: 'meh' }])], severity: 'warning', message: /rows mapped: 'bad' → 'meh'/ },
      { name: 'a mapped value no row holds', changes: [recreateMood(['ok', 'meh'], [{ from: 'bad', to: 'meh' }])], facts: { enumValueUses: 0 }, message: /no row holds it/, count: 0 },
    ],
  },
  DS105: {
    fires: [
      { name: 'a view over the view that reads the column', changes: [dropColumn()], options: { unmanaged: [bigOrders, totalsOver(['qty'])] }, message: /: views public.big_orders, public.order_totals depend on it; Postgres will refuse \(2BP01\)/ },
      { name: 'three views, named in order', changes: [dropColumn()], options: { unmanaged: ['c', 'b', 'a'].map((n) => ({ ...totalsOver(['qty']), name: n })) }, message: /: views public.a, public.b, public.c depend on it/ },
      { name: "a rule on another table that reads the dropped table", changes: [{ kind: 'dropTable', table: ordersTable }], options: { unmanaged: [{ ...ownRule, table: 'customers' }] }, message: /rule orders_audit on public.customers depends on it/ },
      { name: 'a view and a materialized view', changes: [dropColumn()], options: { unmanaged: [totalsOver(['qty']), statusCounts] }, message: /: view public.order_totals and materialized view public.a_counts depend on it/ },
      { name: 'a column retyped through the expand/contract template', changes: [retype('integer', 'uuid')], options: { unmanaged: [totalsOver(['qty'])] }, message: /type change public.orders.qty: .*\(2BP01\)/ },
      { name: 'a column becoming generated', changes: [{ kind: 'alterColumnValueSource', table: orders, from: qty, to: { ...qty, valueSource: { kind: 'generated', expression: '(id * 2)' } } }], options: { unmanaged: [totalsOver(['qty'])] }, message: /to re-add it as generated/ },
      { name: 'a table with its column used from outside', changes: [{ kind: 'dropTable', table: ordersTable }], options: { uses: [tableUse('qty')] }, message: /drop table public.orders: constraint legacy_fk on table public.legacy uses it/ },
      {
        name: 'a serial column whose sequence an outside default draws from',
        changes: [dropColumn(serialQty)],
        options: { uses: [{ used: { kind: 'sequence', schema: 'public', name: 'orders_qty_seq' }, user: user('table', 'legacy', 'default value for column id of table public.legacy', 'default') }] },
        message: /default value for column id of table public.legacy uses it/,
      },
      {
        name: "a column the table's own trigger uses",
        changes: [dropColumn()],
        options: { uses: [{ used: { kind: 'table', schema: 'public', name: 'orders', column: 'qty' }, user: user('table', 'orders', 'trigger t on table public.orders', 'trigger') }] },
        message: /trigger t on table public.orders uses it/,
      },
      {
        name: 'two outside users and a view, in one message',
        changes: [dropColumn()],
        options: { unmanaged: [totalsOver(['qty'])], uses: [tableUse('qty'), { ...tableUse('qty'), user: user('function', 'a', 'function public.a()') }] },
        message: /view public.order_totals depends on it; constraint legacy_fk on table public.legacy, function public.a\(\) use it;/,
      },
      { name: 'an enum two functions use', changes: [recreateMood(['ok', 'meh'])], options: { uses: functionsUsing(2) }, message: /function public.f1\(public.mood\), function public.f2\(public.mood\) use the old type/ },
      { name: 'an enum column a view reads', changes: [recreateMood(['ok', 'meh'])], options: { unmanaged: [totalsOver(['state'])] }, message: /view public.order_totals depends on public.orders.state, converted to the new type; Postgres will refuse \(0A000\)/ },
      { name: 'a primary key an outside foreign key references', changes: [{ kind: 'dropPrimaryKey', table: orders, primaryKey: { name: 'orders_pkey', columns: ['id'] } }], options: { uses: [indexUse('orders_pkey')] }, message: /drop primary key orders_pkey of public.orders: constraint legacy_fk on table public.legacy uses it/ },
      { name: 'a unique constraint an outside foreign key references', changes: [{ kind: 'dropUnique', table: orders, unique: { name: 'orders_qty_key', columns: ['qty'], nullsNotDistinct: false, deferrable: 'NOT DEFERRABLE' } }], options: { uses: [indexUse('orders_qty_key'), { ...indexUse('orders_qty_key'), user: user('table', 'other', 'constraint other_fk on table public.other', 'constraint') }] }, message: /drop unique constraint orders_qty_key of public.orders: .* use it/ },
      { name: 'an index an outside foreign key references', changes: [{ kind: 'dropIndex', table: orders, index: index('orders_qty_idx', [col('qty')], { unique: true }) }], options: { uses: [indexUse('orders_qty_idx')] }, message: /drop index orders_qty_idx of public.orders/ },
    ],
    quiet: [
      { name: 'a column only a materialized view and a rule use, known through them', changes: [dropColumn()], options: { uses: [{ ...tableUse('qty'), user: user('materialized view', 'm', 'materialized view public.m') }, { ...tableUse('qty'), user: user('table', 'audit', 'rule r on table public.audit', 'rule') }] } },
      { name: "a table dropped with its own rule", changes: [{ kind: 'dropTable', table: ordersTable }], options: { unmanaged: [ownRule] } },
      { name: 'a column only views use, known through the views themselves', changes: [dropColumn()], options: { uses: [{ ...tableUse('qty'), user: user('view', 'v', 'view public.v') }] } },
      { name: "a table whose own trigger uses it", changes: [{ kind: 'dropTable', table: ordersTable }], options: { uses: [{ used: { kind: 'table', schema: 'public', name: 'orders', column: 'qty' }, user: user('table', 'orders', 'trigger t on table public.orders', 'trigger') }] } },
      { name: 'an enum column no view reads', changes: [recreateMood(['ok', 'meh'])], options: { unmanaged: [totalsOver(['qty'])] } },
      { name: 'a generated column gets another expression', changes: [{ kind: 'alterColumnValueSource', table: orders, from: { ...qty, valueSource: { kind: 'generated', expression: '(id * 2)' } }, to: { ...qty, valueSource: { kind: 'generated', expression: '(id * 3)' } } }], options: { unmanaged: [totalsOver(['qty'])] } },
      { name: 'a key no outside foreign key references', changes: [{ kind: 'dropPrimaryKey', table: orders, primaryKey: { name: 'orders_pkey', columns: ['id'] } }], options: { uses: [indexUse('other_pkey')] } },
    ],
  },
  DS106: {
    fires: [
      { name: 'an extension a function uses', changes: [{ kind: 'dropExtension', extension: { name: 'pg_trgm', schema: 'public' } }], options: { uses: [{ used: { kind: 'extension', schema: 'ext', name: 'pg_trgm' }, user: user('function', 'f', 'function public.f(text)') }] }, message: /extension pg_trgm is not dropped/ },
      {
        name: 'a domain recreated for its base type is left whole, its other changes kept',
        changes: [
          { kind: 'dropDomain', domain: happy('integer') },
          { kind: 'createDomain', domain: happy('bigint') },
          { kind: 'createDomain', domain: { ...happy('text'), name: 'other' } },
          dropColumn(),
        ],
        options: { uses: [{ used: { kind: 'type', schema: 'public', name: 'happy' }, user: user('function', 'f', 'function public.f(public.happy)') }] },
        message: /domain public.happy is not dropped/,
        planned: ['dropColumn', 'createDomain'],
      },
      { name: 'five users, all named', changes: [{ kind: 'dropEnum', enum: mood }], options: { uses: functionsUsing(5) }, message: /function public.f1\(public.mood\), .*, function public.f4\(public.mood\) and function public.f5\(public.mood\) use it$/ },
      { name: 'six users, the last counted', changes: [{ kind: 'dropEnum', enum: mood }], options: { uses: functionsUsing(6) }, message: /f5\(public.mood\) and 1 more use it$/ },
    ],
  },
  DD501: {
    fires: [
      { name: 'NOT NULL with a backfill, NULLs not counted', changes: [{ kind: 'setNotNull', table: orders, column: 'qty', backfill: '0' }], severity: 'warning', message: /NOT NULL: rows holding NULL take its default 0 first/ },
      { name: 'NOT NULL with a backfill over no NULL rows', changes: [{ kind: 'setNotNull', table: orders, column: 'qty', backfill: '0' }], facts: { nulls: 0 }, severity: 'info', count: 0 },
      { name: 'NOT NULL with a backfill, NULLs counted', changes: [{ kind: 'setNotNull', table: orders, column: 'qty', backfill: '0' }], facts: { nulls: 3 }, message: /3 rows holding NULL take/ },
    ],
    quiet: [
      {
        name: 'NOT NULL on a column rebuilt as generated',
        changes: [{ kind: 'alterColumnValueSource', table: orders, from: qty, to: { ...qty, valueSource: { kind: 'generated', expression: '(id * 2)' } } }, setNotNull()],
        facts: { nulls: 3 },
      },
    ],
  },
  DD502: {
    fires: [
      { name: 'a temporary default, rows not counted', changes: [addColumn(column('version', 'integer', { nullable: false }))], severity: 'warning', message: /for the rows already there/ },
      { name: 'a temporary default on an empty table', changes: [addColumn(column('version', 'integer', { nullable: false }))], facts: { rows: 0 }, severity: 'info' },
    ],
  },
  DD503: {
    fires: [
      {
        name: 'a partial unique index over a column and an expression, counted over the live names',
        changes: [renameColumn('hint'), { kind: 'createIndex', table: orders, index: index('orders_key', [col('amount'), { kind: 'expression', value: 'lower(note)', descending: false }], { unique: true, where: '(amount > 0)' }) }],
        facts: (f) => (f.kind === 'duplicates' && f.keys.join(',') === '"qty",(lower(note))' && f.where === '(qty > 0)' ? 2 : undefined),
        count: 2,
      },
    ],
    quiet: [
      {
        name: 'a unique index over a column the plan adds and an expression',
        changes: [addColumn(column('extra', 'integer')), { kind: 'createIndex', table: orders, index: index('orders_key', [col('extra'), { kind: 'expression', value: 'lower(note)', descending: false }], { unique: true }) }],
        facts: { duplicates: 2 },
      },
    ],
  },
  DD504: {
    quiet: [
      { name: 'a foreign key over a column the plan adds', changes: [addColumn(column('customer_id', 'integer')), { ...(addForeignKey as object), foreignKey: { ...(addForeignKey as { foreignKey: object }).foreignKey, columns: ['customer_id'] } } as Change], facts: { orphans: 1 } },
    ],
  },
  DD505: {
    fires: [
      {
        name: 'a CHECK over a renamed column: rows counted with the old name',
        changes: [renameColumn('hint'), { ...(addCheck as object), check: { name: 'orders_amount_check', expression: '(amount > 0)', noInherit: false } } as Change],
        facts: (f) => (f.kind === 'violations' && f.expression === '(qty > 0)' ? 2 : undefined),
        severity: 'error',
      },
      {
        name: "a CHECK whose column name another table's rename takes",
        changes: [{ kind: 'renameColumn', table: customers, from: 'total', to: 'qty', origin: 'hint' }, addCheck],
        facts: (f) => (f.kind === 'violations' && f.expression === '(qty > 0)' ? 2 : undefined),
        severity: 'error',
      },
    ],
  },
  TC203: {
    fires: [
      { name: 'text to an enum the plan creates, over values it lacks', changes: [{ kind: 'createEnum', enum: feeling }, toFeeling], facts: (f) => (f.kind === 'violations' && f.expression === `"qty"::text IN ('calm', 'tense')` ? 3 : f.kind === 'rows' ? 9 : undefined), message: /3 values would not convert/, count: 3 },
      { name: 'a given conversion over a renamed column: counted with the old name', changes: [renameColumn('hint'), { ...retype('integer', 'uuid', 'md5(amount::text)::uuid'), from: column('amount', 'integer'), to: column('amount', 'uuid') } as Change], facts: (f) => (f.kind === 'castFailures' && f.expression === 'md5(qty::text)::uuid' ? 1 : undefined), count: 1 },
      {
        name: 'text to an existing enum while the plan creates another',
        changes: [{ kind: 'createEnum', enum: feeling }, { ...toFeeling, to: column('qty', 'public.mood', { enumType: { schema: 'public', name: 'mood' } }) } as Change],
        facts: { castFailures: 1, violations: 3 },
        message: /1 value would not convert/,
        count: 1,
      },
      {
        name: 'text[] to an array of an enum the plan creates',
        changes: [{ kind: 'createEnum', enum: feeling }, { ...toFeeling, from: column('qty', 'text', { arrayDims: 1 }), to: column('qty', 'public.feeling', { arrayDims: 1, enumType: { schema: 'public', name: 'feeling' } }) } as Change],
        facts: { castFailures: 1, violations: 3 },
        message: /1 value would not convert/,
        count: 1,
      },
      { name: 'varchar narrowed, not counted', changes: [retype('character varying(20)', 'character varying(5)')], severity: 'warning', message: /\(narrowing: longer values do not fit\); it rewrites/ },
      { name: 'a given conversion that fails on a row', changes: [retype('integer', 'uuid', 'md5(qty::text)::uuid')], facts: { castFailures: 1 }, severity: 'error', message: /the given conversion fails on 1 row/, count: 1 },
      { name: 'bigint to integer, failures and changes counted', changes: [retype('numeric(10,2)', 'numeric(10,1)')], facts: { castFailures: 1, castChanges: 2 }, severity: 'error', message: /1 value would not convert, 2 values would be cut or rounded/, count: 3 },
      { name: 'numeric scale down, changes not counted', changes: [retype('numeric(10,2)', 'numeric(10,1)')], facts: { castFailures: 0 }, severity: 'warning', message: /are rounded\); it rewrites/ },
    ],
  },
  RN304: {
    fires: [
      { name: 'an enum type that may have become one of two', changes: [{ kind: 'dropEnum', enum: mood }], options: ambiguous({ kind: 'type', schema: 'public' }, 'mood', 'feeling', 'state'), message: /^enum public.mood may have been renamed to feeling or state/ },
      { name: 'an enum value', changes: [recreateMood(['ok', 'meh', 'worse', 'awful'])], options: ambiguous({ kind: 'enumValue', type: { schema: 'public', name: 'mood' } }, 'bad', 'worse', 'awful'), message: /^'bad' of enum public.mood may have been renamed/ },
      { name: 'a table', changes: [{ kind: 'dropTable', table: ordersTable }], options: ambiguous({ kind: 'table', schema: 'public' }, 'orders', 'sales', 'deals'), message: /^table public.orders may have been renamed/ },
    ],
    quiet: [
      { name: 'another enum of the schema is dropped', changes: [{ kind: 'dropEnum', enum: { ...mood, name: 'other' } }], options: ambiguous({ kind: 'type', schema: 'public' }, 'mood', 'feeling', 'state') },
      { name: 'the enum loses another value', changes: [recreateMood(['ok', 'bad'])], options: ambiguous({ kind: 'enumValue', type: { schema: 'public', name: 'mood' } }, 'gone', 'worse', 'awful') },
      { name: 'another table of the schema is dropped', changes: [{ kind: 'dropTable', table: { ...ordersTable, name: 'legacy' } }], options: ambiguous({ kind: 'table', schema: 'public' }, 'orders', 'sales', 'deals') },
    ],
  },
  LK601: {
    fires: [
      { name: 'an index on an empty table', changes: [createIndex()], facts: { rows: 0 }, severity: 'info', message: /\(the table is empty\)/, count: 0 },
      { name: 'an index, rows not counted', changes: [createIndex()], severity: 'warning', message: /until it is done$/ },
      { name: 'an index on a table with rows, counted', changes: [createIndex()], facts: { rows: 5 }, message: /\(5 rows\)$/, count: 5 },
    ],
  },
  TX401: {
    fires: [
      { name: 'in a new column\'s default', changes: [{ kind: 'addEnumValue', enum: mood, value: 'great', columns: [] }, addColumn(column('state2', 'public.mood', { valueSource: defaultOf("'great'::public.mood") }))] },
      { name: "in a new table's check", changes: [{ kind: 'addEnumValue', enum: mood, value: 'great', columns: [] }, { kind: 'createTable', table: table('public', 't2', { columns: [column('m', 'public.mood')], checks: [{ name: 't2_m_check', expression: "(m <> 'great'::public.mood)", noInherit: false }] }) }] },
      { name: "in a new index's predicate", changes: [{ kind: 'addEnumValue', enum: mood, value: 'great', columns: [] }, { kind: 'createIndex', table: orders, index: index('orders_great_idx', [col('qty')], { where: "(state = 'great'::public.mood)" }) }] },
      { name: "in a NOT NULL's backfill", changes: [{ kind: 'addEnumValue', enum: mood, value: 'great', columns: [] }, { kind: 'setNotNull', table: orders, column: 'state', backfill: "'great'::public.mood" }] },
      { name: "in a new table's index expression", changes: [{ kind: 'addEnumValue', enum: mood, value: 'great', columns: [] }, { kind: 'createTable', table: table('public', 't3', { columns: [column('m', 'public.mood')], indexes: [index('t3_idx', [{ kind: 'expression', value: "(m = 'great'::public.mood)", descending: false }])] }) }] },
      { name: "in a domain's new default", changes: [{ kind: 'addEnumValue', enum: mood, value: 'great', columns: [] }, { kind: 'alterDomainDefault', domain: { schema: 'public', name: 'happy' }, to: "'great'::public.mood" }] },
      { name: "in a new domain's default", changes: [{ kind: 'addEnumValue', enum: mood, value: 'great', columns: [] }, { kind: 'createDomain', domain: { schema: 'public', name: 'happy', dataType: 'public.mood', arrayDims: 0, notNull: false, default: "'great'::public.mood", checks: [] } }] },
    ],
    quiet: [
      { name: 'a migration already outside a transaction', changes: [{ kind: 'addEnumValue', enum: mood, value: 'great', columns: [] }, createIndex(), { kind: 'setDefault', table: orders, column: 'state', to: "'great'::public.mood" }], options: { online: true } },
    ],
  },
};

export const RULE_CASES: Record<WarningCode, RuleCases> = Object.fromEntries(
  (Object.entries(PAIRS) as [WarningCode, RuleCases][]).map(([code, pair]) => [
    code,
    { fires: [...pair.fires, ...(PINNING[code]?.fires ?? [])], quiet: [...pair.quiet, ...(PINNING[code]?.quiet ?? [])] },
  ]),
) as Record<WarningCode, RuleCases>;
