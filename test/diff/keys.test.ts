/**
 * The diff's canonical keys and equality: stableKey writes what the former JSON.stringify-with-a-
 * sorting-replacer wrote (keys hashed into caches and compared across runs), sameData answers what
 * comparing two such keys answers, and matchByDefinition pairs objects as the linear search did.
 */
import { columnKey, definitionKey, sameData, stableKey } from '../../src/diff/keys';
import { matchByDefinition } from '../../src/diff/match';
import { compareStrings, qualifiedKey } from '../../src/schema/model';

/** The writer stableKey replaced, kept as the reference. */
const reference = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compareStrings(a, b)))
      : v,
  );

const VALUES: unknown[] = [
  null,
  undefined,
  0,
  -0,
  1.5,
  1e21,
  NaN,
  Infinity,
  true,
  false,
  '',
  'plain',
  'with "quotes" and \\ backslash',
  'line\nbreak\ttab\u0001',
  'ünïcödé ✓ 𝄞',
  '\ud800 lone surrogate',
  [],
  [1, undefined, null, () => 1],
  [[1, [2, { b: 1, a: 2 }]]],
  {},
  { a: undefined },
  { a: null },
  { b: 1, a: 2 },
  { a: 2, b: 1 },
  { a: 2, b: 1, c: undefined, d: () => 1 },
  { 10: 'x', 9: 'y', b: 1, '01': 2, a: 3 },
  { 9: 'y', 10: 'x', a: 3, b: 1, '01': 2 },
  { kind: 'default', expression: "'x'::text" },
  { kind: 'default', expression: "'x'::text", extra: undefined },
  { kind: 'none' },
  { nested: { z: [1, 2], y: { x: NaN } } },
  { nested: { y: { x: null }, z: [1, 2] } },
  { when: new Date(0) },
  { when: '1970-01-01T00:00:00.000Z' },
];

describe('stableKey', () => {
  test.each(VALUES.map((v) => [v]))('writes %p as the JSON.stringify replacer did', (value) => {
    expect(stableKey(value)).toBe(reference(value));
  });

  test('definitionKey leaves out only the top-level name', () => {
    const index = { name: 'IDX_a', unique: false, elements: [{ name: 'inner', value: 'x' }], where: undefined };
    const { name: _name, ...definition } = index;
    expect(definitionKey(index)).toBe(reference(definition));
    expect(definitionKey(index)).toContain('"inner"');
  });

  test('qualifiedKey and columnKey are JSON arrays of the names, whatever the names hold', () => {
    for (const name of ['users', 'Users', 'a.b', 'with "quote"', 'back\\slash', 'ünï', '']) {
      expect(qualifiedKey({ schema: 'public', name })).toBe(JSON.stringify(['public', name]));
      expect(columnKey({ schema: name, name: 't' }, name)).toBe(JSON.stringify([name, 't', name]));
    }
  });
});

describe('sameData', () => {
  test('agrees with comparing the keys, for every pair', () => {
    for (const a of VALUES) for (const b of VALUES) expect([a, b, sameData(a, b)]).toEqual([a, b, reference(a) === reference(b)]);
  });

  test('with a skipped member, compares the rest', () => {
    expect(sameData({ name: 'a', unique: true }, { name: 'b', unique: true }, 'name')).toBe(true);
    expect(sameData({ name: 'a', unique: true }, { name: 'b', unique: false }, 'name')).toBe(false);
    expect(sameData({ name: 'a', unique: true }, { name: 'b', unique: true })).toBe(false);
    expect(sameData({ name: 'a', inner: { name: 'x' } }, { name: 'b', inner: { name: 'y' } }, 'name')).toBe(false);
  });
});

describe('matchByDefinition', () => {
  /** The linear search the maps replaced, kept as the reference. */
  function linear<T extends { name: string }>(from: T[], to: T[], definition: (item: T) => string) {
    const unmatchedFrom = new Set(from);
    const unmatchedTo: T[] = [];
    for (const t of to) {
      const same = from.find((f) => unmatchedFrom.has(f) && f.name === t.name && definition(f) === definition(t));
      if (same) unmatchedFrom.delete(same);
      else unmatchedTo.push(t);
    }
    const renamed: Array<{ from: T; to: T }> = [];
    const added: T[] = [];
    for (const t of unmatchedTo) {
      const source = from.find((f) => unmatchedFrom.has(f) && definition(f) === definition(t));
      if (source) {
        unmatchedFrom.delete(source);
        renamed.push({ from: source, to: t });
      } else added.push(t);
    }
    return { renamed, dropped: from.filter((f) => unmatchedFrom.has(f)), added };
  }

  type Item = { name: string; columns: string[]; where?: string };
  // Columns compared as a set, as TypeORM's policy does: equal data is equal definitions, not the reverse.
  const unordered = (i: Item) => definitionKey({ ...i, columns: [...i.columns].sort() } as Item);

  test('pairs as the linear search, over many shuffled sides with shared definitions and names', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const item = (): Item => ({
      name: `n${random(6)}`,
      columns: [['a', 'b'], ['b', 'a'], ['c']][random(3)],
      ...(random(2) ? { where: random(2) ? 'x' : 'y' } : {}),
    });
    for (let round = 0; round < 300; round++) {
      const from = Array.from({ length: random(8) }, item);
      const to = Array.from({ length: random(8) }, item);
      expect(matchByDefinition(from, to, unordered)).toEqual(linear(from, to, unordered));
    }
  });

  test('an object under another name with the same definition is a rename; a changed one is drop + add', () => {
    const from: Item[] = [{ name: 'old', columns: ['a'] }, { name: 'same', columns: ['b'] }];
    const to: Item[] = [{ name: 'new', columns: ['a'] }, { name: 'same', columns: ['c'] }];
    expect(matchByDefinition(from, to, unordered)).toEqual({
      renamed: [{ from: from[0], to: to[0] }],
      dropped: [from[1]],
      added: [to[1]],
    });
  });
});
