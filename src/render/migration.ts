/** The TypeORM migration class for a plan: a reviewable file, prettier-formatted. */
import { format } from 'prettier';
import { describeChange } from '../diff/describe';
import type { Plan, Statement } from '../plan/plan';

export interface MigrationMeta {
  revision: string;
  downRevision: string | string[] | null;
  message: string;
  createdAt: Date;
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

/** Text for a template literal: backslashes, backticks and `${` would otherwise be interpreted. */
export function templateLiteral(text: string): string {
  return '`' + text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

/** One line of a comment: no line breaks, and nothing that would close a block comment. */
const commentLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\*\//g, '*\\/');

function methodBody(statements: Statement[], plan: Plan, withWarnings: boolean): string {
  const seen = new Set<Statement['change']>();
  return statements
    .map((s) => {
      const first = !seen.has(s.change);
      seen.add(s.change);
      const warnings = withWarnings && first ? plan.warnings.filter((w) => w.change === s.change) : [];
      const notes = warnings.map((w) => `// WARNING ${w.code}: ${commentLine(w.message)}\n`).join('');
      return `${notes}await queryRunner.query(${templateLiteral(s.sql)});`;
    })
    .join('\n');
}

function header(plan: Plan, meta: MigrationMeta): string {
  const lines = [
    commentLine(meta.message),
    '',
    `Revision ID: ${meta.revision}`,
    `Revises: ${meta.downRevision === null ? '(none)' : [meta.downRevision].flat().join(', ')}`,
    `Create Date: ${meta.createdAt.toISOString()}`,
    '',
    'Changes:',
    ...(plan.changes.length > 0 ? plan.changes.map((c) => `  - ${commentLine(describeChange(c))}`) : ['  (none)']),
    ...(plan.warnings.length > 0
      ? ['Warnings:', ...plan.warnings.map((w) => `  - ${w.code} ${w.severity}: ${commentLine(w.message)}`)]
      : []),
  ];
  return `/**\n${lines.map((l) => (l === '' ? ' *' : ` * ${l}`)).join('\n')}\n */`;
}

export async function renderMigration(plan: Plan, meta: MigrationMeta): Promise<{ fileName: string; source: string }> {
  const slug = slugify(meta.message);
  const name = className(slug, meta.createdAt);
  const source = `${header(plan, meta)}
import { MigrationInterface, QueryRunner } from "typeorm";

export class ${name} implements MigrationInterface {
  name = ${JSON.stringify(name)};
  revision = ${JSON.stringify(meta.revision)};
  downRevision: string | string[] | null = ${JSON.stringify(meta.downRevision)};
  transaction = ${plan.transactional};

  public async up(queryRunner: QueryRunner): Promise<void> {
${methodBody(plan.up, plan, true)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${methodBody(plan.down, plan, false)}
  }
}
`;
  return { fileName: `${meta.revision}_${slug}.ts`, source: await format(source, { parser: 'typescript' }) };
}
