/**
 * `ormdiff check --format json` against docs/json-format.md's `ormdiff.check/v1` section: its JSON
 * Schema, its table of fields and its list of finding kinds, on a report holding every kind.
 */
import { checkFindings, type CheckResult } from '../../src/api/check';
import { CHECK_JSON_FORMAT, renderCheck } from '../../src/api/check-report';
import { diffSchemas } from '../../src/diff/diff';
import { lintSource } from '../../src/lint/lint';
import { planChanges } from '../../src/plan/plan';
import { column, schema, table } from '../diff/helpers/build';
import { documentedFields, formatSection, schemaFields, schemaFromDoc, validate } from '../render/json-schema';

const section = formatSection(CHECK_JSON_FORMAT);
const checkSchema = schemaFromDoc(section);
const planSchema = schemaFromDoc();

const users = table('public', 'users', { columns: [column('id', 'integer'), column('fax', 'text')] });
const migrated = schema({ tables: [users] });
const DROP_MESSAGE = 'drop table public.staging (every row in it is deleted)';
const staging = [
  'export class Staging1700000000000 {',
  '  async up(queryRunner: any) {',
  '    await queryRunner.query(`DROP TABLE "staging"`);',
  '  }',
  '}',
].join('\n');

/** One finding of every kind: entities ahead of the migrations, a database behind, ahead and drifted, a file with an unacknowledged drop. */
function everyKind(): Omit<CheckResult, 'output'> {
  // A database at a revision no file declares is not also reported behind: two databases, then.
  const [missing, ahead, changed, hazards] = checkFindings({
    missing: planChanges(diffSchemas(migrated, schema({ tables: [{ ...users, columns: [column('id', 'integer')] }] }))),
    migrated,
    live: {
      heads: ['a1'],
      pending: ['b2'],
      unknown: ['c3'],
      fileHeads: ['b2'],
      changed: [{ revision: 'a1', file: 'a1_init.ts', recorded: `code-v1:${'1'.repeat(64)}`, actual: `code-v1:${'2'.repeat(64)}` }],
    },
    // What the replay of the file found (src/lint/judge.ts), as lint reports it.
    lint: [lintSource(staging, 'migrations/b2_staging.ts', [{ code: 'DS101', severity: 'error', message: DROP_MESSAGE, object: 'public.staging', line: 3, sql: 'DROP TABLE "staging"' }])],
  });
  const behindAndDrifted = checkFindings({
    missing: planChanges([]),
    migrated,
    live: { heads: ['a1'], pending: ['b2'], unknown: [], fileHeads: ['b2'], schema: schema({ tables: [{ ...users, columns: [...users.columns, column('rogue', 'integer')] }] }) },
  });
  const findings = [missing, ahead, changed, ...behindAndDrifted, hazards];
  return { ok: findings.length === 0, findings, live: true, revisions: 2 };
}

test('a report with every kind of finding validates against the doc; each plan inside against the plan schema', () => {
  const json = JSON.parse(renderCheck(everyKind(), 'json'));
  expect(json.findings.map((f: { kind: string }) => f.kind)).toEqual([
    'migrationsMissing',
    'databaseAhead',
    'changedMigrations',
    'databaseBehind',
    'databaseDrifted',
    'unacknowledgedHazards',
  ]);
  expect(validate(checkSchema, json)).toEqual([]);
  const plans = json.findings.filter((f: { plan?: unknown }) => f.plan).map((f: { plan: unknown }) => f.plan);
  expect(plans).toHaveLength(2);
  for (const plan of plans) expect(validate(planSchema, plan)).toEqual([]);

  expect(json.findings[5]).toEqual({
    kind: 'unacknowledgedHazards',
    message:
      'migration migrations/b2_staging.ts: DS101 error (line 3) not acknowledged; to accept, add `// ormdiff-ack: DS101 <reason>` to the file',
    file: 'migrations/b2_staging.ts',
    hazards: [{ code: 'DS101', line: 3, message: DROP_MESSAGE }],
  });
  expect(json.findings[2]).toEqual({
    kind: 'changedMigrations',
    message: expect.stringMatching(/^Applied migration file has changed since it was applied: a1_init\.ts \(revision a1, recorded code-v1:111111111111…, now code-v1:222222222222…\)\./),
    changed: [{ revision: 'a1', file: 'a1_init.ts', recorded: `code-v1:${'1'.repeat(64)}`, actual: `code-v1:${'2'.repeat(64)}` }],
  });
});

test('an agreeing report validates too, with no findings', () => {
  const json = JSON.parse(renderCheck({ ok: true, findings: [], live: false, revisions: 1 }, 'json'));
  expect(json).toEqual({ format: 'ormdiff.check/v1', ok: true, live: false, revisions: 1, findings: [] });
  expect(validate(checkSchema, json)).toEqual([]);
});

test("the doc's schema names the format, its table lists exactly the schema's fields, and it lists every finding kind", () => {
  expect(checkSchema.properties).toMatchObject({ format: { const: CHECK_JSON_FORMAT } });
  expect(documentedFields(section).sort()).toEqual(schemaFields(checkSchema).sort());
  for (const f of everyKind().findings) expect(section).toMatch(new RegExp(`^- \`${f.kind}\` — `, 'm'));
});

test('the schema rejects a hazard without its line, and a mistyped one', () => {
  const json = JSON.parse(renderCheck(everyKind(), 'json'));
  delete json.findings[5].hazards[0].line;
  expect(validate(checkSchema, json)).toEqual(['$.findings[5].hazards[0]: missing line']);
  json.findings[5].hazards[0].line = '3';
  expect(validate(checkSchema, json)).toEqual(['$.findings[5].hazards[0].line: string, expected integer']);
});

test('text and Markdown list each unacknowledged hazard under its file', () => {
  const outcome = { ...everyKind(), findings: everyKind().findings.filter((f) => f.kind === 'unacknowledgedHazards') };
  expect(renderCheck(outcome, 'text').split('\n')).toEqual([
    'migration migrations/b2_staging.ts: DS101 error (line 3) not acknowledged; to accept, add `// ormdiff-ack: DS101 <reason>` to the file',
    `  migrations/b2_staging.ts:3: DS101 error: ${DROP_MESSAGE}`,
    '1 problem(s): migrations hold error-level warnings nobody acknowledged',
  ]);
  const markdown = renderCheck(outcome, 'markdown');
  expect(markdown).toMatch(/^## Unacknowledged hazards$/m);
  expect(markdown).toContain(`\`\`\`\nmigrations/b2_staging.ts:3: DS101 error: ${DROP_MESSAGE}\n\`\`\``);
});
