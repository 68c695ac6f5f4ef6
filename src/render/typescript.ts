/**
 * The one way text reaches the TypeScript of a migration file. Names, comments, defaults and CHECK
 * bodies come from a database or an entity and are hostile until escaped here: a line terminator
 * JavaScript honours (U+2028 and U+2029 too, not only \n and \r) would end a `//` comment and turn
 * the rest into code; a backtick or `${` would end a template literal or run an expression.
 * Nothing else in src/render writes a comment marker or a backtick.
 */

/**
 * Characters shown as `\uXXXX` rather than written: control characters, line and paragraph
 * separators, format characters (right-to-left marks and bidi overrides, which make a reviewer read
 * code in another order than the compiler does) and lone surrogates (a UTF-8 file cannot hold them).
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

function unicodeEscape(ch: string): string {
  const code = ch.codePointAt(0)!;
  const hex = code.toString(16).toUpperCase();
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/**
 * Text for the inside of a comment (`//` or `/* … *\/`): one line, and inert. Backslashes are doubled
 * so the `\uXXXX` shown for what cannot be written reads back unambiguously; `*\/` cannot close a
 * block comment; a leading `/`, `#` or `@` cannot make a directive (`///`, `//#`, `// @ts-…`).
 */
export function commentText(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(UNPRINTABLE, unicodeEscape)
    .replace(/\*\//g, '*\\/');
  return /^[/#@]/.test(escaped) ? unicodeEscape(escaped[0]) + escaped.slice(1) : escaped;
}

/**
 * `// text`, the text made inert by commentText. `ormdiff lint` takes `ormdiff-ack:` in any line
 * comment as an acknowledgement, so a name holding it must not acknowledge a hazard for the file
 * (block comment lines begin with `*`, which lint skips).
 */
export const lineComment = (text: string): string =>
  `// ${commentText(text).replace(/ormdiff-ack:/gi, (m) => `${m.slice(0, -1)}\\u003A`)}`;

/** How a migration acknowledges a hazard, for the text that tells the reader (`ormdiff lint` reads it). */
export const ACK_SYNTAX = '// ormdiff-ack: <CODE> <reason>';

/** A `/** … *\/` comment, one escaped line per entry; '' gives a bare ` *` line. */
export function blockComment(lines: readonly string[]): string {
  return `/**\n${lines.map((l) => (l === '' ? ' *' : ` * ${commentText(l)}`)).join('\n')}\n */`;
}

/**
 * The body of a template literal whose cooked value is exactly `text`: backslashes, backticks and
 * `${` escaped; \r written as `\r` (a raw one would be read as \n), and every other unprintable
 * character as `\uXXXX`. Line feeds and tabs stay as they are, so SQL stays readable.
 */
export function templateLiteralBody(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/`/g, '\\`')
    .replace(/\$\{/g, '\\${')
    .replace(UNPRINTABLE, (ch) => (ch === '\n' || ch === '\t' ? ch : ch === '\r' ? '\\r' : unicodeEscape(ch)));
}

/** A template literal holding `text`. */
export const templateLiteral = (text: string): string => '`' + templateLiteralBody(text) + '`';

/** A JSON value as a TypeScript expression (query parameters): JSON is valid TypeScript once U+2028/U+2029 are escaped. */
export const valueLiteral = (value: unknown): string =>
  JSON.stringify(value).replace(/[\u2028\u2029]/g, (ch) => unicodeEscape(ch));

/** A string literal (a class name, a revision id): JSON's quoting is valid TypeScript, and escapes every line terminator. */
export const stringLiteral = (text: string): string =>
  JSON.stringify(text).replace(/[\u2028\u2029]/g, (ch) => unicodeEscape(ch));
