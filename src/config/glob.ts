/**
 * Just enough glob for TypeORM `entities` patterns (`entities/*.ts`, `src/**\/*.entity.{ts,js}`):
 * `*`, `?`, `**`, `{a,b}` and `[...]`. Directories named node_modules or starting with a dot are not
 * descended into by wildcards.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';

const MAGIC = /[*?[{]/;

/** `a{b,c}d` → [`abd`, `acd`], innermost-first so nested braces work. */
export function expandBraces(pattern: string): string[] {
  const match = /\{([^{}]*)\}/.exec(pattern);
  if (!match) return [pattern];
  const before = pattern.slice(0, match.index);
  const after = pattern.slice(match.index + match[0].length);
  return [...new Set(match[1].split(',').flatMap((alt) => expandBraces(before + alt + after)))];
}

/** A brace-free pattern over `/`-separated relative paths → a RegExp. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) re += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walk(dir: string, prefix: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      walk(join(dir, entry.name), rel, out);
    } else if (entry.isFile() || entry.isSymbolicLink()) out.push(rel);
  }
}

/** Absolute paths of the files a pattern matches, relative patterns resolved against `cwd`; sorted. */
export function globFiles(pattern: string, cwd: string): string[] {
  const found = new Set<string>();
  for (const alt of expandBraces(pattern.split(sep).join('/'))) {
    const absolute = isAbsolute(alt) ? alt : resolve(cwd, alt).split(sep).join('/');
    const parts = absolute.split('/');
    const firstMagic = parts.findIndex((p) => MAGIC.test(p));
    if (firstMagic === -1) {
      if (existsSync(absolute) && statSync(absolute).isFile()) found.add(resolve(absolute));
      continue;
    }
    const base = parts.slice(0, firstMagic).join('/') || '/';
    if (!existsSync(base) || !statSync(base).isDirectory()) continue;
    const matcher = globToRegExp(parts.slice(firstMagic).join('/'));
    const files: string[] = [];
    walk(base, '', files);
    for (const rel of files) if (matcher.test(rel)) found.add(resolve(base, rel));
  }
  return [...found].sort();
}
