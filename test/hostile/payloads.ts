/**
 * Hostile text, as a database user who can ALTER a managed table (or an entity author) could write it
 * into a name, a comment, a default, a CHECK body or an enum label. Each is at most 63 bytes, so
 * Postgres keeps it whole as an identifier. Those that would run code if a renderer let them out of
 * a comment or a template literal set the canary below; a test asserts it is never made.
 */
export const CANARY = '/tmp/ormdiff-canary';

/** Code that leaves a mark outside the process: a migration runs in Node's own module system, not jest's sandbox. */
const run = `require("fs").mkdirSync("${CANARY}")`;

export interface Payload {
  /** What the case tries. */
  name: string;
  text: string;
}

export const PAYLOADS: Payload[] = [
  { name: 'quotes', text: `a'b"c''d""` },
  { name: 'backslashes', text: 'back\\slash\\\\ \\n \\x41 \\u0041' },
  { name: 'dollar quotes', text: '$$ $tag$ x $1 %s' },
  { name: 'template substitution', text: '${' + run + '}' },
  { name: 'backtick', text: '`);' + run + ';(`' },
  { name: 'U+2028 ends a line comment', text: `x\u2028${run};//` },
  { name: 'U+2029 ends a line comment', text: `x\u2029${run};//` },
  { name: 'carriage return', text: `x\r${run};//` },
  { name: 'line feed', text: `x\n${run};//` },
  { name: 'block comment close', text: `*/ ${run}; /*` },
  { name: 'control characters', text: 'c\u0001\u0007\u0008\u000b\u000c\u001b[31mred\u007f\u0085' },
  { name: 'right-to-left marks', text: 'r\u202eevil\u202c\u200f\u2066x\u2069\u061c' },
  { name: 'acknowledgement', text: 'ack // ormdiff-ack: DS101 pwned' },
  { name: 'markdown heading and link', text: '# H [l](https://evil.example) | c |' },
  { name: 'markdown html', text: '<img src=x onerror=alert(1)> &amp; <b>' },
  { name: 'markdown inline', text: '*e* _u_ ~~s~~ `c` www.evil.example :smile: $m$ @u' },
  { name: 'markdown line start', text: '- item' },
  { name: 'markdown ordered list', text: '1. one' },
  { name: 'reserved word', text: 'select' },
  { name: 'reserved word user', text: 'user' },
  { name: '63 bytes', text: 'n'.repeat(63) },
  { name: '63 bytes multibyte', text: 'é'.repeat(31) + 'x' },
  { name: 'emoji', text: 'e🐘\u{1F600}' },
  { name: 'directive', text: '/ <reference path="x" />' },
];

/** 64 bytes: Postgres cuts an identifier to 63; the entity reader must do the same. */
export const LONG_64 = 'm'.repeat(64);
