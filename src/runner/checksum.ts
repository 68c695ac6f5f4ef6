/**
 * What a migration's checksum covers: the code that runs, not its bytes. The file is parsed with the
 * TypeScript compiler and printed again without comments, string literals in one quote style, no
 * redundant parentheses and no trailing commas, so reformatting (prettier with any options, an
 * editor's indentation) or a comment keeps the checksum while any change to a statement, an argument
 * or the `transaction` flag changes it. Stored as `code-v1:<sha256>`; histories written before hold a
 * bare sha256 of the bytes, which is still accepted when it matches the bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as TS from 'typescript';
import { writeCacheFile } from '../config/cache-file';

export const CODE_CHECKSUM_TAG = 'code-v1:';

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export const byteChecksum = (bytes: Buffer): string => sha256(bytes);

/** The file as the checksum sees it: its code, printed in one canonical layout. */
export function canonicalCode(source: string, path: string): string {
  // Loaded on first use: a run whose checksums are all cached never pays for the compiler.
  const ts = require('typescript') as typeof TS;
  const kind = path.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, kind);
  const noTrailingCommas = (node: TS.Node): void => {
    ts.forEachChild(node, noTrailingCommas, (nodes) => {
      (nodes as { hasTrailingComma: boolean }).hasTrailingComma = false;
      nodes.forEach(noTrailingCommas);
    });
  };
  noTrailingCommas(file);
  // Rebuilt nodes go through the factory's parenthesizer, which puts back exactly the parentheses
  // precedence needs; a new string literal prints with double quotes whatever the source used.
  const canonical: TS.TransformerFactory<TS.SourceFile> = (context) => {
    const visit = (node: TS.Node): TS.Node => {
      if (ts.isParenthesizedExpression(node)) return visit(node.expression);
      if (ts.isStringLiteral(node)) return ts.factory.createStringLiteral(node.text);
      return ts.visitEachChild(node, visit, context);
    };
    return (root) => ts.visitEachChild(root, visit, context);
  };
  const transformed = ts.transform(file, [canonical]);
  let printed: string;
  try {
    printed = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed }).printFile(transformed.transformed[0]);
  } finally {
    transformed.dispose();
  }
  return tokens(ts, printed);
}

/**
 * The printed code as its tokens, one space apart: the printer keeps some of the source's line
 * breaks (a list on one line stays on one line), the tokens do not. Template literals are read
 * whole, so the text of SQL in them counts to the last space.
 */
function tokens(ts: typeof TS, code: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, code);
  const out: string[] = [];
  // Brace depth at which each open `${` of a template literal returns to the template's text.
  const resumeAt: number[] = [];
  let depth = 0;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.CloseBraceToken && resumeAt.length > 0 && resumeAt[resumeAt.length - 1] === depth) {
      if (scanner.reScanTemplateToken(false) === ts.SyntaxKind.TemplateTail) resumeAt.pop();
    } else if (kind === ts.SyntaxKind.TemplateHead) resumeAt.push(depth);
    else if (kind === ts.SyntaxKind.OpenBraceToken) depth++;
    else if (kind === ts.SyntaxKind.CloseBraceToken) depth--;
    out.push(scanner.getTokenText());
  }
  return out.join(' ');
}

export const codeChecksum = (source: string, path: string): string => CODE_CHECKSUM_TAG + sha256(canonicalCode(source, path));

/** Bump when canonicalCode prints differently: cached checksums of the old printing are then ignored. */
const CANONICAL_VERSION = '2';

/**
 * codeChecksum, cached under `cacheDir` by the bytes (and the compiler's version), so a run over a
 * thousand unchanged files parses none. The cache is an optimisation only: any failure computes.
 */
export function codeChecksumCached(bytes: Buffer, path: string, cacheDir: string): string {
  const key = createHash('sha256').update(CANONICAL_VERSION).update('\0').update(compilerVersion()).update('\0').update(bytes).digest('hex');
  const cached = join(cacheDir, `${key}.sum`);
  try {
    const sum = readFileSync(cached, 'utf8');
    if (sum.startsWith(CODE_CHECKSUM_TAG)) return sum;
  } catch {
    // Not cached yet.
  }
  const sum = codeChecksum(bytes.toString('utf8'), path);
  // A read-only checkout: computed every time.
  writeCacheFile(cached, sum);
  return sum;
}

let version: string | undefined;
function compilerVersion(): string {
  if (version === undefined) {
    try {
      version = (require('typescript/package.json') as { version: string }).version;
    } catch {
      version = 'unknown';
    }
  }
  return version;
}

/** The two checksums of a loaded migration file. */
export interface Checksums {
  /** `code-v1:<sha256>` of its canonical code: what is recorded from now on. */
  checksum: string;
  /** sha256 of its bytes: what histories written before recorded. */
  byteChecksum: string;
}

/** Whether a recorded checksum still describes the file: a code checksum by the code, an old byte one by the bytes. */
export const checksumMatches = (recorded: string, file: Checksums): boolean =>
  recorded.startsWith(CODE_CHECKSUM_TAG) ? recorded === file.checksum : recorded === file.byteChecksum;

export interface ChangedRevision {
  revision: string;
  file: string;
  recorded: string;
  actual: string;
}

/**
 * The applied revisions whose file no longer matches the checksum recorded when it ran: the one
 * verification `upgrade`, `downgrade` and `check` share.
 */
export function changedRevisions(
  applied: Iterable<string>,
  files: ReadonlyMap<string, Checksums & { revision: string; file: string }>,
  recorded: ReadonlyMap<string, string>,
): ChangedRevision[] {
  const out: ChangedRevision[] = [];
  for (const id of applied) {
    const rev = files.get(id);
    const sum = recorded.get(id);
    if (!rev || sum === undefined || checksumMatches(sum, rev)) continue;
    out.push({ revision: rev.revision, file: rev.file, recorded: sum, actual: rev.checksum });
  }
  return out;
}

/**
 * The applied revisions still recorded with a byte checksum that matches their file: the next run
 * records their code checksum, so from then on reformatting them is no change.
 */
export function byteChecksummed(
  applied: Iterable<string>,
  files: ReadonlyMap<string, Checksums & { revision: string; file: string }>,
  recorded: ReadonlyMap<string, string>,
): Array<Checksums & { revision: string; file: string }> {
  return [...applied].flatMap((id) => {
    const rev = files.get(id);
    const sum = recorded.get(id);
    return rev && sum !== undefined && !sum.startsWith(CODE_CHECKSUM_TAG) && sum === rev.byteChecksum ? [rev] : [];
  });
}

/** A checksum as people read it: its algorithm and the first 12 hex digits. */
export const shortChecksum = (sum: string): string =>
  sum.startsWith(CODE_CHECKSUM_TAG) ? `${sum.slice(0, CODE_CHECKSUM_TAG.length + 12)}…` : `sha256 ${sum.slice(0, 12)}…`;
