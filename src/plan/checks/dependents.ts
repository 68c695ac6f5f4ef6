/**
 * DS105: a change Postgres refuses because views, materialized views or rules ormdiff does not manage
 * use the object. The catalog says what each of them reads directly (UnmanagedObject.dependsOn); a
 * view built on a broken view has to go too, so the list follows those chains. Renames are not
 * checked: Postgres rewrites views and rules to the new names.
 */
import type { ChangeOf } from '../../diff/changes';
import { changeObject } from '../../diff/describe';
import { nameKey } from '../../diff/keys';
import { classifyTypeChange } from '../../diff/typechange';
import type { QualifiedName, UnmanagedKind, UnmanagedObject } from '../../schema/model';
import type { HazardContext, Pass, Warning } from './context';
import { warn } from './context';

/** What a change removes or retypes, by its database (pre-rename) names; no column for the whole table. */
export interface Target {
  table: QualifiedName;
  column?: string;
}

const unmanagedKey = (u: UnmanagedObject): string => JSON.stringify([u.kind, u.schema, u.table ?? null, u.name]);

/** Whether `u` goes away with the table itself (a rule, trigger or policy on it), which Postgres does on its own. */
const onTable = (u: UnmanagedObject, t: QualifiedName): boolean => u.table !== undefined && u.schema === t.schema && u.table === t.name;

function usesDirectly(u: UnmanagedObject, target: Target): boolean {
  if (target.column === undefined && onTable(u, target.table)) return false;
  const key = nameKey(target.table);
  return (u.dependsOn ?? []).some(
    (d) => nameKey(d.table) === key && (target.column === undefined || d.columns.includes(target.column)),
  );
}

const KIND_ORDER: UnmanagedKind[] = ['view', 'materialized view', 'rule'];

function byKindThenName(a: UnmanagedObject, b: UnmanagedObject): number {
  const rank = (u: UnmanagedObject) => (KIND_ORDER.includes(u.kind) ? KIND_ORDER.indexOf(u.kind) : KIND_ORDER.length);
  const name = (u: UnmanagedObject) => `${u.schema}\u0000${u.table ?? ''}\u0000${u.name}`;
  return rank(a) - rank(b) || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);
}

/**
 * The unmanaged objects that stop the change: those using the target directly, then, as long as any
 * are added, those using a relation already listed (by any column or as a whole). Pure.
 */
export function dependentsOf(unmanaged: readonly UnmanagedObject[], target: Target): UnmanagedObject[] {
  const found = new Map<string, UnmanagedObject>();
  const queue = unmanaged.filter((u) => usesDirectly(u, target));
  while (queue.length > 0) {
    const u = queue.shift()!;
    if (found.has(unmanagedKey(u))) continue;
    found.set(unmanagedKey(u), u);
    // Only relations can be built upon; a rule is a leaf.
    if (u.table === undefined) queue.push(...unmanaged.filter((o) => usesDirectly(o, { table: u })));
  }
  return [...found.values()].sort(byKindThenName);
}

const KIND_PLURAL: Partial<Record<UnmanagedKind, string>> = { view: 'views', 'materialized view': 'materialized views', rule: 'rules' };

const spell = (u: UnmanagedObject): string => (u.table !== undefined ? `${u.name} on ${u.schema}.${u.table}` : `${u.schema}.${u.name}`);

/** `views public.a, public.b and rule r on public.t depend`: grouped by kind, the verb agreeing. */
export function dependentsPhrase(objects: UnmanagedObject[]): string {
  const kinds = [...new Set(objects.map((u) => u.kind))];
  const groups = kinds.map((kind) => {
    const names = objects.filter((u) => u.kind === kind).map(spell);
    return `${names.length === 1 ? kind : (KIND_PLURAL[kind] ?? `${kind}s`)} ${names.join(', ')}`;
  });
  const listed = groups.length === 1 ? groups[0] : `${groups.slice(0, -1).join(', ')} and ${groups[groups.length - 1]}`;
  return `${listed} ${objects.length === 1 ? 'depends' : 'depend'}`;
}

/** SQLSTATEs of the refusals: a drop (2BP01), and "cannot alter type of a column used by a view or rule" (0A000). */
const DROP = '2BP01';
const RETYPE = '0A000';

type ColumnOrTableChange = ChangeOf<'dropTable' | 'dropColumn' | 'alterColumnType' | 'alterColumnValueSource'>;

/** What the statement does and how Postgres refuses it. */
function refusal(c: ColumnOrTableChange): { action: string; code: string } {
  const object = changeObject(c);
  switch (c.kind) {
    case 'dropTable':
      return { action: `drop table ${object}`, code: DROP };
    case 'dropColumn':
      return { action: `drop column ${object}`, code: DROP };
    case 'alterColumnValueSource':
      return { action: `drop column ${object} (to re-add it as generated)`, code: DROP };
    case 'alterColumnType': {
      // Without a cast the expand/contract template drops the old column instead of retyping it.
      const template = c.using === undefined && classifyTypeChange(c.from, c.to).class === 'impossible';
      return { action: `type change ${object}`, code: template ? DROP : RETYPE };
    }
  }
}

function targetOf(ctx: HazardContext, c: ColumnOrTableChange): Target | undefined {
  switch (c.kind) {
    case 'dropTable':
      return { table: c.table };
    case 'dropColumn':
      return ctx.columnExisted(c.table, c.column.name) ? { table: ctx.live.table(c.table), column: c.column.name } : undefined;
    case 'alterColumnValueSource':
      if (c.to.valueSource.kind !== 'generated' || c.from.valueSource.kind === 'generated') return undefined;
      return { table: ctx.live.table(c.table), column: ctx.live.column(c.table, c.from.name) };
    case 'alterColumnType':
      return ctx.columnExisted(c.table, c.to.name)
        ? { table: ctx.live.table(c.table), column: ctx.live.column(c.table, c.to.name) }
        : undefined;
  }
}

function columnOrTableChange(ctx: HazardContext, unmanaged: readonly UnmanagedObject[], c: ColumnOrTableChange): Warning[] {
  const target = targetOf(ctx, c);
  const found = target ? dependentsOf(unmanaged, target) : [];
  if (found.length === 0) return [];
  const { action, code } = refusal(c);
  return [warn(c, 'DS105', 'error', `${action}: ${dependentsPhrase(found)} on it; Postgres will refuse (${code})`)];
}

/** Each column the recreated enum moves to the new type is retyped with ALTER COLUMN … TYPE. */
function enumRecreate(ctx: HazardContext, unmanaged: readonly UnmanagedObject[], c: ChangeOf<'recreateEnum'>): Warning[] {
  const uses = c.columns
    .filter((u) => ctx.columnExisted(u.table, u.column))
    .map((u) => {
      const target = { table: ctx.live.table(u.table), column: ctx.live.column(u.table, u.column) };
      return { use: u, found: dependentsOf(unmanaged, target) };
    })
    .filter((x) => x.found.length > 0);
  if (uses.length === 0) return [];
  const found = [...new Map(uses.flatMap((x) => x.found).map((u) => [unmanagedKey(u), u])).values()].sort(byKindThenName);
  const columns = uses.map((x) => `${x.use.table.schema}.${x.use.table.name}.${x.use.column}`).join(', ');
  const message = `recreate enum ${changeObject(c)}: ${dependentsPhrase(found)} on ${columns}, converted to the new type`;
  return [warn(c, 'DS105', 'error', `${message}; Postgres will refuse (${RETYPE})`)];
}

export const dependentsPass: Pass = (ctx) => {
  const unmanaged = ctx.options.unmanaged ?? [];
  if (!unmanaged.some((u) => u.dependsOn !== undefined)) return [];
  return ctx.changes.flatMap((c) => {
    switch (c.kind) {
      case 'dropTable':
      case 'dropColumn':
      case 'alterColumnType':
      case 'alterColumnValueSource':
        return columnOrTableChange(ctx, unmanaged, c);
      case 'recreateEnum':
        return enumRecreate(ctx, unmanaged, c);
      default:
        return [];
    }
  });
};
