/**
 * Every renderer, fed a plan whose every name, comment, label, default and CHECK body is a hostile
 * payload: one change of each kind (test/render/cases.ts) with the payload put into each of its
 * names and texts. The migration class must parse into exactly the statements of the plan, its
 * comments must hold the text (decoded), and the Markdown must create no element the input did not
 * intend; the SQL script's comments must stay comments.
 */
import { renderCheck } from '../../src/api/check-report';
import type { Change } from '../../src/diff/changes';
import { describeChange } from '../../src/diff/describe';
import { planChanges, type Plan } from '../../src/plan/plan';
import { renderJson } from '../../src/render/json';
import { renderMarkdown } from '../../src/render/markdown';
import { markdownText } from '../../src/render/markdown-text';
import { migrationFileSource, renderMigration } from '../../src/render/migration';
import { renderPlanSql } from '../../src/render/sql';
import { renderMigrationSource } from '../../src/runner/template';
import { CHANGES } from '../ddl/cases';
import { PAYLOADS, LONG_64 } from './payloads';
import { markdownProblems, migrationShape } from './shapes';

/** Keys holding a name, a text or an expression: each string under them gets the payload. */
const TEXT_KEYS = new Set([
  'name', 'schema', 'column', 'comment', 'value', 'values', 'before', 'after', 'from', 'to', 'columns',
  'expression', 'definition', 'using', 'backfill', 'temporaryDefault', 'fromDefault', 'toDefault', 'include',
]);

function withPayload<T>(value: T, payload: string, key?: string): T {
  if (typeof value === 'string') return (key !== undefined && TEXT_KEYS.has(key) ? value + payload : value) as T;
  if (Array.isArray(value)) return value.map((v) => withPayload(v, payload, key)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPayload(v, payload, k)])) as T;
  }
  return value;
}

const hostilePlan = (payload: string, online = false): Plan =>
  planChanges(CHANGES.map(({ change }) => withPayload<Change>(change, payload)), { online } as never);

const meta = (message: string) => ({ revision: 'abc123def456', downRevision: null, message, createdAt: new Date(1700000000000) });

const cases = [...PAYLOADS, { name: '64 bytes', text: LONG_64 }].map((p) => [p.name, p.text] as const);

describe.each(cases)('%s', (_name, payload) => {
  const plan = hostilePlan(payload);

  test('the migration class parses into exactly the plan: its statements, and comments holding the text', async () => {
    for (const online of [false, true]) {
      const p = online ? hostilePlan(payload, true) : plan;
      const { source } = await renderMigration(p, meta(`hostile ${payload}`));
      const shape = migrationShape(source);
      const settings = (list: string[]) => list;
      expect(shape.up).toEqual([...settings(p.settings.start), ...p.up.map((s) => s.sql), ...settings(p.settings.end)]);
      expect(shape.down).toEqual([...settings(p.settings.start), ...p.down.map((s) => s.sql), ...settings(p.settings.end)]);
      // Each line comment is one warning or note of the plan, whole.
      const notes = new Set([...p.warnings.map((w) => `WARNING ${w.code}: ${w.message}`), ...p.up.flatMap((s) => (s.note ? [s.note] : [])), ...p.down.flatMap((s) => (s.note ? [s.note] : []))]);
      expect(shape.lineComments.length).toBeGreaterThan(0);
      for (const c of shape.lineComments) expect(notes).toContain(c);
      expect(shape.headerLines[0]).toBe(`hostile ${payload}`);
      for (const c of p.changes) expect(shape.headerLines).toContain(`  - ${describeChange(c)}`);
    }
  });

  test('the template of `ormdiff revision` (no plan) holds the message in its comment and nothing else', async () => {
    const source = await renderMigrationSource({
      message: payload,
      revision: 'abc123def456',
      downRevision: null,
      createDate: new Date(1700000000000),
      className: 'Hostile1700000000000',
      up: [`SELECT ${payload}`],
    });
    const shape = migrationShape(source);
    expect(shape.headerLines[0]).toBe(payload);
    expect(shape.up).toEqual([`SELECT ${payload}`]);
    expect(shape.down).toEqual([]);
    // Unformatted (as benches write it), the same.
    expect(migrationShape(migrationFileSource({ ...meta(payload), className: 'H1', up: [{ sql: payload, notes: [payload] }], down: [], transaction: true })).lineComments).toEqual([payload]);
  });

  test('the Markdown report creates no element the input did not intend', () => {
    const md = renderMarkdown(plan, { before: { schemas: [], tables: [], enums: [], domains: [], sequences: [], extensions: [] } as never, after: { schemas: [], tables: [], enums: [], domains: [], sequences: [], extensions: [] } as never });
    const problems = markdownProblems(md, {
      headings: [/^Migration plan$/, /^Summary$/, /^Warnings$/, /^Schema diff$/, /^(Up|Down) \(\d+ statements?\)$/],
      allowedLineStarts: [/^- \*\*[A-Z]{2}\d{3}\*\* \((info|warning|error)\) /],
    });
    expect(problems).toEqual([]);
    // The payload is there, escaped: it went through markdownText.
    expect(md).toContain(markdownText(`x${payload}`).slice(1));
  });

  test('the check report in Markdown creates no element the input did not intend', () => {
    const md = renderCheck(
      {
        ok: false,
        live: true,
        revisions: 1,
        findings: [
          { kind: 'migrationsMissing', plan },
          { kind: 'databaseAhead', unknown: [payload], fileHeads: [payload] },
          { kind: 'databaseDrifted', objects: [payload], plan },
          { kind: 'unacknowledgedHazards', file: `m/${payload}.ts`, hazards: [{ code: 'DS101', line: 3, message: `drops ${payload}` }] },
        ],
      } as never,
      'markdown',
    );
    const problems = markdownProblems(md, {
      headings: [/^ormdiff check$/, /^(Migrations missing|Database ahead|Database drifted from migrations|Unacknowledged hazards)$/, /^Migration plan$/, /^Summary$/, /^Warnings$/, /^(Up|Down) \(\d+ statements?\)$/],
      allowedLineStarts: [/^- \*\*[A-Z]{2}\d{3}\*\* \((info|warning|error)\) /],
    });
    expect(problems).toEqual([]);
  });

  test('the SQL script: warnings and notes stay comments, statements are the plan', () => {
    for (const direction of ['up', 'down'] as const) {
      const script = renderPlanSql(plan, direction);
      for (const line of script.split(/\r\n|\r|\n/)) {
        if (line.startsWith('-- ')) expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
      }
      const comments = script.split('\n').filter((l) => l.startsWith('-- '));
      expect(comments.length).toBeGreaterThan(0);
    }
  });

  test('JSON carries the text unchanged', () => {
    const json = JSON.parse(JSON.stringify(renderJson(plan)));
    expect(json.up).toEqual(plan.up.map((s) => s.sql));
    expect(json.warnings.map((w: { message: string }) => w.message)).toEqual(plan.warnings.map((w) => w.message));
  });
});
