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

/** The end (exclusive) of the quoted text starting at `open`; backslashes escape only in E'' strings. */
function quotedEnd(sql: string, open: number, backslashEscapes: boolean): number {
  const quote = sql[open];
  let i = open + 1;
  while (i < sql.length) {
    if (backslashEscapes && sql[i] === '\\') i += 2;
    else if (sql[i] === quote && sql[i + 1] === quote) i += 2;
    else if (sql[i] === quote) return i + 1;
    else i++;
  }
  return sql.length;
}

/**
 * `sql`, an expression as Postgres prints it with standard_conforming_strings on (how ormdiff reads
 * the catalog), with every plain string constant that holds a backslash rewritten as E'' with its
 * backslashes doubled. A plain '…' constant means something else on a server where the setting is
 * off (a backslash there starts an escape), and a migration runs on the user's server whatever its
 * setting; E'' means the same on both. Quoted identifiers, E'' and dollar-quoted strings are kept.
 */
export function portableLiterals(sql: string): string {
  if (!sql.includes('\\')) return sql;
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    if (ch === '"') {
      const end = quotedEnd(sql, i, false);
      out += sql.slice(i, end);
      i = end;
    } else if (ch === "'") {
      const prefix = /([A-Za-z0-9_&$]*)$/.exec(sql.slice(Math.max(0, i - 3), i))![1];
      const escapeSyntax = /(^|[^A-Za-z0-9_$])[Ee]$/.test(sql.slice(Math.max(0, i - 2), i));
      const end = quotedEnd(sql, i, escapeSyntax);
      const body = sql.slice(i + 1, end - 1);
      // Only a bare constant is rewritten: after E it is one already; after U&, B or X it is no text with backslash escapes.
      out += prefix === '' && body.includes('\\') ? `E'${body.replace(/\\/g, '\\\\')}'` : sql.slice(i, end);
      i = end;
    } else if (ch === '$' && !/[A-Za-z0-9_$]/.test(sql[i - 1] ?? '')) {
      const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      const close = tag ? sql.indexOf(tag[0], i + tag[0].length) : -1;
      const end = tag ? (close < 0 ? sql.length : close + tag[0].length) : i + 1;
      out += sql.slice(i, end);
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
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
