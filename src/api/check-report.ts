/** `ormdiff check`'s findings as text, Markdown or JSON; the plans inside reuse the plan renderers. Pure. */
import { changeObject } from '../diff/describe';
import type { Plan } from '../plan/plan';
import { ChangedMigrationError } from '../runner';
import { renderJson, type PlanJson } from '../render/json';
import { renderMarkdown, renderMigrationReview } from '../render/markdown';
import { markdownFence, markdownText } from '../render/markdown-text';
import type { CheckResult, Finding } from './check-findings';

export type CheckFormat = 'text' | 'markdown' | 'json';

type Outcome = Omit<CheckResult, 'output'>;

const MAX_LISTED = 10;

function list(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(', ');
  return items.length > MAX_LISTED ? `${shown}, … (${items.length} in all)` : shown;
}

const objectsOf = (plan: Plan): string[] => [...new Set(plan.changes.map(changeObject))];

/** One line per finding: what is wrong and what to run. */
export function findingMessage(finding: Finding): string {
  switch (finding.kind) {
    case 'migrationsMissing':
      return (
        `migrations missing: the entities need ${finding.plan.changes.length} change(s) no migration makes (${list(objectsOf(finding.plan))}); ` +
        'run `ormdiff revision --autogenerate -m "…"`'
      );
    case 'databaseBehind':
      return (
        `database behind: it is at ${list(finding.heads) || '(base)'} and ${finding.pending.length} revision(s) are not applied ` +
        `(${list(finding.pending)}); run \`ormdiff upgrade heads\``
      );
    case 'databaseAhead':
      return (
        `database at a revision with no migration file: it records ${list(finding.unknown)}, which no file in the migrations directory declares ` +
        '(deleted, renamed, or from a branch not merged here); restore its migration file, or record the revision the database really is at with ' +
        `\`ormdiff stamp ${finding.fileHeads.join(' ') || 'base'} --purge\` (then \`ormdiff check\` compares its schema with the migrations)`
      );
    case 'changedMigrations':
      // Word for word what `upgrade` refuses with: one verification, one message.
      return new ChangedMigrationError(finding.changed).message;
    case 'databaseDrifted':
      return `database drifted from migrations: ${list(finding.objects)}`;
    case 'unacknowledgedHazards': {
      const codes = [...new Set(finding.hazards.map((h) => h.code))];
      return (
        `migration ${finding.file}: ${finding.hazards.map((h) => `${h.code} error (line ${h.line})`).join(', ')} not acknowledged; ` +
        `to accept, add \`// ormdiff-ack: ${codes.length === 1 ? codes[0] : '<CODE>'} <reason>\` to the file`
      );
    }
  }
}

/** The lines under an unacknowledged-hazards finding: each hazard as `ormdiff lint` prints it. */
function details(finding: Finding): string[] {
  if (finding.kind === 'unacknowledgedHazards') return finding.hazards.map((h) => `${finding.file}:${h.line}: ${h.code} error: ${h.message}`);
  return [];
}

/** Text: each pending migration's statements as the replay ran them, and its warnings. */
function reviewLines(finding: Finding): string[] {
  if (finding.kind !== 'databaseBehind' || !finding.review) return [];
  return finding.review.migrations.flatMap((m) => [
    `${m.file} would run:`,
    ...m.statements.map((sql) => `  ${sql.replace(/\s*\n\s*/g, ' ')}`),
    ...m.hazards.map((h) => `  ${h.code} ${h.severity} (line ${h.line}): ${h.message}${h.acknowledged !== undefined ? ` (acknowledged: ${h.acknowledged})` : ''}`),
  ]);
}

function summary(outcome: Outcome): string {
  if (!outcome.ok) {
    const hazards = outcome.findings.filter((f) => f.kind === 'unacknowledgedHazards').length;
    const disagree = outcome.findings.length > hazards;
    const what = [
      ...(disagree ? [`${outcome.live ? 'entities, migrations and database' : 'entities and migrations'} do not agree`] : []),
      ...(hazards > 0 ? ['migrations hold error-level warnings nobody acknowledged'] : []),
    ];
    return `${outcome.findings.length} problem(s): ${what.join('; ')}`;
  }
  return outcome.live
    ? `Entities, migrations (${outcome.revisions}) and database agree`
    : `Entities and migrations (${outcome.revisions}) agree; no database configured, so none was compared`;
}

const planOf = (f: Finding): Plan | undefined => (f.kind === 'migrationsMissing' || f.kind === 'databaseDrifted' ? f.plan : undefined);

function renderText(outcome: Outcome): string {
  const lines: string[] = [];
  for (const finding of outcome.findings) {
    lines.push(findingMessage(finding));
    for (const line of details(finding)) lines.push(`  ${line}`);
    for (const line of reviewLines(finding)) lines.push(`  ${line}`);
    const plan = planOf(finding);
    if (plan) {
      if (finding.kind === 'databaseDrifted') lines.push('  to bring the database back to the migrations:');
      for (const s of plan.up) lines.push(`  ${s.sql.split('\n')[0]}${s.sql.includes('\n') ? ' …' : ''}`);
    }
  }
  lines.push(summary(outcome));
  return lines.join('\n');
}

/** Pushes a nested report's ATX headings `by` levels down, leaving fenced code alone. */
export function demoteHeadings(markdown: string, by: number): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const marks = /^(`{3,}|~{3,})(.*)$/.exec(line);
      if (marks && fence === undefined) {
        fence = marks[1];
        return line;
      }
      // Only a bare run of the same character, at least as long as the opening one, closes a fence.
      if (marks && fence !== undefined && marks[1][0] === fence[0] && marks[1].length >= fence.length && marks[2].trim() === '') {
        fence = undefined;
        return line;
      }
      return fence === undefined && /^#{1,6} /.test(line) ? '#'.repeat(by) + line : line;
    })
    .join('\n');
}

const TITLES: Record<Finding['kind'], string> = {
  migrationsMissing: 'Migrations missing',
  databaseBehind: 'Database behind',
  databaseAhead: 'Database ahead',
  changedMigrations: 'Applied migrations changed',
  databaseDrifted: 'Database drifted from migrations',
  unacknowledgedHazards: 'Unacknowledged hazards',
};

function renderMarkdownReport(outcome: Outcome): string {
  const sections = outcome.findings.map((finding) => {
    const plan = planOf(finding);
    const why = finding.kind === 'databaseDrifted' ? '\n\nThe plan below brings the database back to what the migrations make.' : '';
    // One line each, starting with the file name: a fence keeps SQL in them from reading as Markdown.
    const lines = details(finding);
    return [
      `## ${TITLES[finding.kind]}`,
      markdownText(findingMessage(finding)) + why,
      ...(lines.length > 0 ? [markdownFence(lines.join('\n'), '')] : []),
      ...(plan ? [demoteHeadings(renderMarkdown(plan).trimEnd(), 2)] : []),
      ...(finding.kind === 'databaseBehind' && finding.review
        ? [
            demoteHeadings(
              renderMigrationReview(finding.review.migrations, finding.review.plan, { before: finding.review.before, after: finding.review.after }).trimEnd(),
              1,
            ),
          ]
        : []),
    ].join('\n\n');
  });
  return ['# ormdiff check', `${outcome.ok ? '✅' : '❌'} ${summary(outcome)}.`, ...sections].join('\n\n') + '\n';
}

/** Named like the plan's format: a change a consumer could notice needs a new name. */
export const CHECK_JSON_FORMAT = 'ormdiff.check/v1';

export interface CheckJson {
  format: typeof CHECK_JSON_FORMAT;
  ok: boolean;
  live: boolean;
  revisions: number;
  findings: Array<{
    kind: Finding['kind'];
    message: string;
    heads?: string[];
    pending?: string[];
    unknown?: string[];
    /** databaseAhead: the revisions the migration files end at. */
    fileHeads?: string[];
    objects?: string[];
    plan?: PlanJson;
    /** changedMigrations: each applied revision whose file no longer matches its recorded checksum. */
    changed?: Array<{ revision: string; file: string; recorded: string; actual: string }>;
    /** unacknowledgedHazards: the migration file, relative to the working directory. */
    file?: string;
    /** unacknowledgedHazards: its error-level warnings no comment acknowledges. */
    hazards?: Array<{ code: string; line: number; message: string }>;
    /** databaseBehind, after a replay: each pending migration's statements and warnings, and the per-table change. */
    review?: {
      migrations: Array<{
        revision: string;
        file: string;
        message: string;
        transactional: boolean;
        statements: string[];
        hazards: Array<{ code: string; severity: string; line: number; message: string; acknowledged?: string }>;
      }>;
      changes: PlanJson;
    };
  }>;
}

function toJson(outcome: Outcome): CheckJson {
  return {
    format: CHECK_JSON_FORMAT,
    ok: outcome.ok,
    live: outcome.live,
    revisions: outcome.revisions,
    findings: outcome.findings.map((f) => {
      const { kind, ...facts } = f;
      const plan = planOf(f);
      const review = f.kind === 'databaseBehind' && f.review ? { review: { migrations: f.review.migrations, changes: renderJson(f.review.plan) } } : {};
      return { kind, message: findingMessage(f), ...facts, ...(plan ? { plan: renderJson(plan) } : {}), ...review } as CheckJson['findings'][number];
    }),
  };
}

export function renderCheck(outcome: Outcome, format: CheckFormat): string {
  switch (format) {
    case 'text':
      return renderText(outcome);
    case 'markdown':
      return renderMarkdownReport(outcome);
    case 'json':
      return JSON.stringify(toJson(outcome), null, 2);
  }
}
