/**
 * TypeORM's metadata args storage answers every lookup (`filterColumns(Post)`, `findGenerated(Post,
 * 'id')`, …) by scanning all the args ever declared, for every entity and often every column, so
 * building the metadata of n entities costs O(n²): 0.3 s at 1,000 entities, 4 s at 3,000.
 *
 * While ormdiff builds, each lookup method is shadowed on the storage instance by one that first narrows
 * the array it scans to the args of the wanted target(s), from an index by target kept in step with the
 * array, and then runs TypeORM's own method on that narrowed array. The scan only ever kept args of
 * those targets, in storage order, so the answer is the same array in the same order; only the work
 * differs. Nothing of TypeORM's is copied or changed, and the shadows are removed after the build.
 */

/** Each lookup, and the storage array it scans by `target` (0.3.0 through 1.x; absent ones are skipped). */
const LOOKUPS: readonly [method: string, array: string][] = [
  ['filterTables', 'tables'],
  ['filterColumns', 'columns'],
  ['findGenerated', 'generations'],
  ['findTree', 'trees'],
  ['filterRelations', 'relations'],
  ['filterRelationIds', 'relationIds'],
  ['filterRelationCounts', 'relationCounts'],
  ['filterIndices', 'indices'],
  ['filterForeignKeys', 'foreignKeys'],
  ['filterUniques', 'uniques'],
  ['filterChecks', 'checks'],
  ['filterExclusions', 'exclusions'],
  ['filterListeners', 'entityListeners'],
  ['filterEmbeddeds', 'embeddeds'],
  ['findJoinTable', 'joinTables'],
  ['filterJoinColumns', 'joinColumns'],
  ['findInheritanceType', 'inheritances'],
  ['findDiscriminatorValue', 'discriminatorValues'],
];

type Storage = Record<string, unknown>;
type Lookup = (this: unknown, target: unknown, ...rest: unknown[]) => unknown;

interface TargetIndex {
  array: readonly { target?: unknown }[];
  length: number;
  positions: Map<unknown, number[]>;
}

/** Positions of each target's args; rebuilt when the array is replaced or grows (entity files load during the build). */
function indexOf(cache: Map<string, TargetIndex>, name: string, array: readonly { target?: unknown }[]): TargetIndex {
  const known = cache.get(name);
  if (known && known.array === array && known.length === array.length) return known;
  const positions = new Map<unknown, number[]>();
  array.forEach((arg, i) => {
    const list = positions.get(arg?.target);
    if (list) list.push(i);
    else positions.set(arg?.target, [i]);
  });
  const index = { array, length: array.length, positions };
  cache.set(name, index);
  return index;
}

/** The args of `target` (one target, or several as TypeORM passes an inheritance tree), in storage order. */
function narrowed(index: TargetIndex, target: unknown): unknown[] {
  if (!Array.isArray(target)) return (index.positions.get(target) ?? []).map((i) => index.array[i]);
  const positions = [...new Set(target)].flatMap((t) => index.positions.get(t) ?? []).sort((a, b) => a - b);
  return positions.map((i) => index.array[i]);
}

const installed = new WeakMap<object, { depth: number; methods: string[] }>();

/** Shadows the storage's lookups until `release` has been called as often as this. */
function install(storage: Storage): void {
  const state = installed.get(storage);
  if (state) {
    state.depth++;
    return;
  }
  const proto = Object.getPrototypeOf(storage) as Record<string, unknown>;
  const cache = new Map<string, TargetIndex>();
  const methods: string[] = [];
  for (const [method, arrayName] of LOOKUPS) {
    const original = proto[method];
    if (typeof original !== 'function' || Object.prototype.hasOwnProperty.call(storage, method)) continue;
    const lookup: Lookup = function (this: unknown, target, ...rest) {
      const array = storage[arrayName];
      if (this !== storage || !Array.isArray(array)) return (original as Lookup).call(this, target, ...rest);
      // TypeORM's method, run on a view of the storage whose array holds only the args it would keep.
      const view = Object.create(storage, { [arrayName]: { value: narrowed(indexOf(cache, arrayName, array), target) } }) as unknown;
      return (original as Lookup).call(view, target, ...rest);
    };
    storage[method] = lookup;
    methods.push(method);
  }
  installed.set(storage, { depth: 1, methods });
}

function release(storage: Storage): void {
  const state = installed.get(storage);
  if (!state || --state.depth > 0) return;
  for (const method of state.methods) delete storage[method];
  installed.delete(storage);
}

/** Runs `build` with the storage's lookups indexed by target. */
export async function withIndexedLookups<T>(storage: object, build: () => Promise<T>): Promise<T> {
  install(storage as Storage);
  try {
    return await build();
  } finally {
    release(storage as Storage);
  }
}
