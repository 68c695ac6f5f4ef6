/**
 * The one place where identifiers and literals become SQL text. Nothing else in ormdiff pastes a
 * name or a value into SQL.
 */
import type { QualifiedName } from '../schema/model';

/** Always-quoted identifier: safe for any name, and what the renderer emits. */
export function quoteIdent(name: string): string {
  if (name.includes('\u0000')) throw new Error(`identifier contains a NUL byte: ${JSON.stringify(name)}`);
  return '"' + name.replace(/"/g, '""') + '"';
}

/** `"schema"."name"` */
export function quoteQualified(q: QualifiedName): string {
  return `${quoteIdent(q.schema)}.${quoteIdent(q.name)}`;
}

/**
 * A string literal. Uses E'' syntax only when a backslash forces it, as Postgres's own
 * quote_literal does, so the output is stable whatever standard_conforming_strings says.
 */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) throw new Error(`literal contains a NUL byte: ${JSON.stringify(value)}`);
  const body = value.replace(/'/g, "''");
  return value.includes('\\') ? `E'${body.replace(/\\/g, '\\\\')}'` : `'${body}'`;
}

/**
 * A `-- ` comment line (with its line break) holding `text`: Postgres ends such a comment at \n or \r,
 * so those (and the other control characters, shown the same way) are written as `\xNN`.
 */
export const sqlComment = (text: string): string =>
  `-- ${text.replace(/[\u0000-\u001f\u007f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`)}\n`;

/** Keywords that Postgres's quote_ident() quotes (every category but unreserved), from pg_get_keywords() on PG 15. */
const QUOTED_KEYWORDS = new Set(['all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'authorization', 'between', 'bigint', 'binary', 'bit', 'boolean', 'both', 'case', 'cast', 'char', 'character', 'check', 'coalesce', 'collate', 'collation', 'column', 'concurrently', 'constraint', 'create', 'cross', 'current_catalog', 'current_date', 'current_role', 'current_schema', 'current_time', 'current_timestamp', 'current_user', 'dec', 'decimal', 'default', 'deferrable', 'desc', 'distinct', 'do', 'else', 'end', 'except', 'exists', 'extract', 'false', 'fetch', 'float', 'for', 'foreign', 'freeze', 'from', 'full', 'grant', 'greatest', 'group', 'grouping', 'having', 'ilike', 'in', 'initially', 'inner', 'inout', 'int', 'integer', 'intersect', 'interval', 'into', 'is', 'isnull', 'join', 'lateral', 'leading', 'least', 'left', 'like', 'limit', 'localtime', 'localtimestamp', 'national', 'natural', 'nchar', 'none', 'normalize', 'not', 'notnull', 'null', 'nullif', 'numeric', 'offset', 'on', 'only', 'or', 'order', 'out', 'outer', 'overlaps', 'overlay', 'placing', 'position', 'precision', 'primary', 'real', 'references', 'returning', 'right', 'row', 'select', 'session_user', 'setof', 'similar', 'smallint', 'some', 'substring', 'symmetric', 'table', 'tablesample', 'then', 'time', 'timestamp', 'to', 'trailing', 'treat', 'trim', 'true', 'union', 'unique', 'user', 'using', 'values', 'varchar', 'variadic', 'verbose', 'when', 'where', 'window', 'with', 'xmlattributes', 'xmlconcat', 'xmlelement', 'xmlexists', 'xmlforest', 'xmlnamespaces', 'xmlparse', 'xmlpi', 'xmlroot', 'xmlserialize', 'xmltable']);

/**
 * Quotes only where Postgres would (the rule of quote_ident() and format_type()), so names built here
 * spell exactly as the catalog prints them: `users`, `"Users"`, `"user"`.
 */
export function formatIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !QUOTED_KEYWORDS.has(name) ? name : quoteIdent(name);
}

/** `schema.name` quoted as the catalog prints a qualified type name. */
export function formatQualified(q: QualifiedName): string {
  return `${formatIdent(q.schema)}.${formatIdent(q.name)}`;
}
