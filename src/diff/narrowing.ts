/**
 * Whether a column type change can lose or reject existing values. Simple, conservative rules over
 * the canonical type spelling: a change not known to be widening counts as narrowing, except into
 * the text family, which every value can be cast to.
 */
import type { Column } from '../schema/model';

interface ParsedType {
  /** The type with its modifier removed: `timestamp(3) with time zone` → `timestamp with time zone`. */
  base: string;
  args: number[];
}

function parseType(dataType: string): ParsedType {
  const m = /^([^(]*)\(([\d,\s]+)\)(.*)$/.exec(dataType);
  if (!m) return { base: dataType, args: [] };
  return { base: `${m[1]}${m[3]}`.trim(), args: m[2].split(',').map((a) => Number(a.trim())) };
}

const TEXT_TYPES = new Set(['text', 'character varying', 'character', 'bpchar']);
const INTEGER_DIGITS: Record<string, number> = { smallint: 5, integer: 10, bigint: 19 };
const INTEGER_RANK: Record<string, number> = { smallint: 1, integer: 2, bigint: 3 };
/** Integer types whose every value a float type holds exactly. */
const EXACT_IN_FLOAT: Record<string, string[]> = { real: ['smallint'], 'double precision': ['smallint', 'integer'] };
/** Changes between different base types that keep every value. */
const WIDENING = new Set([
  'real→double precision',
  'date→timestamp without time zone',
  'date→timestamp with time zone',
  'timestamp without time zone→timestamp with time zone',
  'timestamp with time zone→timestamp without time zone',
  'time without time zone→time with time zone',
]);

/** The length bound of a text type, or Infinity when it has none. */
function textLimit(t: ParsedType): number {
  return t.base === 'text' || t.args.length === 0 ? Infinity : t.args[0];
}

function numericNarrows(from: ParsedType, to: ParsedType): boolean {
  if (to.args.length === 0) return false;
  if (from.args.length === 0) return true;
  const [p1, s1 = 0] = from.args;
  const [p2, s2 = 0] = to.args;
  return s2 < s1 || p2 - s2 < p1 - s1;
}

function sameBaseNarrows(from: ParsedType, to: ParsedType): boolean {
  if (from.base === 'numeric') return numericNarrows(from, to);
  if (to.args.length === 0) return false;
  if (from.args.length === 0) return true;
  return to.args.some((a, i) => a < (from.args[i] ?? 0));
}

export function isNarrowing(
  from: Pick<Column, 'dataType' | 'arrayDims'>,
  to: Pick<Column, 'dataType' | 'arrayDims'>,
): boolean {
  if (from.arrayDims !== to.arrayDims) return true;
  if (from.dataType === to.dataType) return false;
  const f = parseType(from.dataType);
  const t = parseType(to.dataType);
  if (TEXT_TYPES.has(t.base)) return TEXT_TYPES.has(f.base) && textLimit(t) < textLimit(f);
  if (f.base === t.base) return sameBaseNarrows(f, t);
  if (f.base in INTEGER_RANK && t.base in INTEGER_RANK) return INTEGER_RANK[t.base] < INTEGER_RANK[f.base];
  if (f.base in INTEGER_DIGITS && t.base === 'numeric') {
    return t.args.length > 0 && t.args[0] - (t.args[1] ?? 0) < INTEGER_DIGITS[f.base];
  }
  if (t.base in EXACT_IN_FLOAT && f.base in INTEGER_RANK) return !EXACT_IN_FLOAT[t.base].includes(f.base);
  if (WIDENING.has(`${f.base}→${t.base}`))
    return sameBaseNarrows({ base: '', args: f.args }, { base: '', args: t.args });
  return true;
}
