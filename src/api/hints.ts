/**
 * Hints at the edges: the committed hints file next to the migrations (so CI runs decide renames the
 * way the developer did), the command-line flags, and interactive answers on a terminal.
 *
 * migrations/ormdiff.hints.json:
 *   {
 *     "renames":  ["users.fullname=full_name", "table:people=members", "enum:mood.meh=okay"],
 *     "using":    ["users.age=NULLIF(age, '')::integer"],
 *     "enumMaps": ["mood.sad=unhappy"]
 *   }
 * Each string has the command-line syntax (src/diff/renames/hints.ts). A hint that matches nothing (its
 * rename ran long ago) is ignored, so the file may keep growing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  type DiffHints,
  formatRenameHint,
  HintSyntaxError,
  NO_HINTS,
  parseEnumMapHint,
  parseRenameHint,
  parseUsingHint,
  type RenameHint,
} from '../diff/renames/hints';
import type { RenameSubject } from '../diff/renames/detect';
import { UsageError } from '../errors';

export const HINTS_FILE = 'ormdiff.hints.json';

export const hintsFilePath = (migrationsDir: string): string => join(migrationsDir, HINTS_FILE);

export interface HintTexts {
  renames?: string[];
  using?: string[];
  enumMaps?: string[];
}

function parseAll<T>(texts: unknown, parse: (t: string) => T, where: string): T[] {
  if (texts === undefined) return [];
  if (!Array.isArray(texts) || !texts.every((t) => typeof t === 'string')) throw new UsageError(`${where} must be a list of strings`);
  return texts.map((t) => {
    try {
      return parse(t);
    } catch (error) {
      if (error instanceof HintSyntaxError) throw new UsageError(`${where}: ${error.message}`);
      throw error;
    }
  });
}

/** Hints from their text form; `where` names the source in error messages (a flag, the file). */
export function parseHints(texts: HintTexts, where = 'hint'): DiffHints {
  return {
    renames: parseAll(texts.renames, parseRenameHint, `${where} renames`),
    using: parseAll(texts.using, parseUsingHint, `${where} using`),
    enumMaps: parseAll(texts.enumMaps, parseEnumMapHint, `${where} enumMaps`),
  };
}

function readTexts(path: string): HintTexts {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UsageError(`${path} must hold a JSON object`);
  const known = new Set(['renames', 'using', 'enumMaps']);
  const unknown = Object.keys(data).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new UsageError(`${path}: unknown key ${unknown.map((k) => JSON.stringify(k)).join(', ')} (use renames, using, enumMaps)`);
  return data as HintTexts;
}

/** The project's committed hints; none when the file does not exist. */
export function readHintsFile(path: string): DiffHints {
  return existsSync(path) ? parseHints(readTexts(path), path) : NO_HINTS;
}

/** Adds rename hints to the file (creating it), keeping what is there; the newest hint for an object wins. */
export function appendRenameHints(path: string, hints: RenameHint[]): void {
  if (hints.length === 0) return;
  const texts = existsSync(path) ? readTexts(path) : {};
  const renames = [...(texts.renames ?? []), ...hints.map(formatRenameHint)];
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify({ ...texts, renames: [...new Set(renames)] }, null, 2) + '\n');
}

/** A question about one rename candidate, for --interactive. */
export interface RenameQuestion {
  subject: RenameSubject;
  /** The object that disappears. */
  from: string;
  /** Where it may have gone: one name for an assumed rename, several for an ambiguity. */
  candidates: string[];
  /** One line naming the object, e.g. `column public.users.fullname`. */
  object: string;
}

/** The chosen target, `null` for "not renamed" (drop + add), `undefined` to leave the decision as it is. */
export type RenameAsker = (question: RenameQuestion) => Promise<string | null | undefined>;
