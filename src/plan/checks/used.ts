/**
 * DS106: objects the plan would drop that something outside the managed set still uses (a table left
 * alone with `synchronize: false`, a partitioned table, a function, a domain, an object in another
 * schema), as pg_depend records it. Postgres refuses such a DROP without CASCADE, and ormdiff never
 * writes CASCADE: the drop is left out of the plan and reported instead, naming the users. Only
 * enums, domains, free-standing sequences and extensions are left this way: they are housekeeping,
 * not something the entities ask for. A table or column the entities drop is DS105's business.
 */
import type { Change } from '../../diff/changes';
import { changeObject } from '../../diff/describe';
import { qualifiedKey } from '../../schema/model';
import type { ObjectUse, ObjectUser, UsedObject } from '../../schema/uses';
import { usesOf } from '../../schema/uses';
import type { Pass } from './context';
import { warn } from './context';

/** A drop left out of the plan, and what uses its object. */
export interface LeftChange {
  change: Change;
  users: ObjectUser[];
}

function usedBy(change: Change, uses: readonly ObjectUse[]): ObjectUser[] {
  const of = (kind: UsedObject['kind'], object: { schema?: string; name: string }): ObjectUser[] =>
    usesOf(uses, kind, object.schema === undefined ? { name: object.name } : { schema: object.schema, name: object.name }).map((u) => u.user);
  switch (change.kind) {
    case 'dropEnum':
      return of('type', change.enum);
    case 'dropDomain':
      return of('type', change.domain);
    case 'dropSequence':
      return of('sequence', change.sequence);
    case 'dropExtension':
      return of('extension', { name: change.extension.name });
    default:
      return [];
  }
}

const userKey = (u: ObjectUser): string => u.description;

/**
 * The changes without the drops that outside objects stop, and those drops with their users. A domain
 * recreated to change its base type (drop + create) is left whole. Pure.
 */
export function leaveUsed(changes: Change[], uses: readonly ObjectUse[] = []): { changes: Change[]; left: LeftChange[] } {
  if (uses.length === 0) return { changes, left: [] };
  const left: LeftChange[] = [];
  const leftDomains = new Set<string>();
  for (const change of changes) {
    const users = usedBy(change, uses);
    if (users.length === 0) continue;
    left.push({ change, users: [...new Map(users.map((u) => [userKey(u), u])).values()].sort((a, b) => (userKey(a) < userKey(b) ? -1 : 1)) });
    if (change.kind === 'dropDomain') leftDomains.add(qualifiedKey(change.domain));
  }
  if (left.length === 0) return { changes, left };
  const dropped = new Set(left.map((l) => l.change));
  return {
    changes: changes.filter((c) => !dropped.has(c) && !(c.kind === 'createDomain' && leftDomains.has(qualifiedKey(c.domain)))),
    left,
  };
}

const NOUN: Partial<Record<Change['kind'], string>> = {
  dropEnum: 'enum',
  dropDomain: 'domain',
  dropSequence: 'sequence',
  dropExtension: 'extension',
};

const MAX_LISTED = 5;

/** `column m of table public.legacy and function public.f(public.mood) use`. */
export function usersPhrase(users: ObjectUser[]): string {
  const names = users.slice(0, MAX_LISTED).map((u) => u.description);
  if (users.length > MAX_LISTED) names.push(`${users.length - MAX_LISTED} more`);
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${listed} ${users.length === 1 ? 'uses' : 'use'} it`;
}

export const leftPass: Pass = (ctx) =>
  (ctx.options.left ?? []).map(({ change, users }) =>
    warn(change, 'DS106', 'info', `${NOUN[change.kind] ?? 'object'} ${changeObject(change)} is not dropped: ${usersPhrase(users)}`),
  );
