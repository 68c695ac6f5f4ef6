/**
 * Rewrites of expression text (as pg_get_expr prints it) for a rename, so that a model with the old
 * name matches what Postgres prints once the rename has run: Postgres stores expressions as parse
 * trees and prints the new name by itself. String literals are never touched.
 */
import { formatIdent } from '../sql/quote';

type Token = { kind: 'literal' | 'identifier' | 'quoted' | 'other'; text: string };

function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expr.length) {
    const ch = expr[i];
    if (ch === "'" || ((ch === 'E' || ch === 'e') && expr[i + 1] === "'" && !/[\w$]/.test(expr[i - 1] ?? ''))) {
      const escapes = ch !== "'";
      let j = escapes ? i + 2 : i + 1;
      while (j < expr.length) {
        if (escapes && expr[j] === '\\') j += 2;
        else if (expr[j] === "'" && expr[j + 1] === "'") j += 2;
        else if (expr[j] === "'") break;
        else j++;
      }
      tokens.push({ kind: 'literal', text: expr.slice(i, j + 1) });
      i = j + 1;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < expr.length && !(expr[j] === '"' && expr[j + 1] !== '"')) j += expr[j] === '"' ? 2 : 1;
      tokens.push({ kind: 'quoted', text: expr.slice(i, j + 1) });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      let j = i + 1;
      while (j < expr.length && /[\w$]/.test(expr[j])) j++;
      tokens.push({ kind: 'identifier', text: expr.slice(i, j) });
      i = j;
    } else {
      tokens.push({ kind: 'other', text: ch });
      i++;
    }
  }
  return tokens;
}

const nameOf = (t: Token): string | undefined =>
  t.kind === 'identifier' ? t.text.toLowerCase() : t.kind === 'quoted' ? t.text.slice(1, -1).replace(/""/g, '"') : undefined;

/**
 * Replaces references to column `from` by `to`. A name right after `.` or `::`, or right before `(`,
 * is a qualified name, a type or a function, never this column.
 */
export function renameIdentifier(expr: string, from: string, to: string): string {
  const tokens = tokenize(expr);
  const nonSpace = (k: number, step: number): string => {
    for (let j = k + step; j >= 0 && j < tokens.length; j += step) if (tokens[j].text.trim() !== '') return tokens[j].text;
    return '';
  };
  return tokens
    .map((t, k) => {
      if (nameOf(t) !== from) return t.text;
      const before = nonSpace(k, -1);
      const beforeTwo = k >= 2 ? tokens[k - 2].text + tokens[k - 1].text : '';
      if (before === '.' || beforeTwo === '::' || nonSpace(k, 1) === '(') return t.text;
      return formatIdent(to);
    })
    .join('');
}

/** Replaces a whole qualified name (`public.old_type`), not one that merely starts with it. */
export function renameQualified(expr: string, from: string, to: string): string {
  const tokens = tokenize(expr);
  let out = '';
  let k = 0;
  while (k < tokens.length) {
    const rest = tokens
      .slice(k)
      .map((t) => t.text)
      .join('');
    const next = rest[from.length];
    const prev = out[out.length - 1] ?? '';
    if (tokens[k].kind !== 'literal' && rest.startsWith(from) && !/[\w$".]/.test(next ?? '') && !/[\w$".]/.test(prev)) {
      out += to;
      let consumed = 0;
      while (consumed < from.length) consumed += tokens[k++].text.length;
      continue;
    }
    out += tokens[k++].text;
  }
  return out;
}

/** Replaces a literal of an enum value cast to its type: `'old'::public.mood` → `'new'::public.mood`. */
export function renameEnumLiteral(expr: string, typeText: string, fromLiteral: string, toLiteral: string): string {
  return expr.split(`${fromLiteral}::${typeText}`).join(`${toLiteral}::${typeText}`);
}
