/**
 * `ormdiff lint`: the gate in CI and review. A generated migration lists its warnings in its header
 * (counted against the live data when it was written); a hand-written one is read statement by
 * statement, in `up()` only, for the same hazards. An error-level warning blocks unless the file
 * acknowledges its code in a comment, `// ormdiff-ack: <CODE> <reason>`, so every accepted risk is
 * visible in the diff of the pull request. Pure: the caller reads the files.
 */
import { isWarningCode, RULES, type Severity, type WarningCode } from '../plan/rules';
import { maskNonCode, methodBody } from './source';

export interface LintFinding {
  code: WarningCode;
  severity: Severity;
  message: string;
  /** 1-based line in the file. */
  line: number;
  /** Where it was read: the generated header, or a statement of a hand-written file. */
  from: 'header' | 'statement';
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
  /** Whether the file carries an ormdiff header (its warnings are then taken from there). */
  generated: boolean;
  findings: LintFinding[];
  /** Comments that acknowledge nothing: an unknown code, no reason, or a code with no warning in the file. */
  problems: string[];
  blocking: boolean;
}

const ACK = /ormdiff-ack:\s*(\S+)(?:[ \t]+(.*))?$/;
const HEADER_WARNING = /^\s*\*?\s*-\s+([A-Z]{2}\d{3})\s+(info|warning|error):\s*(.*)$/;

const lineOf = (source: string, index: number): number => source.slice(0, index).split('\n').length;

/**
 * Acknowledgements in `//` comments only: a `//` inside a string or template literal (SQL naming
 * an object `x // ormdiff-ack: …`) is not a comment, and must not acknowledge anything.
 */
function readAcks(source: string): Ack[] {
  const comments: Array<{ start: number; end: number }> = [];
  maskNonCode(source, comments);
  return comments.flatMap(({ start, end }) => {
    const m = ACK.exec(source.slice(start, end).replace(/\r$/, ''));
    return m ? [{ code: m[1], reason: (m[2] ?? '').trim(), line: lineOf(source, start) }] : [];
  });
}

/**
 * The ormdiff header: a doc comment (slash and two stars) before the first line of code, after any
 * blank lines and other comments (an acknowledgement or a licence may be put above it). It is the
 * header when it names the revision and lists the changes, as every file ormdiff writes does.
 */
function findHeader(source: string): { body: string; line: number } | undefined {
  const leading = /\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/)/y;
  let at = 0;
  for (let m = leading.exec(source); m; m = leading.exec(source)) {
    const comment = m[0].trimStart();
    if (comment.startsWith('/**')) {
      const body = comment.slice(3, -2);
      if (/Revision ID:/.test(body) && /\bChanges:/.test(body)) return { body, line: lineOf(source, at + m[0].length - comment.length) };
    }
    at = leading.lastIndex;
  }
  return undefined;
}

/** The `Warnings:` list of the header comment, when the file was written by ormdiff. */
function headerWarnings(source: string): { generated: boolean; findings: Omit<LintFinding, 'blocking'>[] } {
  const header = findHeader(source);
  if (!header) return { generated: false, findings: [] };
  const lines = header.body.split('\n');
  const start = lines.findIndex((l) => /^\s*\*?\s*Warnings:\s*$/.test(l));
  if (start < 0) return { generated: true, findings: [] };
  const findings: Omit<LintFinding, 'blocking'>[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const m = HEADER_WARNING.exec(lines[i]);
    if (!m) break;
    if (!isWarningCode(m[1])) continue;
    // The body's first line is the header's own first line.
    findings.push({ code: m[1], severity: m[2] as Severity, message: m[3].trim(), line: header.line + i, from: 'header' });
  }
  return { generated: true, findings };
}

const LITERAL = /\s*(`(?:\\[\s\S]|[^`\\])*`|"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\])*')/y;

/**
 * SQL strings a hand-written migration runs going forward: the literal argument of each
 * queryRunner.query(…) in `up`. `down` undoes `up`, so its drops are expected, not hazards. Calls in
 * comments are skipped. A file without a recognisable `up` method is read whole: better a warning to
 * acknowledge than a hazard missed.
 */
function statements(source: string): Array<{ sql: string; line: number }> {
  const masked = maskNonCode(source);
  const up = methodBody(source, 'up', masked) ?? { start: 0, end: source.length };
  const out: Array<{ sql: string; line: number }> = [];
  // The call is found in the masked text (code only), its argument read from the source (the
  // masked text has it blanked).
  const call = /\.query\(/g;
  call.lastIndex = up.start;
  for (let m = call.exec(masked); m && m.index < up.end; m = call.exec(masked)) {
    LITERAL.lastIndex = m.index + m[0].length;
    const literal = LITERAL.exec(source);
    if (literal) out.push({ sql: literal[1].slice(1, -1), line: lineOf(source, m.index) });
  }
  return out;
}

interface SqlRule {
  code: WarningCode;
  severity: Severity;
  test: (sql: string) => boolean;
  message: string;
}

const has = (re: RegExp) => (sql: string) => re.test(sql);

/** The hazards a statement shows by its text alone; without the data, drops are errors to acknowledge. */
const SQL_RULES: SqlRule[] = [
  { code: 'DS101', severity: 'error', test: has(/\bDROP\s+TABLE\b/i), message: 'drops a table and every row in it' },
  { code: 'DS102', severity: 'error', test: has(/\bDROP\s+COLUMN\b/i), message: 'drops a column and its values' },
  { code: 'DS104', severity: 'warning', test: has(/\bDROP\s+SCHEMA\b/i), message: 'drops a schema' },
  { code: 'TC202', severity: 'warning', test: has(/\bALTER\s+COLUMN\s+\S+\s+(SET\s+DATA\s+)?TYPE\b/i), message: 'changes a column type: the table may be rewritten, and values may fail to convert' },
  { code: 'LK601', severity: 'warning', test: (s) => /\bCREATE\s+(UNIQUE\s+)?INDEX\b/i.test(s) && !/\bCONCURRENTLY\b/i.test(s), message: 'builds an index without CONCURRENTLY' },
  { code: 'LK602', severity: 'warning', test: (s) => /\bFOREIGN\s+KEY\b/i.test(s) && /\bADD\b/i.test(s) && !/\bNOT\s+VALID\b/i.test(s), message: 'adds a foreign key without NOT VALID' },
  { code: 'LK603', severity: 'warning', test: has(/\bSET\s+NOT\s+NULL\b/i), message: 'sets NOT NULL, scanning the table' },
  { code: 'LK604', severity: 'warning', test: (s) => /\bADD\s+(CONSTRAINT\s+\S+\s+)?CHECK\b/i.test(s) && !/\bNOT\s+VALID\b/i.test(s), message: 'adds a CHECK without NOT VALID' },
  { code: 'LK606', severity: 'warning', test: (s) => /\bADD\s+(CONSTRAINT\s+\S+\s+)?(UNIQUE|PRIMARY\s+KEY)\b/i.test(s) && !/\bUSING\s+INDEX\b/i.test(s), message: 'adds a unique key, building its index while blocking writes' },
  { code: 'DD502', severity: 'warning', test: (s) => /\bADD\s+COLUMN\b[^;]*\bNOT\s+NULL\b/i.test(s) && !/\bDEFAULT\b/i.test(s), message: 'adds a NOT NULL column without a default: it fails on a table with rows' },
];

function statementFindings(source: string): Omit<LintFinding, 'blocking'>[] {
  return statements(source).flatMap(({ sql, line }) =>
    SQL_RULES.filter((r) => r.test(sql)).map((r) => ({
      code: r.code,
      severity: r.severity,
      message: `${r.message}: ${sql.replace(/\s+/g, ' ').slice(0, 120)}`,
      line,
      from: 'statement' as const,
    })),
  );
}

export function lintSource(source: string, file: string): LintResult {
  const header = headerWarnings(source);
  const raw = header.generated ? header.findings : statementFindings(source);
  const acks = readAcks(source);
  const problems: string[] = [];
  const valid = new Map<string, Ack>();
  for (const ack of acks) {
    if (!isWarningCode(ack.code)) problems.push(`${file}:${ack.line}: ormdiff-ack names no known code: ${ack.code}`);
    else if (ack.reason === '') problems.push(`${file}:${ack.line}: ormdiff-ack: ${ack.code} needs a reason`);
    else if (!raw.some((f) => f.code === ack.code)) problems.push(`${file}:${ack.line}: ormdiff-ack: ${ack.code} acknowledges no warning in this file`);
    else valid.set(ack.code, ack);
  }
  const findings = raw.map((f): LintFinding => {
    const ack = valid.get(f.code);
    return { ...f, ...(ack ? { acknowledged: ack.reason } : {}), blocking: f.severity === 'error' && !ack };
  });
  return { file, generated: header.generated, findings, problems, blocking: findings.some((f) => f.blocking) };
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
