/**
 * DS105: a change Postgres refuses because views, materialized views or rules ormdiff does not manage
 * use the object. The catalog says what each of them reads directly (UnmanagedObject.dependsOn); a
 * view built on a broken view has to go too, so the list follows those chains. Renames are not
 * checked: Postgres rewrites views and rules to the new names. Other users from outside the managed
 * set (a foreign key of a table left alone, a function, a policy, a default drawing from a serial
 * column's sequence, which goes with its column) stop a drop just the same, and a foreign key stops
 * the drop of the primary key or unique index it references: HazardOptions.uses.
 */
import type { ChangeOf } from '../../diff/changes';
import { changeObject } from '../../diff/describe';
import { qualifiedKey } from '../../schema/model';
import type { Column, QualifiedName, UnmanagedKind, UnmanagedObject } from '../../schema/model';
import { type ObjectUse, type ObjectUser, usesOf } from '../../schema/uses';
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
  const key = qualifiedKey(target.table);
  return (u.dependsOn ?? []).some(
    (d) => qualifiedKey(d.table) === key && (target.column === undefined || d.columns.includes(target.column)),
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
      // The expand/contract template (the planner's form for it) drops the old column instead of retyping it.
      return { action: `type change ${object}`, code: c.form === 'expand-contract' ? DROP : RETYPE };
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

/** Views and rules are found through `dependsOn`, chains included; these are the other users. */
const throughViews = (u: ObjectUser): boolean => u.kind === 'view' || u.kind === 'materialized view' || u.part === 'rule';

/** The columns a drop takes away: the table's all, or the one. */
function droppedColumns(c: ColumnOrTableChange): Column[] {
  if (c.kind === 'dropTable') return c.table.columns;
  if (c.kind === 'dropColumn') return [c.column];
  return [];
}

/**
 * Users outside the managed set of the table or column a drop removes, and of the serial sequences
 * that go with its columns. Only drops: a type change of a column an outside object uses is the
 * views' case (DS105 above), the catalog's other users (a foreign key) follow the new type or fail
 * in ways the plan cannot see.
 */
function otherUsers(uses: readonly ObjectUse[], c: ColumnOrTableChange, target: Target): ObjectUser[] {
  if (c.kind !== 'dropTable' && c.kind !== 'dropColumn') return [];
  const ofTable = usesOf(uses, 'table', target.table).filter((u) => target.column === undefined || u.used.column === target.column);
  const ofSequences = droppedColumns(c).flatMap((col) =>
    col.valueSource.kind === 'serial' ? usesOf(uses, 'sequence', col.valueSource.sequence) : [],
  );
  // The table's own triggers and policies go with the table; they stop only a column's drop.
  const own = (u: ObjectUser) => u.schema === target.table.schema && u.name === target.table.name && target.column === undefined;
  const users = [...ofTable, ...ofSequences].map((u) => u.user).filter((u) => !throughViews(u) && !own(u));
  return [...new Map(users.map((u) => [u.description, u])).values()].sort((a, b) => (a.description < b.description ? -1 : 1));
}

function columnOrTableChange(
  ctx: HazardContext,
  unmanaged: readonly UnmanagedObject[],
  uses: readonly ObjectUse[],
  c: ColumnOrTableChange,
): Warning[] {
  const target = targetOf(ctx, c);
  const found = target ? dependentsOf(unmanaged, target) : [];
  const others = target ? otherUsers(uses, c, target) : [];
  if (found.length === 0 && others.length === 0) return [];
  const { action, code } = refusal(c);
  const phrases = [
    ...(found.length > 0 ? [`${dependentsPhrase(found)} on it`] : []),
    ...(others.length > 0 ? [`${others.map((u) => u.description).join(', ')} ${others.length === 1 ? 'uses' : 'use'} it`] : []),
  ];
  return [warn(c, 'DS105', 'error', `${action}: ${phrases.join('; ')}; Postgres will refuse (${code})`)];
}

/**
 * The old type is dropped once the managed columns are moved: users outside the managed set (a table
 * left alone, a function's argument, a domain) keep it, and Postgres refuses the drop.
 */
function enumRecreateUsers(ctx: HazardContext, uses: readonly ObjectUse[], c: ChangeOf<'recreateEnum'>): Warning[] {
  const users = usesOf(uses, 'type', ctx.live.type(c.from)).map((u) => u.user).filter((u) => !throughViews(u));
  if (users.length === 0) return [];
  const listed = [...new Set(users.map((u) => u.description))].sort();
  const verb = listed.length === 1 ? 'uses' : 'use';
  return [warn(c, 'DS105', 'error', `recreate enum ${changeObject(c)}: ${listed.join(', ')} ${verb} the old type; Postgres will refuse to drop it (${DROP})`)];
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

type KeyChange = ChangeOf<'dropPrimaryKey' | 'dropUnique' | 'dropIndex'>;

/**
 * A foreign key of a table outside the managed set uses the primary key's or unique index it
 * references: dropping the key (to rebuild it, say) is refused while it exists.
 */
function keyChange(uses: readonly ObjectUse[], c: KeyChange): Warning[] {
  const [what, name] =
    c.kind === 'dropPrimaryKey' ? ['primary key', c.primaryKey.name] : c.kind === 'dropUnique' ? ['unique constraint', c.unique.name] : ['index', c.index.name];
  const users = usesOf(uses, 'index', { schema: c.table.schema, name }).map((u) => u.user);
  if (users.length === 0) return [];
  const listed = [...new Set(users.map((u) => u.description))].sort();
  const message = `drop ${what} ${name} of ${c.table.schema}.${c.table.name}: ${listed.join(', ')} ${listed.length === 1 ? 'uses' : 'use'} it; Postgres will refuse (${DROP})`;
  return [warn(c, 'DS105', 'error', message)];
}

export const dependentsPass: Pass = (ctx) => {
  const unmanaged = ctx.options.unmanaged ?? [];
  const uses = ctx.options.uses ?? [];
  if (!unmanaged.some((u) => u.dependsOn !== undefined) && uses.length === 0) return [];
  return ctx.changes.flatMap((c) => {
    switch (c.kind) {
      case 'dropTable':
      case 'dropColumn':
      case 'alterColumnType':
      case 'alterColumnValueSource':
        return columnOrTableChange(ctx, unmanaged, uses, c);
      case 'recreateEnum':
        return [...enumRecreate(ctx, unmanaged, c), ...enumRecreateUsers(ctx, uses, c)];
      case 'dropPrimaryKey':
      case 'dropUnique':
      case 'dropIndex':
        return keyChange(uses, c);
      default:
        return [];
    }
  });
};
