/**
 * TypeORM's metadata builder asks `MetadataUtils.isInherited(child, parent)` for every pair of entities
 * (to find each one's single-table children): n² prototype-chain walks, 4 s of a 3,000-entity build.
 * Almost no entity is anyone's parent, so while ormdiff builds, the question is answered `false` at once
 * when `parent.prototype` is on no entity's prototype chain, and by TypeORM itself otherwise: the answer
 * is the same, only cheaper.
 */
import type { MetadataUtils as MetadataUtilsClass } from 'typeorm/metadata-builder/MetadataUtils';

type IsInherited = (target1: Function, target2: Function) => boolean;

const defaultHasInstance = Function.prototype[Symbol.hasInstance];
let depth = 0;
let original: IsInherited | undefined;
/** Required with the build, not when this module is imported (see src/typeorm.ts). */
let MetadataUtils: typeof MetadataUtilsClass | undefined;

/** Every object on the prototype chain of an instance of some `targets` class (not their own prototypes). */
function ancestorPrototypes(targets: readonly unknown[]): Set<unknown> {
  const seen = new Set<unknown>();
  for (const target of targets) {
    if (typeof target !== 'function') continue;
    for (let proto = Object.getPrototypeOf(target.prototype); proto !== null && !seen.has(proto); proto = Object.getPrototypeOf(proto)) {
      seen.add(proto);
    }
  }
  return seen;
}

/**
 * Runs `build` with the fast answer for the classes of `tables()` (the storage's table args, read when
 * asked: entity files load during the build; the sets are rebuilt only when the array changes).
 */
export async function withFastInheritance<T>(tables: () => readonly { target: unknown }[], build: () => Promise<T>): Promise<T> {
  if (depth++ === 0) {
    MetadataUtils = (require('typeorm/metadata-builder/MetadataUtils') as { MetadataUtils: typeof MetadataUtilsClass }).MetadataUtils;
    const typeorms = MetadataUtils.isInherited;
    original = typeorms;
    let known: { array: readonly unknown[]; count: number; members: Set<unknown>; ancestors: Set<unknown>; childless: Map<unknown, boolean> } | undefined;
    MetadataUtils.isInherited = (target1: Function, target2: Function): boolean => {
      const array = tables();
      if (!known || known.array !== array || known.count !== array.length) {
        const all = array.map((t) => t.target);
        known = { array, count: array.length, members: new Set(all), ancestors: ancestorPrototypes(all), childless: new Map() };
      }
      // Asked for every pair: decided once per parent class (n of them), not once per pair (n²).
      let childless = known.childless.get(target2);
      if (childless === undefined) {
        childless = typeof target2 === 'function' && target2[Symbol.hasInstance] === defaultHasInstance && !known.ancestors.has(target2.prototype);
        known.childless.set(target2, childless);
      }
      return childless && known.members.has(target1) ? false : typeorms(target1, target2);
    };
  }
  try {
    return await build();
  } finally {
    if (--depth === 0 && original && MetadataUtils) {
      MetadataUtils.isInherited = original;
      original = undefined;
    }
  }
}
