/**
 * The one way text reaches Markdown (the PR comment, the check report). A table, column or index
 * name, a warning message or a default comes from a database or an entity and is hostile until
 * escaped here: a `#` or `|`, a bracket, a backtick, an HTML tag or a line break in it would add a
 * heading, a link, a table cell or hide the sections below. Nothing else in src/render writes a
 * backtick or builds Markdown from such text.
 */

/**
 * ASCII punctuation that can start or end something in CommonMark or on GitHub: emphasis and
 * strikethrough, code spans, links and images, raw HTML and entities, table cells, headings, math
 * (`$`), emoji shortcodes and autolinks (`:`, `@`, the dots of `www.`). CommonMark lets any ASCII
 * punctuation be backslash-escaped, and an escaped character is always literal text.
 */
const SPECIAL = /[\\`*_[\]<>&|~!#$:@.]/g;

/** What only the start of a line makes a block of: a list item, a quote, a setext underline, a thematic break. */
const LINE_START = /^( *\d*)([-+=>)])/;

/** Control characters, line and paragraph separators and format characters (right-to-left marks). */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

function visibleEscape(ch: string): string {
  const code = ch.codePointAt(0)!;
  const hex = code.toString(16).toUpperCase();
  // A backslash before the `u`, itself escaped: the reader sees `\u2028`, not a line break.
  return code > 0xffff ? `\\\\u{${hex}}` : `\\\\u${hex.padStart(4, '0')}`;
}

/**
 * Text shown as itself in Markdown, anywhere a paragraph, list item, heading or table cell holds
 * text: all on one line (a line break, \r, U+2028 or U+2029 is shown as `\u…`, as are control and
 * bidi characters; a tab as a space), and every character that could make Markdown of it
 * backslash-escaped (a `|` included, so it cannot end a table cell).
 */
export function markdownText(text: string): string {
  return text
    .replace(SPECIAL, (c) => `\\${c}`)
    .replace(UNPRINTABLE, (ch) => (ch === '\t' ? ' ' : visibleEscape(ch)))
    .replace(LINE_START, (_m, digits: string, mark: string) => `${digits}\\${mark}`);
}

/**
 * A fenced code block holding `text` verbatim: the fence is longer than any backtick run in the
 * text, so nothing in it can close the block early, and the info string is ormdiff's own.
 */
export function markdownFence(text: string, lang: 'sql' | 'diff' | ''): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${lang}\n${text}${text.endsWith('\n') ? '' : '\n'}${marks}`;
}
