/**
 * The SQL that counts each fact. Pure: names go through src/sql/quote.ts, expressions are SQL the
 * model (or the user's --using) already holds. Every query returns one row with a bigint `n`.
 */
import type { Fact } from '../plan/facts';
import { quoteIdent, quoteQualified } from '../sql/quote';

export type CountQuery = Exclude<Fact, { kind: 'enumValueUses' | 'castFailures' | 'castChanges' }>;

const notNull = (keys: string[]): string => keys.map((k) => `${k} IS NOT NULL`).join(' AND ');

function orphanCondition(f: Extract<Fact, { kind: 'orphans' }>): string {
  const child = f.columns.map((c) => `c.${quoteIdent(c)}`);
  const parent = f.references.columns.map((c) => `p.${quoteIdent(c)}`);
  const missing = `NOT EXISTS (SELECT 1 FROM ${quoteQualified(f.references)} p WHERE ${child.map((c, i) => `${parent[i]} = ${c}`).join(' AND ')})`;
  if (f.match !== 'FULL') return `${notNull(child)} AND ${missing}`;
  // MATCH FULL: all NULL passes; some NULL fails outright; none NULL needs a parent row.
  const anyNull = child.map((c) => `${c} IS NULL`).join(' OR ');
  return `NOT (${child.map((c) => `${c} IS NULL`).join(' AND ')}) AND ((${anyNull}) OR ${missing})`;
}

export function countSql(f: CountQuery): string {
  const t = quoteQualified(f.table);
  switch (f.kind) {
    case 'rows':
      return `SELECT count(*)::bigint AS n FROM ${t}`;
    case 'nulls':
      return `SELECT count(*)::bigint AS n FROM ${t} WHERE ${quoteIdent(f.column)} IS NULL`;
    case 'nonNulls':
      return `SELECT count(*)::bigint AS n FROM ${t} WHERE ${quoteIdent(f.column)} IS NOT NULL`;
    case 'duplicates': {
      const filters = [...(f.nullsDistinct ? [notNull(f.keys)] : []), ...(f.where !== undefined ? [`(${f.where})`] : [])];
      const where = filters.length > 0 ? ` WHERE ${filters.join(' AND ')}` : '';
      return `SELECT coalesce(sum(d.n), 0)::bigint AS n FROM (SELECT count(*) AS n FROM ${t}${where} GROUP BY ${f.keys.join(', ')} HAVING count(*) > 1) d`;
    }
    case 'orphans':
      return `SELECT count(*)::bigint AS n FROM ${t} c WHERE ${orphanCondition(f)}`;
    case 'violations':
      return `SELECT count(*)::bigint AS n FROM ${t} WHERE (${f.expression}) IS FALSE`;
  }
}

/** Columns (table, column, array or not) of an enum type, to count rows holding one of its values. */
export const ENUM_COLUMNS_SQL = `
SELECT n.nspname AS schema, c.relname AS table, a.attname AS column, a.atttypid <> t.oid AS array
FROM pg_type t
JOIN pg_attribute a ON a.atttypid IN (t.oid, t.typarray) AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'p')
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE t.oid = to_regtype($1)`;

export const enumUseSql = (table: { schema: string; name: string }, column: string, array: boolean): string =>
  array
    ? `SELECT count(*)::bigint AS n FROM ${quoteQualified(table)} WHERE $1 = ANY (${quoteIdent(column)}::text[])`
    : `SELECT count(*)::bigint AS n FROM ${quoteQualified(table)} WHERE ${quoteIdent(column)}::text = $1`;

/** Evaluates the conversion for every non-NULL row at once: fails as a whole if any row fails. */
export const castAllSql = (table: { schema: string; name: string }, column: string, expression: string): string =>
  `SELECT count(*) FILTER (WHERE (${expression}) IS NULL)::bigint AS n FROM ${quoteQualified(table)} WHERE ${quoteIdent(column)} IS NOT NULL`;

/** Rows whose converted value, cast back, prints differently from the original. */
export const castChangedSql = (table: { schema: string; name: string }, column: string, expression: string, sourceType: string): string =>
  `SELECT count(*) FILTER (WHERE ((${expression})::${sourceType})::text IS DISTINCT FROM (${quoteIdent(column)})::text)::bigint AS n ` +
  `FROM ${quoteQualified(table)} WHERE ${quoteIdent(column)} IS NOT NULL`;

/**
 * Row by row, for when a conversion fails somewhere: counts the rows it fails on, and (given the
 * source type) the rows whose value does not come back unchanged. A temporary function, gone with
 * the transaction that creates it.
 */
export const CAST_OUTCOME_FUNCTION = `
CREATE FUNCTION pg_temp.ormdiff_cast_outcome(rel text, col text, expr text, back text) RETURNS bigint[]
LANGUAGE plpgsql AS $fn$
DECLARE
  r record;
  same boolean;
  failed bigint := 0;
  changed bigint := 0;
BEGIN
  FOR r IN EXECUTE format('SELECT ctid AS id FROM %s WHERE %s IS NOT NULL', rel, col) LOOP
    BEGIN
      EXECUTE format('SELECT (%s)::text FROM %s WHERE ctid = $1', expr, rel) USING r.id;
    EXCEPTION WHEN OTHERS THEN
      failed := failed + 1;
      CONTINUE;
    END;
    IF back IS NOT NULL THEN
      BEGIN
        EXECUTE format('SELECT ((%s)::%s)::text IS NOT DISTINCT FROM (%s)::text FROM %s WHERE ctid = $1', expr, back, col, rel)
          INTO same USING r.id;
        IF NOT same THEN changed := changed + 1; END IF;
      EXCEPTION WHEN OTHERS THEN
        changed := changed + 1;
      END;
    END IF;
  END LOOP;
  RETURN ARRAY[failed, changed];
END
$fn$`;
