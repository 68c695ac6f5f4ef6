/** The TypeORM migration class for a plan: a reviewable file, prettier-formatted as the project formats its code. */
import { describeChange } from '../diff/describe';
import type { Plan, Statement } from '../plan/plan';
import { ACK_SYNTAX, blockComment, lineComment, stringLiteral, templateLiteral, valueLiteral } from './typescript';

export { templateLiteral };

export interface MigrationMeta {
  revision: string;
  downRevision: string | string[] | null;
  message: string;
  createdAt: Date;
  /** Where the file is written: the project's prettier config and .editorconfig for that path apply. */
  path?: string;
}

const SLUG_MAX = 40;

function words(message: string): string[] {
  // Accented letters keep their base letter (é → e) rather than splitting the word.
  const folded = message.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return folded.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** Lowercase words joined by `_`, cut at a word boundary near 40 characters. */
export function slugify(message: string): string {
  let slug = '';
  for (const word of words(message)) {
    const next = slug === '' ? word : `${slug}_${word}`;
    if (next.length > SLUG_MAX) {
      if (slug === '') slug = word.slice(0, SLUG_MAX);
      break;
    }
    slug = next;
  }
  return slug || 'migration';
}

/**
 * TypeORM reads the last 13 characters of a migration's class name as its timestamp, so the name
 * must end with milliseconds since the epoch, zero-padded to 13 digits.
 */
export function className(slug: string, createdAt: Date): string {
  const pascal = slug
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  const base = /^[A-Za-z]/.test(pascal) ? pascal : `Migration${pascal}`;
  return base + String(createdAt.getTime()).padStart(13, '0');
}

export interface MigrationStatement {
  sql: string;
  /** Bind parameters ($1…), as a migration passed them to `queryRunner.query` (a squash replays them). */
  parameters?: readonly unknown[];
  /** Rendered as `// WARNING …` comment lines above the statement. */
  notes?: string[];
}

/** Everything a migration file holds; the one shape every writer of migration files goes through. */
export interface MigrationFile {
  message: string;
  revision: string;
  downRevision: string | string[] | null;
  createdAt: Date;
  className: string;
  /** Extra header lines, e.g. `Changes:` and `Warnings:` lists; each is escaped into one comment line. */
  headerSections?: string[];
  up: MigrationStatement[];
  down: MigrationStatement[];
  transaction: boolean;
}

function methodBody(statements: MigrationStatement[]): string {
  return statements
    .map((s) =>
      [
        ...(s.notes ?? []).map(lineComment),
        `await queryRunner.query(${templateLiteral(s.sql)}${s.parameters && s.parameters.length ? `, ${valueLiteral(s.parameters)}` : ''});`,
      ].join('\n'),
    )
    .join('\n');
}

const downRevisionLiteral = (d: MigrationFile['downRevision']): string =>
  d === null ? 'null' : typeof d === 'string' ? stringLiteral(d) : `[${d.map(stringLiteral).join(', ')}]`;

function header(file: MigrationFile): string {
  return blockComment([
    file.message,
    '',
    `Revision ID: ${file.revision}`,
    `Revises: ${file.downRevision === null ? '(none)' : [file.downRevision].flat().join(', ')}`,
    `Create Date: ${file.createdAt.toISOString()}`,
    ...(file.headerSections && file.headerSections.length > 0 ? ['', ...file.headerSections] : []),
  ]);
}

/**
 * Only a migration that must run outside a transaction says so. TypeORM's own runner, in its default
 * "all" mode, refuses any migration that declares `transaction` at all ("override the transaction
 * mode"), so a transactional one leaves the field out: ormdiff's runner and TypeORM's "each" mode both
 * read a missing field as transactional.
 */
function transactionField(transactional: boolean): string {
  return transactional ? '' : '  transaction = false;\n';
}

/** The file text before prettier (tests and benches that write thousands of files skip formatting). */
export function migrationFileSource(file: MigrationFile): string {
  return `${header(file)}
import { MigrationInterface, QueryRunner } from "typeorm";

export class ${file.className} implements MigrationInterface {
  name = ${stringLiteral(file.className)};
  revision = ${stringLiteral(file.revision)};
  downRevision: string | string[] | null = ${downRevisionLiteral(file.downRevision)};
${transactionField(file.transaction)}
  public async up(queryRunner: QueryRunner): Promise<void> {
${methodBody(file.up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${methodBody(file.down)}
  }
}
`;
}

/**
 * The file as prettier prints it with the project's own settings for `path` (its prettier config,
 * and .editorconfig where that says nothing), so a later `prettier --write` changes nothing.
 */
export async function formatMigrationSource(source: string, path?: string): Promise<string> {
  // Loaded when a file is written, not when ormdiff is imported.
  const prettier = await import('prettier');
  const config = path !== undefined ? await prettier.resolveConfig(path, { editorconfig: true }) : null;
  return prettier.format(source, { ...config, filepath: path, parser: 'typescript' });
}

export function migrationFileName(revision: string, message: string): string {
  return `${revision}_${slugify(message)}.ts`;
}

/**
 * `up` statements carry the warnings of their change, on the first statement of each change, and
 * every statement its own note (what a safer variant or a template step is for); the session
 * settings of an online plan open and close each method.
 */
function withWarnings(statements: Statement[], plan: Plan, direction: 'up' | 'down'): MigrationStatement[] {
  const seen = new Set<Statement['change']>();
  const body = statements.map((s) => {
    const first = !seen.has(s.change);
    seen.add(s.change);
    const warnings = first && direction === 'up' ? plan.warnings.filter((w) => w.change === s.change) : [];
    return { sql: s.sql, notes: [...warnings.map((w) => `WARNING ${w.code}: ${w.message}`), ...(s.note ? [s.note] : [])] };
  });
  const setting = (sql: string): MigrationStatement => ({ sql });
  return [...plan.settings.start.map(setting), ...body, ...plan.settings.end.map(setting)];
}

/** The header's warning list; error-level ones are what `ormdiff lint` and `check` fail on until acknowledged. */
function warningSection(plan: Plan): string[] {
  if (plan.warnings.length === 0) return [];
  const errors = plan.warnings.some((w) => w.severity === 'error');
  return [
    'Warnings:',
    ...plan.warnings.map((w) => `  - ${w.code} ${w.severity}: ${w.message}`),
    ...(errors ? [`Error-level warnings fail ormdiff lint and ormdiff check until a line anywhere in this file acknowledges them: ${ACK_SYNTAX}`] : []),
  ];
}

export async function renderMigration(plan: Plan, meta: MigrationMeta): Promise<{ fileName: string; source: string }> {
  const headerSections = [
    'Changes:',
    ...(plan.changes.length > 0 ? plan.changes.map((c) => `  - ${describeChange(c)}`) : ['  (none)']),
    ...warningSection(plan),
  ];
  const source = migrationFileSource({
    message: meta.message,
    revision: meta.revision,
    downRevision: meta.downRevision,
    createdAt: meta.createdAt,
    className: className(slugify(meta.message), meta.createdAt),
    headerSections,
    up: withWarnings(plan.up, plan, 'up'),
    down: withWarnings(plan.down, plan, 'down'),
    transaction: plan.transactional,
  });
  return { fileName: migrationFileName(meta.revision, meta.message), source: await formatMigrationSource(source, meta.path) };
}
