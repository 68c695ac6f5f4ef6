/**
 * What the user tells the diff that the two models cannot: which objects were renamed (or were not),
 * how to convert a column whose type changes, and where rows of a removed enum value go. One text
 * syntax serves the command line and the committed hints file:
 *
 *   users.fullname=full_name          column rename (`schema.table.column=new` to name the schema)
 *   users.fullname=-                  not a rename: drop fullname, add the new column
 *   table:users=members               table rename (`table:schema.old=new`)
 *   type:user_status=account_status   enum type rename
 *   enum:mood.meh=okay                enum value rename
 *   using  users.age=NULLIF(age, '')::integer      custom cast for a type change
 *   enum-map  mood.meh=okay                         rows holding a removed value take another one
 *
 * A name holding `.`, `=`, `:` or spaces is written in double quotes, as in SQL.
 */
import type { QualifiedName } from '../../schema/model';

/** A table or type named with or without its schema; without, it matches that name in any schema. */
export interface ObjectRef {
  schema?: string;
  name: string;
}

export type RenameHint =
  | { kind: 'column'; table: ObjectRef; from: string; to: string | null }
  | { kind: 'table'; table: ObjectRef; to: string | null }
  | { kind: 'type'; type: ObjectRef; to: string | null }
  | { kind: 'enumValue'; type: ObjectRef; from: string; to: string | null };

export interface UsingHint {
  table: ObjectRef;
  column: string;
  expression: string;
}

export interface EnumMapHint {
  type: ObjectRef;
  from: string;
  to: string;
}

export interface DiffHints {
  renames: RenameHint[];
  using: UsingHint[];
  enumMaps: EnumMapHint[];
}

export const NO_HINTS: DiffHints = { renames: [], using: [], enumMaps: [] };

export class HintSyntaxError extends Error {}

/** Splits `a."b.c".d` into names, honouring double quotes (`""` is a quote inside them). */
function splitPath(text: string, what: string): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i <= text.length) {
    let name = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new HintSyntaxError(`unterminated quote in ${what}`);
        if (text[i] === '"' && text[i + 1] === '"') {
          name += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else {
          name += text[i++];
        }
      }
    } else {
      while (i < text.length && text[i] !== '.') name += text[i++];
      name = name.trim();
    }
    if (name === '') throw new HintSyntaxError(`empty name in ${what}`);
    parts.push(name);
    if (i >= text.length) break;
    if (text[i] !== '.') throw new HintSyntaxError(`expected "." after a quoted name in ${what}`);
    i++;
  }
  return parts;
}

/** The first `=` outside double quotes: left is a path, right the rest. */
function splitAssignment(text: string, what: string): [string, string] {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === '=' && !quoted) return [text.slice(0, i).trim(), text.slice(i + 1).trim()];
  }
  throw new HintSyntaxError(`${what} needs "=": ${JSON.stringify(text)}`);
}

const single = (text: string, what: string): string => {
  const parts = splitPath(text, what);
  if (parts.length !== 1) throw new HintSyntaxError(`${what} takes one name, not ${JSON.stringify(text)}`);
  return parts[0];
};

/** `[schema.]name` + trailing member names (exactly `members` of them). */
function refWith(text: string, members: number, what: string): { ref: ObjectRef; members: string[] } {
  const parts = splitPath(text, what);
  if (parts.length !== members + 1 && parts.length !== members + 2) {
    throw new HintSyntaxError(`${what}: cannot read ${JSON.stringify(text)}`);
  }
  const tail = parts.slice(parts.length - members);
  const head = parts.slice(0, parts.length - members);
  const ref = head.length === 2 ? { schema: head[0], name: head[1] } : { name: head[0] };
  return { ref, members: tail };
}

const target = (text: string, what: string): string | null => (text === '-' ? null : single(text, what));

export function parseRenameHint(text: string): RenameHint {
  const what = `rename hint ${JSON.stringify(text)}`;
  const prefix = /^(table|type|enum):/.exec(text);
  const [left, right] = splitAssignment(prefix ? text.slice(prefix[0].length) : text, what);
  const to = target(right, what);
  switch (prefix?.[1]) {
    case 'table':
      return { kind: 'table', table: refWith(left, 0, what).ref, to };
    case 'type':
      return { kind: 'type', type: refWith(left, 0, what).ref, to };
    case 'enum': {
      const { ref, members } = refWith(left, 1, what);
      return { kind: 'enumValue', type: ref, from: members[0], to };
    }
    default: {
      const { ref, members } = refWith(left, 1, what);
      return { kind: 'column', table: ref, from: members[0], to };
    }
  }
}

export function parseUsingHint(text: string): UsingHint {
  const what = `--using ${JSON.stringify(text)}`;
  const [left, expression] = splitAssignment(text, what);
  if (expression === '') throw new HintSyntaxError(`${what} gives no expression`);
  const { ref, members } = refWith(left, 1, what);
  return { table: ref, column: members[0], expression };
}

export function parseEnumMapHint(text: string): EnumMapHint {
  const what = `--enum-map ${JSON.stringify(text)}`;
  const [left, right] = splitAssignment(text, what);
  const { ref, members } = refWith(left, 1, what);
  return { type: ref, from: members[0], to: single(right, what) };
}

/** A name as hints write it: bare when nothing in it needs quoting. */
export function hintName(name: string): string {
  return /^[^."=:\s-][^."=:\s]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

const refText = (r: ObjectRef): string => (r.schema !== undefined ? `${hintName(r.schema)}.${hintName(r.name)}` : hintName(r.name));
const toText = (to: string | null): string => (to === null ? '-' : hintName(to));

/** The hint as the user would type it; parseRenameHint(formatRenameHint(h)) equals h. */
export function formatRenameHint(h: RenameHint): string {
  switch (h.kind) {
    case 'column':
      return `${refText(h.table)}.${hintName(h.from)}=${toText(h.to)}`;
    case 'table':
      return `table:${refText(h.table)}=${toText(h.to)}`;
    case 'type':
      return `type:${refText(h.type)}=${toText(h.to)}`;
    case 'enumValue':
      return `enum:${refText(h.type)}.${hintName(h.from)}=${toText(h.to)}`;
  }
}

export const formatUsingHint = (h: UsingHint): string => `${refText(h.table)}.${hintName(h.column)}=${h.expression}`;
export const formatEnumMapHint = (h: EnumMapHint): string => `${refText(h.type)}.${hintName(h.from)}=${hintName(h.to)}`;

export const refMatches = (ref: ObjectRef, q: QualifiedName): boolean =>
  ref.name === q.name && (ref.schema === undefined || ref.schema === q.schema);

/** The shortest ref naming `q`: the bare name for `public`, schema-qualified otherwise. */
export const refOf = (q: QualifiedName): ObjectRef => (q.schema === 'public' ? { name: q.name } : { schema: q.schema, name: q.name });

/** Hints given later win over earlier ones for the same object (the command line over the file). */
export function mergeHints(...sets: DiffHints[]): DiffHints {
  return {
    renames: sets.flatMap((s) => s.renames),
    using: sets.flatMap((s) => s.using),
    enumMaps: sets.flatMap((s) => s.enumMaps),
  };
}
