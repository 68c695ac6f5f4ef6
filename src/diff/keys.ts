/**
 * Canonical text of plain data, for comparing definitions regardless of key order or absent keys.
 *
 * The diff compares every column, constraint and index of every table, so these run tens of
 * thousands of times per diff: they write the text directly rather than through a JSON.stringify
 * replacer that copies and sorts every object, and equality is tested without writing text at all.
 */
import { jsonString, type QualifiedName } from '../schema/model';

/** A key JSON.stringify writes first, in numeric order, whatever the object's own order: an array index. */
const isIndexKey = (key: string): boolean => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;

/** The object's keys in the order stableKey writes them: index-like keys numerically, then the rest by code unit. */
function sortedKeys(value: object): string[] {
  const keys = Object.keys(value).sort();
  if (!keys.some((k) => k.charCodeAt(0) <= 57 && isIndexKey(k))) return keys;
  // Object.fromEntries of the sorted entries (the former writer) puts index keys first, as every object does.
  const index = keys.filter(isIndexKey).sort((a, b) => Number(a) - Number(b));
  return [...index, ...keys.filter((k) => !isIndexKey(k))];
}

/** What JSON.stringify writes for `value`, keys sorted; undefined where it writes nothing (undefined, functions). */
function write(value: unknown, skip?: string): string | undefined {
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return write((value as { toJSON(): unknown }).toJSON());
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + (write(value[i]) ?? 'null');
        return `${out}]`;
      }
      let out = '{';
      for (const key of sortedKeys(value)) {
        if (key === skip) continue;
        const member = write((value as Record<string, unknown>)[key]);
        if (member === undefined) continue;
        out += `${out.length > 1 ? ',' : ''}${jsonString(key)}:${member}`;
      }
      return `${out}}`;
    }
    case 'bigint':
      // As JSON.stringify does.
      throw new TypeError('Do not know how to serialize a BigInt');
    default:
      return undefined;
  }
}

/** JSON with object keys sorted and `undefined` members left out, so `{a: 1, b: undefined}` equals `{a: 1}`. */
export function stableKey(value: unknown): string {
  return write(value) as string;
}

/** stableKey of an object without its `name`: a named object's definition. */
export const definitionKey = (value: { name: string }): string => write(value, 'name') as string;

/** Whether JSON.stringify writes nothing for a member of this value (it drops the member). */
const unwritten = (value: unknown): boolean => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** A value as JSON sees it: nothing (undefined) for what it drops, null for what it writes as null, else itself. */
function asJson(value: unknown): unknown {
  if (unwritten(value)) return undefined;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** An array element as JSON sees it: what it drops from an object is written null in an array. */
const element = (value: unknown): unknown => asJson(value) ?? null;

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

const hasToJson = (value: object): boolean => typeof (value as { toJSON?: unknown }).toJSON === 'function';

/**
 * `stableKey(a) === stableKey(b)`, without writing either; with `skip`, as if neither object had that
 * member (`sameData(a, b, 'name')` compares two named objects' definitions).
 */
export function sameData(a: unknown, b: unknown, skip?: string): boolean {
  if (a === b) return true;
  // A Date and the like are written as what toJSON gives, which may be a string.
  if ((isObject(a) && hasToJson(a)) || (isObject(b) && hasToJson(b))) return stableKey(a) === stableKey(b);
  if (!isObject(a) || !isObject(b)) {
    const x = asJson(a);
    const y = asJson(b);
    return x === y || (x === null && y === null);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameData(element(a[i]), element(b[i]))) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  // for…in with Object.hasOwn: the own enumerable keys, as Object.keys, without an array per object.
  let members = 0;
  for (const key in left) {
    if (!Object.hasOwn(left, key) || key === skip || unwritten(left[key])) continue;
    members++;
    const other = Object.hasOwn(right, key) ? right[key] : undefined;
    if (left[key] !== other && !sameData(left[key], other)) return false;
  }
  for (const key in right) if (Object.hasOwn(right, key) && key !== skip && !unwritten(right[key])) members--;
  return members === 0;
}

/** `JSON.stringify([schema, table, column])`, written directly (one per column of every table). */
export const columnKey = (table: QualifiedName, column: string): string =>
  `[${jsonString(table.schema)},${jsonString(table.name)},${jsonString(column)}]`;

/** The same names in the same order: two lists of columns that pair up by position. */
export const sameNames = (a: readonly { name: string }[], b: readonly { name: string }[]): boolean =>
  a.length === b.length && a.every((x, i) => x.name === b[i].name);

export function byKey<T>(items: T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** `{from?, to?}` without undefined members, for the changes that record a previous and a next value. */
export function fromTo<T>(from: T | undefined, to: T | undefined): { from?: T; to?: T } {
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}
