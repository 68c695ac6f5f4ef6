/**
 * `ormdiff lint` judges what a migration runs, not what its comments say: each file is replayed on a
 * scratch database (real Postgres), the statements it sends through its QueryRunner are recorded
 * (schema-builder calls included), and the planner's checks judge them, so a generated file and a
 * hand-written one with the same effect get the same findings. An error-level finding blocks until a
 * comment acknowledges its code with a reason; the command exits 1 on a blocking file.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lint, type LintReport } from '../../src/api/lint';
import { lintCommands } from '../../src/cli/lint-command';
import type { Output } from '../../src/cli/output';
import { diffSchemas } from '../../src/diff/diff';
import { planChanges } from '../../src/plan/plan';
import { renderMigration } from '../../src/render/migration';
import { serverUrl } from '../../src/testing/database';
import { column, schema, table } from '../diff/helpers/build';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ormdiff-lint-'));
  symlinkSync(resolve(__dirname, '../../node_modules'), join(dir, 'node_modules'), 'dir');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const BASE = 'aaa111';

/** A migration class file, as a person writes one: `up` lines as given. */
function classFile(revision: string, parent: string | null, up: string[], options: { transaction?: boolean; above?: string } = {}): string {
  return [
    ...(options.above ? [options.above] : []),
    'import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";',
    '',
    `export class M${revision}1700000000000 implements MigrationInterface {`,
    `  revision = "${revision}";`,
    `  downRevision = ${parent ? `"${parent}"` : 'null'};`,
    `  transaction = ${options.transaction ?? true};`,
    '',
    '  public async up(queryRunner: QueryRunner): Promise<void> {',
    ...up.map((l) => `    ${l}`),
    '  }',
    '',
    '  public async down(queryRunner: QueryRunner): Promise<void> {',
    '    await queryRunner.query(`DROP TABLE IF EXISTS "nothing"`);',
    '  }',
    '}',
    '',
  ].join('\n');
}

const q = (sql: string) => `await queryRunner.query(\`${sql}\`);`;

/** The base every case starts from: tables with columns to drop and change, and a schema. */
function writeBase(): void {
  writeFileSync(
    join(dir, `${BASE}_base.ts`),
    classFile(BASE, null, [
      q('CREATE TABLE "users" ("id" integer PRIMARY KEY, "email" character varying(10), "fax" text, "age" integer)'),
      q('CREATE TABLE "notes" ("id" integer PRIMARY KEY, "body" text)'),
      q('CREATE SCHEMA "archive"'),
    ]),
  );
}

/** Writes the base and one migration after it; returns the path of the latter. */
function withMigration(source: string, name = 'bbb222_case.ts'): string {
  writeBase();
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

const lintFile = (path: string): Promise<LintReport> => lint({ files: [path], cwd: dir, scratchUrl: serverUrl() });

/** The case's findings: code, severity and line, in order. */
async function findings(up: string[], options: { transaction?: boolean } = {}): Promise<Array<[string, string]>> {
  const report = await lintFile(withMigration(classFile('bbb222', BASE, up, options)));
  return report.results[0].findings.map((f) => [f.code, f.severity]);
}

const lineOf = (path: string, text: string) => readFileSync(path, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;

const users = () =>
  table('public', 'users', {
    columns: [column('id', 'integer', { nullable: false }), column('email', 'character varying(10)'), column('fax', 'text'), column('age', 'integer')],
  });
const notes = () => table('public', 'notes', { columns: [column('id', 'integer', { nullable: false }), column('body', 'text')] });

/** A file ormdiff generated (header, warnings and all): the plan from `from` to `to`, after the base. */
async function generated(from: ReturnType<typeof schema>, to: ReturnType<typeof schema>): Promise<{ source: string; codes: string[] }> {
  const plan = planChanges(diffSchemas(from, to));
  const meta = { revision: 'bbb222', downRevision: BASE, message: 'case', createdAt: new Date(Date.UTC(2024, 0, 1)) };
  return { source: (await renderMigration(plan, meta)).source, codes: plan.warnings.map((w) => w.code) };
}

/** Adds lines at the end of the generated file's up(). */
const handAdded = (source: string, lines: string[]) =>
  source.replace(/(public async up\([^)]*\): Promise<void> \{[\s\S]*?)(\n  \}\n)/, (_m, body: string, end: string) => `${body}\n${lines.map((l) => `    ${l}`).join('\n')}${end}`);

describe('statements added by hand below the header of a generated file', () => {
  const before = () => schema({ tables: [users(), notes()], schemas: ['public', 'archive'] });
  const withPhone = () => schema({ tables: [{ ...users(), columns: [...users().columns, column('phone', 'text')] }, notes()], schemas: ['public', 'archive'] });

  test('as generated (a column added) the file passes; the header lists no warning', async () => {
    const file = await generated(before(), withPhone());
    expect(file.codes).toEqual([]);
    const report = await lintFile(withMigration(file.source));
    expect(report.results).toEqual([expect.objectContaining({ generated: true, findings: [], blocking: false })]);
  });

  test.each([
    ['a DROP TABLE', 'await queryRunner.query(`DROP TABLE "notes"`);', 'DS101', 'drop table public.notes (every row in it is deleted)'],
    ['queryRunner.dropTable', 'await queryRunner.dropTable("notes");', 'DS101', 'drop table public.notes (every row in it is deleted)'],
    ['queryRunner.dropColumn', 'await queryRunner.dropColumn("users", "fax");', 'DS102', 'drop column public.users.fax (its values are deleted)'],
  ])('%s fails lint with the code the planner gives that drop, on its line', async (_what, line, code, message) => {
    const file = await generated(before(), withPhone());
    const path = withMigration(handAdded(file.source, [line]));
    expect(readFileSync(path, 'utf8')).toContain('Revision ID: bbb222');
    const report = await lintFile(path);
    expect([report.output, report.blocking]).toEqual([expect.anything(), true]);
    expect(report.results[0].findings).toEqual([expect.objectContaining({ code, severity: 'error', message, line: lineOf(path, line), blocking: true })]);

    // The planner's code for the same drop.
    const dropped =
      code === 'DS101'
        ? schema({ tables: [{ ...users(), columns: [...users().columns, column('phone', 'text')] }], schemas: ['public', 'archive'] })
        : schema({ tables: [{ ...users(), columns: [column('id', 'integer', { nullable: false }), column('email', 'character varying(10)'), column('age', 'integer'), column('phone', 'text')] }, notes()], schemas: ['public', 'archive'] });
    expect(planChanges(diffSchemas(withPhone(), dropped)).warnings.map((w) => w.code)).toEqual([code]);
  });
});

test('a hand-written migration and a generated one with the same effect get the same findings', async () => {
  const without = schema({ tables: [{ ...users(), columns: users().columns.filter((c) => c.name !== 'fax') }, notes()], schemas: ['public', 'archive'] });
  const file = await generated(schema({ tables: [users(), notes()], schemas: ['public', 'archive'] }), without);
  const comparable = (r: LintReport) => r.results[0].findings.map(({ code, severity, message, blocking }) => ({ code, severity, message, blocking }));

  const fromGenerated = comparable(await lintFile(withMigration(file.source)));
  expect(fromGenerated).toEqual([{ code: 'DS102', severity: 'error', message: 'drop column public.users.fax (its values are deleted)', blocking: true }]);
  rmSync(join(dir, 'bbb222_case.ts'));
  expect(comparable(await lintFile(withMigration(classFile('bbb222', BASE, [q('ALTER TABLE users DROP COLUMN fax')]))))).toEqual(fromGenerated);
  expect(comparable(await lintFile(withMigration(classFile('bbb222', BASE, ['await queryRunner.dropColumn("users", "fax");']))))).toEqual(fromGenerated);
});

describe('what the schema diff alone cannot tell', () => {
  test("a migration's own staging table, created and dropped again, deletes nothing", async () => {
    expect(await findings([q('CREATE TABLE "staging" ("id" integer)'), q('INSERT INTO "staging" SELECT "id" FROM "users"'), q('DROP TABLE "staging"')])).toEqual([]);
  });

  test('an existing table or column dropped and made again under its name loses its rows', async () => {
    expect(await findings([q('DROP TABLE "notes"'), q('CREATE TABLE "notes" ("id" integer PRIMARY KEY, "body" text)')])).toEqual([['DS101', 'error']]);
    rmSync(join(dir, 'bbb222_case.ts'));
    expect(await findings([q('ALTER TABLE "users" DROP COLUMN "age"'), q('ALTER TABLE "users" ADD COLUMN "age" integer')])).toEqual([['DS102', 'error']]);
  });

  test('queryRunner.changeColumn that drops and re-adds a column is a drop (and a type change)', async () => {
    const up = ['await queryRunner.changeColumn("users", "age", new TableColumn({ name: "age", type: "text", isNullable: true }));'];
    const codes = (await findings(up)).map(([code]) => code);
    expect(codes).toContain('DS102');
  });

  test('an explicit rename keeps the data: no drop', async () => {
    expect((await findings([q('ALTER TABLE "users" RENAME COLUMN "fax" TO "telefax"')])).map(([code]) => code)).toEqual(['RN303']);
  });
});

/** Each case: its `up` lines and whether it runs in a transaction. */
type Case = { up: string[]; transaction?: boolean };

describe.each<[string, Case, Case]>([
  ['DS104', { up: [q('DROP SCHEMA "archive"')] }, { up: [q('CREATE SCHEMA "reports"')] }],
  ['TC202', { up: [q('ALTER TABLE "users" ALTER COLUMN "id" TYPE bigint')] }, { up: [q('ALTER TABLE "users" ALTER COLUMN "email" TYPE character varying(20)')] }],
  [
    'LK603',
    { up: [q('ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL')] },
    {
      up: [
        q('ALTER TABLE "users" ADD CONSTRAINT "users_email_not_null" CHECK ("email" IS NOT NULL) NOT VALID'),
        q('ALTER TABLE "users" VALIDATE CONSTRAINT "users_email_not_null"'),
        q('ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL'),
        q('ALTER TABLE "users" DROP CONSTRAINT "users_email_not_null"'),
      ],
    },
  ],
  [
    'LK604',
    { up: [q('ALTER TABLE "users" ADD CONSTRAINT "users_age_check" CHECK ("age" >= 0)')] },
    { up: [q('ALTER TABLE "users" ADD CONSTRAINT "users_age_check" CHECK ("age" >= 0) NOT VALID'), q('ALTER TABLE "users" VALIDATE CONSTRAINT "users_age_check"')] },
  ],
  [
    'LK606',
    { up: [q('ALTER TABLE "users" ADD CONSTRAINT "users_email_key" UNIQUE ("email")')] },
    {
      up: [q('CREATE UNIQUE INDEX CONCURRENTLY "users_email_key" ON "users" ("email")'), q('ALTER TABLE "users" ADD CONSTRAINT "users_email_key" UNIQUE USING INDEX "users_email_key"')],
      transaction: false,
    },
  ],
  ['DD502', { up: [q('ALTER TABLE "users" ADD COLUMN "score" integer NOT NULL')] }, { up: [q('ALTER TABLE "users" ADD COLUMN "score" integer NOT NULL DEFAULT 0')] }],
])('%s', (code, firing, quiet) => {
  test('fires on the statement that does it', async () => {
    const path = withMigration(classFile('bbb222', BASE, firing.up, firing));
    const report = await lintFile(path);
    const found = report.results[0].findings.filter((f) => f.code === code);
    expect(found).toEqual([expect.objectContaining({ code, severity: 'warning', line: lineOf(path, firing.up[0]), blocking: false })]);
  });

  test('stays silent on the safe form', async () => {
    expect((await findings(quiet.up, quiet)).map(([c]) => c)).not.toContain(code);
  });
});

describe('acknowledgements', () => {
  const drop = [q('ALTER TABLE "users" DROP COLUMN "fax"')];

  test('an ack with a reason, anywhere in the file, makes the error pass; the finding stays, marked', async () => {
    const report = await lintFile(withMigration(classFile('bbb222', BASE, drop, { above: '// ormdiff-ack: DS102 exported to the CRM first (PR #812)' })));
    expect(report.blocking).toBe(false);
    expect(report.results[0]).toMatchObject({ problems: [], findings: [{ code: 'DS102', acknowledged: 'exported to the CRM first (PR #812)', blocking: false }] });
  });

  test('an ack without a reason, for an unknown code, or for a code the file lacks acknowledges nothing and is reported', async () => {
    const above = ['// ormdiff-ack: DS102', '// ormdiff-ack: XX999 because', '// ormdiff-ack: LK601 not here'].join('\n');
    const report = await lintFile(withMigration(classFile('bbb222', BASE, drop, { above })));
    expect(report.blocking).toBe(true);
    expect(report.results[0].problems).toEqual([
      'bbb222_case.ts:1: ormdiff-ack: DS102 needs a reason',
      'bbb222_case.ts:2: ormdiff-ack names no known code: XX999',
      'bbb222_case.ts:3: ormdiff-ack: LK601 acknowledges no warning in this file',
    ]);
  });

  test('a comment is not a statement: a DROP in a comment runs nothing and finds nothing', async () => {
    expect(await findings(['// await queryRunner.query(`DROP TABLE "notes"`);', '/* DROP TABLE "users" */'])).toEqual([]);
  });
});

describe('the lint command', () => {
  const quiet = (): Output & { lines: string[] } => {
    const lines: string[] = [];
    const noop = () => undefined;
    return { lines, result: (t: string) => lines.push(t), info: noop, warn: noop, error: noop, debug: noop, verbose: false, progress: () => ({ tick: noop, log: noop, done: noop }) } as never;
  };

  test('reads a directory, prints file:line per finding, exits 1 on an unacknowledged error and 0 once acknowledged', async () => {
    const path = withMigration(classFile('bbb222', BASE, [q('ALTER TABLE "users" DROP COLUMN "fax"')]));
    writeFileSync(join(dir, 'notes.d.ts'), 'export {};');
    const report = await lint({ files: [dir], cwd: dir, scratchUrl: serverUrl() });
    expect(report.results.map((r) => r.file)).toEqual([`${BASE}_base.ts`, 'bbb222_case.ts']);
    expect(report.output).toContain(`bbb222_case.ts:${lineOf(path, 'DROP COLUMN')}: DS102 error: drop column public.users.fax (its values are deleted)`);

    const out = quiet();
    let code = 0;
    const [command] = lintCommands(() => out, (c) => (code = c));
    await (command.handler as (a: unknown) => Promise<void>)({ files: [path], cwd: dir, scratchUrl: serverUrl() });
    expect(code).toBe(1);
    expect(out.lines.join('\n')).toContain('1 error-level warning(s) not acknowledged');

    writeFileSync(path, `// ormdiff-ack: DS102 nobody reads it\n${readFileSync(path, 'utf8')}`);
    code = 0;
    await (command.handler as (a: unknown) => Promise<void>)({ files: [dir], scratchUrl: serverUrl() });
    expect(code).toBe(0);
    expect(out.lines.at(-1)).toContain('[acknowledged: nobody reads it]');
  });
});

test('without a server for its scratch database lint says so, and what to pass; exit code 3', async () => {
  const path = withMigration(classFile('bbb222', BASE, [q('ALTER TABLE "users" DROP COLUMN "fax"')]));
  const err = await lint({ files: [path], cwd: dir, scratchUrl: 'postgres://postgres:secret@127.0.0.1:1/postgres' }).catch((e) => e);
  expect(err.exitCode).toBe(3);
  expect(err.message).toMatch(/^lint replays the migrations on a scratch database and could not get one: .*; pass --scratch-url postgres:\/\/… \(a server to create it on\), or configure the database/);
  expect(err.message).not.toContain('secret');
});
