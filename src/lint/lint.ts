/**
 * `ormdiff lint`: the gate in CI and review. A migration is judged by what it does, never by its
 * comments: replayed on a scratch database, its recorded statements and the schema before and after
 * them go through the planner's own checks (src/lint/judge.ts), whether ormdiff wrote the file or a
 * person did. An error-level warning blocks unless the file acknowledges its code in a comment,
 * `// ormdiff-ack: <CODE> <reason>`, so every accepted risk is visible in the diff of the pull
 * request. Pure: the caller replays the migrations and reads the files.
 */
import type * as TS from 'typescript';
import type { StatementFinding } from '../lint/judge';
import { isWarningCode, RULES, type Severity, type WarningCode } from '../plan/rules';

export interface LintFinding {
  code: WarningCode;
  severity: Severity;
  message: string;
  /** 1-based line in the file: the call that ran the statement. */
  line: number;
  /** The statement it is about, as it ran. */
  sql?: string;
  /** The reason given by the acknowledging comment, if any. */
  acknowledged?: string;
  /** An error nobody acknowledged: `ormdiff lint` exits 1. */
  blocking: boolean;
}

export interface Ack {
  code: string;
  reason: string;
  line: number;
}

export interface LintResult {
  file: string;
  /** Whether the file carries an ormdiff header (it was generated; its findings are judged all the same). */
  generated: boolean;
  findings: LintFinding[];
  /** Comments that acknowledge nothing: an unknown code, no reason, or a code with no warning in the file. */
  problems: string[];
  blocking: boolean;
}

const ACK = /ormdiff-ack:\s*(\S+)(?:[ \t]+(.*))?$/;

/**
 * Acknowledgements in `//` comments only, found by TypeScript's scanner: a `//` inside a string or
 * template literal (SQL naming an object `x // ormdiff-ack: …`) is no comment and acknowledges
 * nothing. Template literals with `${…}` are followed back into their text after each expression.
 */
function readAcks(source: string): Ack[] {
  // Most files acknowledge nothing: no need to load the compiler (a fifth of a second) to scan them.
  if (!source.includes('ormdiff-ack:')) return [];
  // Required here, not at the top: `--help` and `--version` must not load the compiler.
  const ts = require('typescript') as typeof TS;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, source);
  const acks: Ack[] = [];
  // Brace depth at which each open `${` returns to its template's text.
  const resumeAt: number[] = [];
  let depth = 0;
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) {
    if (t === ts.SyntaxKind.OpenBraceToken) depth++;
    else if (t === ts.SyntaxKind.TemplateHead) resumeAt.push(depth);
    else if (t === ts.SyntaxKind.CloseBraceToken) {
      if (resumeAt.length > 0 && resumeAt[resumeAt.length - 1] === depth) {
        if (scanner.reScanTemplateToken(false) === ts.SyntaxKind.TemplateTail) resumeAt.pop();
      } else depth--;
    } else if (t === ts.SyntaxKind.SingleLineCommentTrivia) {
      const m = ACK.exec(scanner.getTokenText().replace(/\r$/, ''));
      if (m) acks.push({ code: m[1], reason: (m[2] ?? '').trim(), line: source.slice(0, scanner.getTokenStart()).split('\n').length });
    }
  }
  return acks;
}

/** Whether the file starts (after other comments) with the header ormdiff writes: it names the revision and lists the changes. */
function hasHeader(source: string): boolean {
  const leading = /\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/)/y;
  for (let m = leading.exec(source); m; m = leading.exec(source)) {
    const comment = m[0].trimStart();
    if (comment.startsWith('/**') && /Revision ID:/.test(comment) && /\bChanges:/.test(comment)) return true;
  }
  return false;
}

/** Where a finding no statement could be placed for is reported: the `up` method, else the top of the file. */
function upLine(lines: string[]): number {
  const at = lines.findIndex((l) => /(?<![\w$.])up\s*\(/.test(l) && !l.trimStart().startsWith('//') && !l.trimStart().startsWith('*'));
  return at >= 0 ? at + 1 : 1;
}

/** A file's findings, from its replay (`found`), with the acknowledgements its comments give. */
export function lintSource(source: string, file: string, found: readonly StatementFinding[]): LintResult {
  const lines = source.split('\n');
  const fallback = upLine(lines);
  const raw = found.map((f) => ({ ...f, line: f.line ?? fallback }));
  const problems: string[] = [];
  const valid = new Map<string, Ack>();
  for (const ack of readAcks(source)) {
    if (!isWarningCode(ack.code)) problems.push(`${file}:${ack.line}: ormdiff-ack names no known code: ${ack.code}`);
    else if (ack.reason === '') problems.push(`${file}:${ack.line}: ormdiff-ack: ${ack.code} needs a reason`);
    else if (!raw.some((f) => f.code === ack.code)) problems.push(`${file}:${ack.line}: ormdiff-ack: ${ack.code} acknowledges no warning in this file`);
    else valid.set(ack.code, ack);
  }
  const findings = raw.map((f): LintFinding => {
    const ack = valid.get(f.code);
    return { ...f, ...(ack ? { acknowledged: ack.reason } : {}), blocking: f.severity === 'error' && !ack };
  });
  return { file, generated: hasHeader(source), findings, problems, blocking: findings.some((f) => f.blocking) };
}

/** One line per finding and problem, `file:line: CODE severity: message`, acknowledged ones marked. */
export function formatLint(results: LintResult[]): string {
  const lines = results.flatMap((r) => [
    ...r.findings.map(
      (f) =>
        `${r.file}:${f.line}: ${f.code} ${f.severity}: ${f.message}` +
        (f.acknowledged !== undefined ? ` [acknowledged: ${f.acknowledged}]` : f.blocking ? ` — ${RULES[f.code].help}` : ''),
    ),
    ...r.problems,
  ]);
  const blocking = results.flatMap((r) => r.findings.filter((f) => f.blocking)).length;
  const summary = blocking > 0
    ? `${blocking} error-level warning(s) not acknowledged; add \`// ormdiff-ack: <CODE> <reason>\` to the migration to accept one.`
    : `${results.length} file(s) checked: no unacknowledged error-level warning.`;
  return [...lines, summary].join('\n');
}
