/** Pure: enum types stand in for under temporary names, and Postgres' printing of them mapped back. */
import { StandIns } from '../../src/normalize/stand-ins';
import { formatQualified } from '../../src/sql/quote';

const status = { schema: 'public', name: 'cards_status_enum', values: ['active', 'closed'] };
const odd = { schema: 'Billing', name: 'state', values: ['x'] };
const types = new StandIns([status, odd], 'cafe0001');

test('references to the real types point at the stand-ins, and back', () => {
  expect(types.toTemp("'active'::public.cards_status_enum")).toBe("'active'::pg_temp.ormdiff_enum_cafe0001_0");
  expect(types.toTemp(`'x'::"Billing".state`)).toBe("'x'::pg_temp.ormdiff_enum_cafe0001_1");
  // Postgres prints a temporary type bare (pg_temp is always searched), or qualified by the session's schema.
  expect(types.fromTemp("'active'::ormdiff_enum_cafe0001_0")).toBe("'active'::public.cards_status_enum");
  expect(types.fromTemp("(s = ANY (ARRAY['x'::pg_temp_3.ormdiff_enum_cafe0001_1]))")).toBe(`(s = ANY (ARRAY['x'::"Billing".state]))`);
});

test('text that only looks like a type is left alone', () => {
  expect(types.fromTemp("'ormdiff_enum_cafe0001_01'")).toBe("'ormdiff_enum_cafe0001_01'");
  expect(types.toTemp("'public.cards_status_enum_v2'")).toBe("'public.cards_status_enum_v2'");
});

test('a stand-in is found by the real type', () => {
  expect(types.of({ schema: 'public', name: 'cards_status_enum' })?.name).toBe('ormdiff_enum_cafe0001_0');
  expect(types.of({ schema: 'public', name: 'other' })).toBeUndefined();
  expect(types.of(undefined)).toBeUndefined();
});

test('toTemp then fromTemp gives the text back, even where a literal holds a type name', () => {
  for (const text of ["'public.cards_status_enum'", "lower('x')", `ARRAY['x'::"Billing".state, 'y'::"Billing".state]`, "'active'::public.cards_status_enum"]) {
    expect(types.fromTemp(types.toTemp(text))).toBe(text);
  }
});

describe('the same rewrites as trying every type on every text', () => {
  // The rewrites stand-ins.ts made before it scanned texts for the names they hold, kept as the reference.
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const reference = (s: StandIns) => ({
    toTemp: (text: string) =>
      s.all.reduce((out, x) => out.replace(new RegExp(`(?<![\\w$."])${escape(formatQualified(x.real))}(?![\\w$])`, 'g'), () => `pg_temp.${x.name}`), text),
    fromTemp: (text: string) =>
      s.all.reduce((out, x) => out.replace(new RegExp(`(?:pg_temp(?:_\\d+)?\\.)?\\b${x.name}\\b`, 'g'), () => formatQualified(x.real)), text),
  });
  const enums = [
    { schema: 'public', name: 'status' },
    { schema: 'public', name: 'status_v2' },
    { schema: 'public', name: 'e1' },
    { schema: 'public', name: 'e10' },
    { schema: 'Billing', name: 'state' },
    { schema: 'public', name: 'Mixed Case' },
    { schema: 'public', name: 'a"b' },
    { schema: 'my.schema', name: 't' },
    { schema: 'public', name: 'select' },
  ].map((e) => ({ ...e, values: ['x'] }));
  const many = new StandIns(enums, 'beef0002');
  const ref = reference(many);
  const names = enums.map((e) => formatQualified(e));
  const PIECES = [
    ...names,
    ...names.map((n) => `${n}_v2`),
    ...names.map((n) => `x${n}`),
    ...names.map((n) => `.${n}`),
    ...names.map((n) => `${n}[]`),
    ...many.all.map((s) => s.name),
    ...many.all.map((s) => `pg_temp.${s.name}`),
    ...many.all.map((s) => `pg_temp_12.${s.name}0`),
    'ormdiff_enum_beef0002_01',
    "'x'::",
    '::',
    ' ',
    ',',
    '(',
    ')',
    '.',
    '"',
    "'",
    'public.',
    'e1',
    'ARRAY[',
  ];

  test('on random texts of names, near misses and punctuation', () => {
    let seed = 11;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 1 + random(8) }, () => PIECES[random(PIECES.length)]).join('');
      expect([text, many.toTemp(text)]).toEqual([text, ref.toTemp(text)]);
      expect([text, many.fromTemp(text)]).toEqual([text, ref.fromTemp(text)]);
      const temp = ref.toTemp(text);
      expect([temp, many.fromTemp(temp)]).toEqual([temp, ref.fromTemp(temp)]);
    }
  });

  test('a thousand types on a thousand texts, in well under a second', () => {
    const thousand = new StandIns(
      Array.from({ length: 1000 }, (_, i) => ({ schema: 'public', name: `e${String(i).padStart(5, '0')}_status_enum`, values: ['draft'] })),
      'cafe0003',
    );
    const started = Date.now();
    for (let i = 0; i < 1000; i++) {
      const text = `'draft'::public.e${String(i).padStart(5, '0')}_status_enum`;
      expect(thousand.fromTemp(thousand.toTemp(text))).toBe(text);
    }
    // Trying every type on every text took seconds here.
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
