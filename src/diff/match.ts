/**
 * Pairs up named objects of one kind (indexes, constraints) across two sides: by definition first,
 * then by name, so an object whose definition survives under another name is a rename, never a
 * drop and a create, and a name whose definition changed is a drop and a create.
 */
import { sameData } from './keys';

export interface Matched<T> {
  renamed: Array<{ from: T; to: T }>;
  dropped: T[];
  added: T[];
}

/** Items in their order, grouped by a key; `take` hands out the first one not yet taken that passes a test. */
class Queue<T> {
  private readonly lists = new Map<string, T[]>();

  constructor(items: readonly T[], key: (item: T) => string) {
    for (const item of items) {
      const k = key(item);
      const list = this.lists.get(k);
      if (list) list.push(item);
      else this.lists.set(k, [item]);
    }
  }

  take(key: string, open: Set<T>, test: (item: T) => boolean = () => true): T | undefined {
    const list = this.lists.get(key);
    if (!list) return undefined;
    // Taken items never come back: dropping them from the front keeps every list walked about once.
    while (list.length > 0 && !open.has(list[0])) list.shift();
    return list.find((item) => open.has(item) && test(item));
  }
}

/**
 * The same objects (name and data) in the same order: nothing to pair up, whatever the definitions.
 * Most tables are, every time.
 */
export const inStep = <T extends { name: string }>(from: readonly T[], to: readonly T[]): boolean =>
  from.length === to.length && from.every((f, i) => f.name === to[i].name && sameData(f, to[i], 'name'));

/**
 * `definition` must depend on nothing but the item's data besides its name (two items equal as JSON
 * but for their names have one definition): an object found under its own name and equal to it is
 * then matched without writing either definition, which is most of them in a database in step. Other
 * definitions are computed once per item and found through maps, so a thousand tables cost a
 * thousand small matches.
 */
export function matchByDefinition<T extends { name: string }>(
  from: T[],
  to: T[],
  definition: (item: T) => string,
): Matched<T> {
  if (inStep(from, to)) return { renamed: [], dropped: [], added: [] };
  const definitions = new Map<T, string>();
  const definitionOf = (item: T): string => {
    let d = definitions.get(item);
    if (d === undefined) definitions.set(item, (d = definition(item)));
    return d;
  };
  const unmatchedFrom = new Set(from);
  const byName = new Queue(from, (f) => f.name);
  const unmatchedTo: T[] = [];
  for (const t of to) {
    const same = byName.take(t.name, unmatchedFrom, (f) => sameData(f, t, 'name') || definitionOf(f) === definitionOf(t));
    if (same) unmatchedFrom.delete(same);
    else unmatchedTo.push(t);
  }
  const renamed: Matched<T>['renamed'] = [];
  const added: T[] = [];
  if (unmatchedTo.length > 0) {
    const byDefinition = new Queue([...unmatchedFrom], definitionOf);
    for (const t of unmatchedTo) {
      const source = byDefinition.take(definitionOf(t), unmatchedFrom);
      if (source) {
        unmatchedFrom.delete(source);
        renamed.push({ from: source, to: t });
      } else {
        added.push(t);
      }
    }
  }
  return { renamed, dropped: from.filter((f) => unmatchedFrom.has(f)), added };
}
