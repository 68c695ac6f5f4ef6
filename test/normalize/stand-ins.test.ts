/** Pure: enum types stand in for under temporary names, and Postgres' printing of them mapped back. */
import { StandIns } from '../../src/normalize/stand-ins';

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
