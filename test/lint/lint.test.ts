/**
 * `ormdiff lint`: error-level warnings in a generated file block until acknowledged with a reason;
 * hand-written files are read statement by statement; the command exits 1 on a blocking file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../src/api/lint';
import { lintCommands } from '../../src/cli/lint-command';
import type { Output } from '../../src/cli/output';
import { diffSchemas } from '../../src/diff/diff';
import { lintSource } from '../../src/lint/lint';
import { factKey } from '../../src/plan/facts';
import { planChanges, withCounts } from '../../src/plan/plan';
import { renderMigration } from '../../src/render/migration';
import { column, schema, table } from '../diff/helpers/build';

const users = (...extra: ReturnType<typeof column>[]) => table('public', 'users', { columns: [column('id', 'integer'), ...extra] });

async function generated(): Promise<string> {
  const plan = planChanges(diffSchemas(schema({ tables: [users(column('fax', 'text'))] }), schema({ tables: [users()] })));
  const counted = withCounts(plan, new Map([[factKey({ kind: 'nonNulls', table: { schema: 'public', name: 'users' }, column: 'fax' }), 3]]));
  const meta = { revision: 'a1b2c3d4e5f6', downRevision: null, message: 'drop fax', createdAt: new Date(Date.UTC(2024, 0, 1)) };
  return (await renderMigration(counted, meta)).source;
}

const ack = (source: string, line: string) => source.replace('export class', `${line}\nexport class`);

describe('generated migrations', () => {
  test('the header lists the counted warning; it blocks until acknowledged with a reason', async () => {
    const source = await generated();
    expect(source).toContain(' *   - DS102 error: drop column public.users.fax deletes 3 non-null values');
    expect(source).toContain('// WARNING DS102: drop column public.users.fax deletes 3 non-null values');
    const plain = lintSource(source, 'm.ts');
    expect(plain).toMatchObject({ generated: true, blocking: true, problems: [] });
    expect(plain.findings).toEqual([expect.objectContaining({ code: 'DS102', severity: 'error', from: 'header', blocking: true })]);

    const acked = lintSource(ack(source, '// ormdiff-ack: DS102 exported to the CRM first (PR #812)'), 'm.ts');
    expect(acked.blocking).toBe(false);
    expect(acked.findings[0]).toMatchObject({ acknowledged: 'exported to the CRM first (PR #812)', blocking: false });
  });

  test('the ack counts wherever it is: above the header (line 1) or beside the statement; the file stays generated', async () => {
    const source = await generated();
    const headerLine = source.split('\n').findIndex((l) => l.includes('- DS102 error:')) + 1;

    const above = lintSource(`// ormdiff-ack: DS102 exported to the CRM first\n\n${source}`, 'm.ts');
    expect(above).toMatchObject({ generated: true, blocking: false, problems: [] });
    // Still read from the header (not statement by statement), its line counted from the top of the file.
    expect(above.findings).toEqual([
      expect.objectContaining({ code: 'DS102', from: 'header', line: headerLine + 2, acknowledged: 'exported to the CRM first', blocking: false }),
    ]);

    const licensed = lintSource(`/* Copyright ACME */\n${source}`, 'm.ts');
    expect(licensed).toMatchObject({ generated: true, blocking: true });
    expect(licensed.findings[0]).toMatchObject({ from: 'header', line: headerLine + 1 });

    const beside = source.replace(/^(\s*)(\/\/ WARNING DS102:)/m, '$1// ormdiff-ack: DS102 exported to the CRM first\n$1$2');
    expect(beside).not.toBe(source);
    expect(lintSource(beside, 'm.ts')).toMatchObject({ generated: true, blocking: false, problems: [] });
  });

  test('an ack without a reason, for an unknown code, or for a code the file lacks acknowledges nothing and is reported', async () => {
    const source = await generated();
    const r = lintSource(ack(source, '// ormdiff-ack: DS102\n// ormdiff-ack: XX999 because\n// ormdiff-ack: LK601 not here'), 'm.ts');
    expect(r.blocking).toBe(true);
    expect(r.problems).toEqual([
      expect.stringMatching(/m\.ts:\d+: ormdiff-ack: DS102 needs a reason/),
      expect.stringMatching(/ormdiff-ack names no known code: XX999/),
      expect.stringMatching(/ormdiff-ack: LK601 acknowledges no warning in this file/),
    ]);
  });
});

test('hand-written migrations are read statement by statement', () => {
  const source = `
export class Manual1700000000000 {
  async up(queryRunner: any) {
    await queryRunner.query(\`ALTER TABLE "users" DROP COLUMN "fax"\`);
    await queryRunner.query('CREATE INDEX "i" ON "users" ("email")');
    await queryRunner.query("CREATE INDEX CONCURRENTLY \\"j\\" ON users (name)");
    await queryRunner.query(\`ALTER TABLE "a" ADD CONSTRAINT "fk" FOREIGN KEY ("b") REFERENCES "c" ("id") NOT VALID\`);
  }
}`;
  const r = lintSource(source, 'manual.ts');
  expect(r.generated).toBe(false);
  expect(r.findings.map((f) => [f.code, f.severity, f.line, f.blocking])).toEqual([
    ['DS102', 'error', 4, true],
    ['LK601', 'warning', 5, false],
  ]);
  expect(lintSource(source.replace('async up', '// ormdiff-ack: DS102 column unused since v2\n  async up'), 'manual.ts').blocking).toBe(false);
});

/** A hand-written migration class; each method body is a list of source lines. */
const manual = (up: string[], down: string[]) =>
  [
    'export class Reports1700000000000 {',
    '  public async up(queryRunner: QueryRunner): Promise<void> {',
    ...up.map((l) => `    ${l}`),
    '  }',
    '',
    '  public async down(queryRunner: QueryRunner): Promise<void> {',
    ...down.map((l) => `    ${l}`),
    '  }',
    '}',
  ].join('\n');

test('only up() is read: a destructive down() is what undoing the migration means', () => {
  const create = 'await queryRunner.query(`CREATE TABLE "t" ("id" serial PRIMARY KEY, "tags" jsonb DEFAULT \'{}\')`);';
  const drop = 'await queryRunner.query(`DROP TABLE "t"`);';
  expect(lintSource(manual([create], [drop]), 'manual.ts')).toMatchObject({ generated: false, findings: [], problems: [], blocking: false });

  // A drop in up() blocks. Braces in SQL text, inside ${…} and in comments do not end up() early,
  // and a call that is commented out runs nothing.
  const tricky = [
    create,
    "await queryRunner.query(`UPDATE t SET tags = '${JSON.stringify({ a: '}' })}'`); // }",
    '// await queryRunner.query(`DROP TABLE "old"`);',
    "await queryRunner.query('DROP TABLE \"t\"');",
  ];
  const r = lintSource(manual(tricky, [drop]), 'manual.ts');
  expect(r.findings.map((f) => [f.code, f.line, f.message, f.blocking])).toEqual([['DS101', 6, 'drops a table and every row in it: DROP TABLE "t"', true]]);

  // Without an up() method to find, the whole file is read: a hazard is never missed for want of structure.
  expect(lintSource(drop, 'script.ts').findings.map((f) => f.code)).toEqual(['DS101']);
});

describe('the lint command', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ormdiff-lint-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const quiet = (): Output & { lines: string[] } => {
    const lines: string[] = [];
    const noop = () => undefined;
    return { lines, result: (t: string) => lines.push(t), info: noop, warn: noop, error: noop, debug: noop, verbose: false, progress: () => ({ tick: noop, log: noop, done: noop }) } as never;
  };

  test('reads a directory, prints file:line per finding, exits 1 on an unacknowledged error and 0 once acknowledged', async () => {
    const source = await generated();
    writeFileSync(join(dir, 'a1b2c3d4e5f6_drop_fax.ts'), source);
    writeFileSync(join(dir, 'notes.d.ts'), 'export {};');
    const report = await lint({ files: [dir], cwd: dir });
    expect(report.results.map((r) => r.file)).toEqual(['a1b2c3d4e5f6_drop_fax.ts']);
    expect(report.output).toMatch(/^a1b2c3d4e5f6_drop_fax\.ts:\d+: DS102 error: drop column public\.users\.fax deletes 3 non-null values/);

    const out = quiet();
    let code = 0;
    const [command] = lintCommands(() => out, (c) => (code = c));
    await (command.handler as (a: unknown) => Promise<void>)({ files: [join(dir, 'a1b2c3d4e5f6_drop_fax.ts')] });
    expect(code).toBe(1);
    expect(out.lines.join('\n')).toContain('1 error-level warning(s) not acknowledged');

    writeFileSync(join(dir, 'a1b2c3d4e5f6_drop_fax.ts'), ack(source, '// ormdiff-ack: DS102 nobody reads it'));
    code = 0;
    await (command.handler as (a: unknown) => Promise<void>)({ files: [dir] });
    expect(code).toBe(0);
    expect(out.lines.at(-1)).toContain('[acknowledged: nobody reads it]');
  });
});
