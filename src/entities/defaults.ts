/**
 * Column defaults as TypeORM 1.1 writes them into CREATE TABLE (PostgresDriver.normalizeDefault), except
 * that string literals go through quoteLiteral: TypeORM pastes them between quotes unescaped, which breaks
 * on a `'`; for every value it does accept, the text here means the same.
 * The expressions are not Postgres's canonical form (`'5'` for an integer 5, `now()`); src/normalize asks
 * Postgres for that.
 */
import { quoteLiteral } from '../sql/quote';

export interface DefaultInput {
  default: unknown;
  isArray: boolean;
  isEnum: boolean;
  /** What the installed TypeORM makes of a function default's text (see compat.ts); 1.x's by default. */
  datetimeFunction?: (value: string) => string;
}

/** PostgresDriver.normalizeDatetimeFunction: SQL-standard datetime keywords → what Postgres stores. */
export function normalizeDatetimeFunction(value: string): string {
  const match = value
    .trim()
    .toUpperCase()
    .match(/^(CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_TIME|LOCALTIMESTAMP|LOCALTIME)(\(\d+\))?$/);
  if (!match) return value;
  const [, fn, precision = ''] = match;
  const prefix = "('now'::text)";
  switch (fn) {
    case 'CURRENT_TIMESTAMP':
      return precision ? `${prefix}::timestamp${precision} with time zone` : 'now()';
    case 'CURRENT_DATE':
      return `${prefix}::date`;
    case 'CURRENT_TIME':
      return `${prefix}::time${precision} with time zone`;
    case 'LOCALTIMESTAMP':
      return `${prefix}::timestamp${precision} without time zone`;
    default:
      return `${prefix}::time${precision} without time zone`;
  }
}

/**
 * Whether two default expressions are one datetime value in two spellings. TypeORM writes what
 * Postgres before 10 stored (`now()`, `('now'::text)::date`); Postgres 10 and later keep the SQL
 * keyword as written (`CURRENT_TIMESTAMP`, `CURRENT_DATE`), so a column created by a hand-written
 * migration prints the keyword, one created by TypeORM prints `now()`, and Postgres, asked to spell
 * either, keeps it as it is.
 */
export const sameDatetimeValue = (a: string, b: string): boolean =>
  a === b || normalizeDatetimeFunction(a) === normalizeDatetimeFunction(b);

/** The DEFAULT expression, or undefined when the column has none. */
export function defaultExpression(input: DefaultInput): string | undefined {
  const value = input.default;
  if (value === null || value === undefined) return undefined;
  if (input.isArray && Array.isArray(value)) return quoteLiteral(`{${value.map((v) => String(v)).join(',')}}`);
  if (typeof value === 'function') return (input.datetimeFunction ?? normalizeDatetimeFunction)(String((value as () => unknown)()));
  if (input.isEnum || typeof value === 'number' || typeof value === 'string') return quoteLiteral(String(value));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'object') return quoteLiteral(JSON.stringify(value));
  return String(value);
}
