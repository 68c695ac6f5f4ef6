/**
 * What a column type change does to a table and its values, from the canonical type spelling alone:
 *
 * - `in-place`: Postgres only updates the catalog (varchar widening, varchar → text, more precision);
 * - `rewrite`: every value survives, but the table (and its indexes) is rewritten under an
 *   ACCESS EXCLUSIVE lock (int → bigint, timestamp → timestamptz, anything → text);
 * - `lossy`: the conversion may fail on some values or change them (narrowing, text → int,
 *   text → jsonb, numeric scale down): how many, only the live data can tell;
 * - `impossible`: no cast exists between the types, so no ALTER … TYPE can do it without a
 *   conversion written by hand (integer → uuid, date → integer, scalar → array).
 *
 * The rules are conservative: a pair they do not know is `lossy`, never `in-place`.
 */
import type { Column } from '../schema/model';

export type TypeChangeClass = 'in-place' | 'rewrite' | 'lossy' | 'impossible';

export interface TypeChangeVerdict {
  class: TypeChangeClass;
  /** Why, in a few words, for warning messages: `narrowing: longer values do not fit`. */
  reason: string;
}

export type ColumnType = Pick<Column, 'dataType' | 'arrayDims'> & Partial<Pick<Column, 'collation' | 'enumType'>>;

interface Parsed {
  base: string;
  args: number[];
  enum: boolean;
}

function parse(t: ColumnType): Parsed {
  const m = /^([^(]*)\(([\d,\s]+)\)(.*)$/.exec(t.dataType);
  const base = m ? `${m[1]}${m[3]}`.trim() : t.dataType;
  return { base, args: m ? m[2].split(',').map((a) => Number(a.trim())) : [], enum: t.enumType !== undefined };
}

type Category =
  | 'text'
  | 'integer'
  | 'numeric'
  | 'float'
  | 'boolean'
  | 'date'
  | 'timestamp'
  | 'time'
  | 'interval'
  | 'uuid'
  | 'bytea'
  | 'json'
  | 'network'
  | 'enum'
  | 'unknown';

const CATEGORY: Record<string, Category> = {
  text: 'text',
  'character varying': 'text',
  character: 'text',
  bpchar: 'text',
  smallint: 'integer',
  integer: 'integer',
  bigint: 'integer',
  numeric: 'numeric',
  real: 'float',
  'double precision': 'float',
  boolean: 'boolean',
  date: 'date',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamp',
  'time without time zone': 'time',
  'time with time zone': 'time',
  interval: 'interval',
  uuid: 'uuid',
  bytea: 'bytea',
  json: 'json',
  jsonb: 'json',
  inet: 'network',
  cidr: 'network',
};

const categoryOf = (p: Parsed): Category => (p.enum ? 'enum' : (CATEGORY[p.base] ?? 'unknown'));

const INTEGER_RANK: Record<string, number> = { smallint: 1, integer: 2, bigint: 3 };
const INTEGER_DIGITS: Record<string, number> = { smallint: 5, integer: 10, bigint: 19 };
/** Integer types whose every value a float type holds exactly. */
const EXACT_IN_FLOAT: Record<string, string[]> = { real: ['smallint'], 'double precision': ['smallint', 'integer'] };

/** Pairs of categories with a cast that keeps every value (the table is rewritten). */
const SAFE_ACROSS = new Set(['date→timestamp', 'time→interval']);
/** Pairs of categories with a cast that exists but can fail or change values. */
const LOSSY_ACROSS = new Set([
  'float→integer',
  'numeric→integer',
  'numeric→float',
  'float→numeric',
  'timestamp→date',
  'timestamp→time',
  'interval→time',
  'json→numeric',
  'json→integer',
  'json→float',
  'json→boolean',
]);

const v = (cls: TypeChangeClass, reason: string): TypeChangeVerdict => ({ class: cls, reason });

/** The length bound of a text type, or Infinity when it has none. */
const textLimit = (p: Parsed): number => (p.base === 'text' || p.args.length === 0 ? Infinity : p.args[0]);
const isChar = (p: Parsed): boolean => p.base === 'character' || p.base === 'bpchar';

function textToText(f: Parsed, t: Parsed): TypeChangeVerdict {
  const fl = textLimit(f);
  const tl = textLimit(t);
  if (tl < fl) return v('lossy', 'narrowing: longer values do not fit');
  // char(n) pads and compares blank-insensitively; leaving or entering it converts every value.
  if (isChar(f) !== isChar(t) || (isChar(t) && tl !== fl)) return v('rewrite', 'char(n) pads: every value is converted');
  return v('in-place', 'widening');
}

function numericToNumeric(f: Parsed, t: Parsed): TypeChangeVerdict {
  if (t.args.length === 0) return v('in-place', 'no precision limit');
  if (f.args.length === 0) return v('lossy', 'values beyond the new precision fail or are rounded');
  const [p1, s1 = 0] = f.args;
  const [p2, s2 = 0] = t.args;
  if (s2 < s1) return v('lossy', `scale ${s1} → ${s2}: digits after the point are rounded`);
  if (p2 - s2 < p1 - s1) return v('lossy', `precision ${p1} → ${p2}: large values overflow`);
  return s2 === s1 ? v('in-place', 'widening') : v('rewrite', `scale ${s1} → ${s2}: every value is rewritten`);
}

/** Types with an optional fractional-seconds precision (timestamp(3), time(6), interval(2)). */
function precisionOnly(f: Parsed, t: Parsed): TypeChangeVerdict {
  const fp = f.args[0] ?? 6;
  const tp = t.args[0] ?? 6;
  return tp >= fp ? v('in-place', 'widening') : v('lossy', 'fractional seconds are rounded');
}

function integerTo(f: Parsed, t: Parsed, tc: Category): TypeChangeVerdict | undefined {
  if (tc === 'integer') {
    return INTEGER_RANK[t.base] > INTEGER_RANK[f.base]
      ? v('rewrite', 'widening')
      : v('lossy', 'narrowing: values out of range fail');
  }
  if (tc === 'numeric') {
    const fits = t.args.length === 0 || t.args[0] - (t.args[1] ?? 0) >= INTEGER_DIGITS[f.base];
    return fits ? v('rewrite', 'every value is kept') : v('lossy', 'large values overflow');
  }
  if (tc === 'float') {
    return EXACT_IN_FLOAT[t.base].includes(f.base)
      ? v('rewrite', 'every value is kept')
      : v('lossy', 'large values lose precision');
  }
  return undefined;
}

function sameCategory(f: Parsed, t: Parsed, c: Category): TypeChangeVerdict {
  switch (c) {
    case 'text':
      return textToText(f, t);
    case 'integer':
      return integerTo(f, t, c)!;
    case 'numeric':
      return numericToNumeric(f, t);
    case 'float':
      return t.base === 'double precision'
        ? v('rewrite', 'every value is kept')
        : v('lossy', 'precision is lost');
    case 'timestamp':
    case 'time':
      if (f.base !== t.base) {
        const withZone = t.base.endsWith('with time zone');
        if (c === 'time' && !withZone) return v('lossy', 'the time zone offset is dropped');
        return v('rewrite', "every value is reinterpreted in the session's TimeZone");
      }
      return precisionOnly(f, t);
    case 'interval':
      return precisionOnly(f, t);
    case 'json':
      return t.base === 'jsonb'
        ? v('lossy', 'duplicate keys, key order and formatting are dropped')
        : v('rewrite', 'every value is kept');
    case 'network':
      return t.base === 'cidr' ? v('lossy', 'addresses with host bits set fail') : v('rewrite', 'every value is kept');
    case 'enum':
      return v('lossy', 'values the new type lacks fail');
    case 'boolean':
    case 'date':
    case 'uuid':
    case 'bytea':
      return v('in-place', 'same values');
    case 'unknown':
      return v('lossy', 'the cast may fail or change values');
  }
}

export function classifyTypeChange(from: ColumnType, to: ColumnType): TypeChangeVerdict {
  if (from.arrayDims !== to.arrayDims) return v('impossible', 'no cast between a scalar and an array');
  if (from.dataType === to.dataType) return v('in-place', 'collation only: indexes on the column are rebuilt');
  const f = parse(from);
  const t = parse(to);
  const fc = categoryOf(f);
  const tc = categoryOf(t);
  if (fc === tc) return sameCategory(f, t, fc);
  if (tc === 'text') {
    return textLimit(t) === Infinity && !isChar(t)
      ? v('rewrite', 'every value is kept as text')
      : v('lossy', 'longer values do not fit');
  }
  if (fc === 'text') return v('lossy', 'values that do not parse fail');
  if (fc === 'enum' || tc === 'enum') return v('impossible', 'no cast between them');
  // Postgres casts boolean to and from `integer` only, not to the other integer types.
  if (fc === 'boolean' && t.base === 'integer') return v('rewrite', 'true and false become 1 and 0');
  if (f.base === 'integer' && tc === 'boolean') return v('lossy', 'every value but 0 becomes true');
  if (fc === 'integer') {
    const verdict = integerTo(f, t, tc);
    if (verdict) return verdict;
  }
  const pair = `${fc}→${tc}`;
  if (SAFE_ACROSS.has(pair)) return v('rewrite', 'every value is kept');
  if (LOSSY_ACROSS.has(pair)) return v('lossy', 'the conversion may fail or change values');
  if (fc === 'unknown' || tc === 'unknown') return v('lossy', 'the cast may fail or change values');
  return v('impossible', 'no cast between them');
}

/** Whether every value survives (the rename detector treats such a pair as the same column). */
export const keepsValues = (from: ColumnType, to: ColumnType): boolean => {
  const c = classifyTypeChange(from, to).class;
  return c === 'in-place' || c === 'rewrite';
};

/**
 * The USING expression Postgres gets for a type change, over `column` (an SQL reference to the
 * column). `undefined` means none: a narrower text type then takes the assignment cast, which
 * rejects a value that does not fit instead of cutting it as an explicit cast would.
 * Enums, and json into scalar types, have no direct cast and go through text.
 */
export function defaultUsing(from: ColumnType, to: ColumnType, column: string): string | undefined {
  const f = parse(from);
  const t = parse(to);
  if (categoryOf(f) === 'text' && categoryOf(t) === 'text' && textLimit(t) < textLimit(f)) return undefined;
  const target = to.dataType + '[]'.repeat(to.arrayDims);
  const text = `text${'[]'.repeat(from.arrayDims)}`;
  const jsonToScalar = f.base === 'json' && categoryOf(t) !== 'json' && categoryOf(t) !== 'text';
  const viaText = (f.enum || t.enum || jsonToScalar) && target !== text;
  return `${column}${viaText ? `::${text}` : ''}::${target}`;
}

/** The length limit a text-family change narrows to, when that is what it does (for counting values too long). */
export function narrowedTextLimit(from: ColumnType, to: ColumnType): number | undefined {
  const f = parse(from);
  const t = parse(to);
  if (from.arrayDims !== 0 || categoryOf(f) !== 'text' || categoryOf(t) !== 'text') return undefined;
  return textLimit(t) < textLimit(f) ? textLimit(t) : undefined;
}

/** Whether the source is a text type: converting from text parses it, so only failures say anything (no value is "cut"). */
export const isTextual = (t: ColumnType): boolean => categoryOf(parse(t)) === 'text';
