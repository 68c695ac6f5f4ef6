import { defaultExpression, normalizeDatetimeFunction } from '../../src/entities/defaults';

const expr = (value: unknown, opts: { isArray?: boolean; isEnum?: boolean } = {}) =>
  defaultExpression({ default: value, isArray: opts.isArray ?? false, isEnum: opts.isEnum ?? false });

describe('defaultExpression (TypeORM normalizeDefault, literals escaped)', () => {
  it('has no default for undefined and null', () => {
    expect(expr(undefined)).toBeUndefined();
    expect(expr(null)).toBeUndefined();
  });

  it('quotes strings and numbers, escaping quotes and backslashes', () => {
    expect(expr('active')).toBe("'active'");
    expect(expr("it's")).toBe("'it''s'");
    expect(expr('C:\\tmp')).toBe("E'C:\\\\tmp'");
    expect(expr(0)).toBe("'0'");
    expect(expr(-1.5)).toBe("'-1.5'");
  });

  it('quotes enum defaults whatever their JS type', () => {
    expect(expr(2, { isEnum: true })).toBe("'2'");
  });

  it('writes booleans bare and objects as JSON literals', () => {
    expect(expr(true)).toBe('true');
    expect(expr(false)).toBe('false');
    expect(expr({ a: "o'k", n: [1, 2] })).toBe(`'{"a":"o''k","n":[1,2]}'`);
  });

  it('writes array defaults of array columns as array literals', () => {
    expect(expr(['a', 'b'], { isArray: true })).toBe("'{a,b}'");
    expect(expr([], { isArray: true })).toBe("'{}'");
  });

  it('uses function defaults verbatim, except the SQL datetime keywords TypeORM rewrites', () => {
    expect(expr(() => 'gen_random_uuid()')).toBe('gen_random_uuid()');
    expect(expr(() => "'{}'::jsonb")).toBe("'{}'::jsonb");
    expect(expr(() => 'CURRENT_TIMESTAMP')).toBe('now()');
    expect(expr(() => 'now()')).toBe('now()');
  });
});

describe('normalizeDatetimeFunction', () => {
  it.each([
    ['CURRENT_TIMESTAMP', 'now()'],
    ['current_timestamp(3)', "('now'::text)::timestamp(3) with time zone"],
    ['CURRENT_DATE', "('now'::text)::date"],
    ['CURRENT_TIME', "('now'::text)::time with time zone"],
    ['LOCALTIMESTAMP(0)', "('now'::text)::timestamp(0) without time zone"],
    ['LOCALTIME', "('now'::text)::time without time zone"],
    ['clock_timestamp()', 'clock_timestamp()'],
  ])('%s → %s', (input, output) => {
    expect(normalizeDatetimeFunction(input)).toBe(output);
  });
});
