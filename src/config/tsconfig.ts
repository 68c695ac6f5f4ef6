/**
 * The project's tsconfig.json, read without loading the `typescript` package: where it is, and the
 * `baseUrl`/`paths` aliases its `extends` chain ends up with. The migration runner needs only this,
 * and loading the compiler (~200 ms) just to resolve aliases would undo its cache.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

export interface PathAliases {
  /** The directory whose files the aliases apply to (the tsconfig's). */
  projectDir: string;
  /** Absolute; non-relative imports also resolve against it, as tsc does. */
  baseUrl?: string;
  /** Pattern → absolute substitutions, in the tsconfig's order. */
  paths: [string, string[]][];
}

/** The tsconfig.json nearest to `dir`, walking up. */
export function nearestTsconfig(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const candidate = join(d, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) return undefined;
  }
}

/** Index of the next character that is neither whitespace nor inside a comment. */
function nextSignificant(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    if (/\s/.test(text[i])) i++;
    else if (text.startsWith('//', i)) i = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i + 2) === -1 ? text.length : text.indexOf('*/', i + 2) + 2;
    else break;
  }
  return i;
}

/** JSON with comments and trailing commas, as tsc accepts it. */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      i = nextSignificant(text, i) - 1;
      out += ' ';
    } else if (ch === ',' && (text[nextSignificant(text, i + 1)] === '}' || text[nextSignificant(text, i + 1)] === ']')) {
      // a trailing comma
    } else out += ch;
  }
  return JSON.parse(out);
}

function resolveExtends(spec: string, fromDir: string): string | undefined {
  if (spec.startsWith('.') || isAbsolute(spec)) {
    const file = resolve(fromDir, spec);
    return existsSync(file) ? file : existsSync(`${file}.json`) ? `${file}.json` : undefined;
  }
  for (const candidate of [spec, `${spec}.json`, `${spec}/tsconfig.json`]) {
    try {
      return require.resolve(candidate, { paths: [fromDir] });
    } catch {
      // next form
    }
  }
  return undefined;
}

interface Found {
  baseUrl?: string;
  paths?: Record<string, string[]>;
  /** Directory `paths` are relative to when there is no baseUrl: that of the tsconfig that declared them. */
  pathsDir?: string;
}

/** The tsconfig and every file it extends, for cache keys. */
export function tsconfigChain(tsconfig: string): string[] {
  const seen = new Set<string>();
  try {
    readChain(resolve(tsconfig), seen);
  } catch {
    // An unreadable tsconfig: what was read so far.
  }
  return [...seen];
}

function readChain(file: string, seen: Set<string>): Found {
  if (seen.has(file)) return {};
  seen.add(file);
  const json = parseJsonc(readFileSync(file, 'utf8')) as { extends?: string | string[]; compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } };
  const dir = dirname(file);
  let found: Found = {};
  const parents = json.extends === undefined ? [] : Array.isArray(json.extends) ? json.extends : [json.extends];
  for (const parent of parents) {
    const path = resolveExtends(parent, dir);
    if (path) found = { ...found, ...definedOnly(readChain(path, seen)) };
  }
  const options = json.compilerOptions ?? {};
  if (typeof options.baseUrl === 'string') found.baseUrl = resolve(dir, options.baseUrl);
  if (options.paths && typeof options.paths === 'object') {
    found.paths = options.paths;
    found.pathsDir = dir;
  }
  return found;
}

const definedOnly = (f: Found): Found => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Found;

/** The aliases of a tsconfig; undefined when it declares none. An unreadable tsconfig declares none. */
export function readPathAliases(tsconfig: string): PathAliases | undefined {
  let found: Found;
  try {
    found = readChain(resolve(tsconfig), new Set());
  } catch {
    return undefined;
  }
  if (!found.baseUrl && !found.paths) return undefined;
  const base = found.baseUrl ?? found.pathsDir ?? dirname(tsconfig);
  const paths = Object.entries(found.paths ?? {}).map(([pattern, targets]): [string, string[]] => [pattern, targets.map((t) => resolve(base, t))]);
  return { projectDir: dirname(resolve(tsconfig)), ...(found.baseUrl ? { baseUrl: found.baseUrl } : {}), paths };
}

/** tsc's pattern matching: an exact pattern, or the longest prefix around the one `*`. Absolute candidates, best first. */
export function aliasCandidates(request: string, aliases: PathAliases): string[] {
  let best: { prefixLength: number; targets: string[]; star: string } | undefined;
  for (const [pattern, targets] of aliases.paths) {
    const star = pattern.indexOf('*');
    if (star === -1) {
      if (pattern === request) return targets;
      continue;
    }
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (request.length >= prefix.length + suffix.length && request.startsWith(prefix) && request.endsWith(suffix)) {
      if (!best || prefix.length > best.prefixLength) {
        best = { prefixLength: prefix.length, targets, star: request.slice(prefix.length, request.length - suffix.length) };
      }
    }
  }
  return best ? best.targets.map((t) => t.replace('*', best!.star)) : [];
}
