/** Canonical text of plain data, for comparing definitions regardless of key order or absent keys. */
import { compareStrings, type QualifiedName } from '../schema/model';

/** JSON with object keys sorted and `undefined` members left out, so `{a: 1, b: undefined}` equals `{a: 1}`. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compareStrings(a, b)),
        )
      : v,
  );
}


export const columnKey = (table: QualifiedName, column: string): string =>
  JSON.stringify([table.schema, table.name, column]);

export function byKey<T>(items: T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** `{from?, to?}` without undefined members, for the changes that record a previous and a next value. */
export function fromTo<T>(from: T | undefined, to: T | undefined): { from?: T; to?: T } {
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}
