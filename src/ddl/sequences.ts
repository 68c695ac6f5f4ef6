/** Sequence options as SQL clauses, and the names Postgres gives sequences it creates itself. */
import type { QualifiedName, SequenceOptions } from '../schema/model';

const RANGES: Record<string, [string, string]> = {
  smallint: ['-32768', '32767'],
  integer: ['-2147483648', '2147483647'],
  bigint: ['-9223372036854775808', '9223372036854775807'],
};

const descending = (o: SequenceOptions): boolean => o.increment.trim().startsWith('-');

/** What Postgres picks for each option left out, given the options that were given. */
function implied(o: SequenceOptions): SequenceOptions {
  const [low, high] = RANGES[o.dataType] ?? RANGES.bigint;
  const down = descending(o);
  return {
    dataType: 'bigint',
    increment: '1',
    min: down ? low : '1',
    max: down ? '-1' : high,
    start: down ? o.max : o.min,
    cache: '1',
    cycle: false,
  };
}

type OptionName = 'increment' | 'min' | 'max' | 'start' | 'cache' | 'cycle';

function clause(name: OptionName, o: SequenceOptions): string {
  switch (name) {
    case 'increment':
      return `INCREMENT BY ${o.increment}`;
    case 'min':
      return `MINVALUE ${o.min}`;
    case 'max':
      return `MAXVALUE ${o.max}`;
    case 'start':
      return `START WITH ${o.start}`;
    case 'cache':
      return `CACHE ${o.cache}`;
    case 'cycle':
      return o.cycle ? 'CYCLE' : 'NO CYCLE';
  }
}

const OPTION_ORDER: OptionName[] = ['increment', 'min', 'max', 'start', 'cache', 'cycle'];

/** The clauses of the options that differ from what Postgres would pick anyway (AS is not included). */
export function sequenceOptionClauses(o: SequenceOptions): string[] {
  const d = implied(o);
  return OPTION_ORDER.filter((k) => String(o[k]) !== String(d[k])).map((k) => clause(k, o));
}

/** The clauses that turn `from` into `to` (ALTER SEQUENCE / ALTER COLUMN … SET). A new type restates its bounds. */
export function changedOptionClauses(from: SequenceOptions, to: SequenceOptions): string[] {
  const retyped = from.dataType !== to.dataType;
  return OPTION_ORDER.filter((k) => String(from[k]) !== String(to[k]) || (retyped && (k === 'min' || k === 'max'))).map(
    (k) => clause(k, to),
  );
}

function clipBytes(text: string, bytes: number): string {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > bytes) break;
    out += ch;
  }
  return out;
}

/**
 * The name Postgres gives the sequence of a serial or identity column (makeObjectName in
 * indexcmds.c): `<table>_<column>_seq`, the longer part shortened until it fits in 63 bytes.
 */
export function defaultSequenceName(table: string, column: string): string {
  const available = 63 - '_seq'.length - 1;
  let a = Buffer.byteLength(table);
  let b = Buffer.byteLength(column);
  while (a + b > available) {
    if (a > b) a--;
    else b--;
  }
  return `${clipBytes(table, a)}_${clipBytes(column, b)}_seq`;
}

export const isDefaultSequence = (table: QualifiedName, column: string, sequence: QualifiedName): boolean =>
  sequence.schema === table.schema && sequence.name === defaultSequenceName(table.name, column);
