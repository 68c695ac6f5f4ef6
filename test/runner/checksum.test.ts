/**
 * The checksum covers the code a migration runs: prettier with any options, an editor's layout and
 * comments keep it; any change to a statement, an argument, a call or the transaction flag changes it.
 */
import { format } from 'prettier';
import { checksumMatches, codeChecksum } from '../../src/runner/checksum';

const SOURCE = `/**
 * add phone
 *
 * Revision ID: bbb222
 */
import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

export class AddPhone1700000000000 implements MigrationInterface {
  name = "AddPhone1700000000000";
  revision = "bbb222";
  downRevision: string | string[] | null = "aaa111";
  transaction = true;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`ALTER TABLE "users" ADD "phone" text\`);
    await queryRunner.addColumn("users", new TableColumn({ name: "fax", type: "text", isNullable: true }));
    const batch = [1, 2, 3].map((n) => n * (2 + 3));
    for (const n of batch) await queryRunner.query(\`UPDATE "users" SET "n" = $1\`, [n]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {}
}
`;

const sum = (source: string) => codeChecksum(source, 'm.ts');

test.each([
  ['printWidth 40, single quotes, no semicolons', { printWidth: 40, singleQuote: true, semi: false }],
  ['tabs, no trailing commas', { useTabs: true, trailingComma: 'none' as const }],
  ['printWidth 200 without bracket spacing', { printWidth: 200, bracketSpacing: false }],
])('prettier with %s keeps the checksum', async (_what, options) => {
  const formatted = await format(SOURCE, { parser: 'typescript', ...options });
  expect(formatted).not.toBe(SOURCE);
  expect(sum(formatted)).toBe(sum(SOURCE));
});

test('comments, blank lines and redundant parentheses keep the checksum', () => {
  const edited = SOURCE.replace('Revision ID: bbb222', 'Revision ID: bbb222\n * reviewed by ops')
    .replace('  public async up', '  // adds the phone column\n\n  public async up')
    .replace('n * (2 + 3)', '(n * (2 + 3)) /* five */')
    .replace('Promise<void> {}', 'Promise<void> {\n\n  }');
  expect(sum(edited)).toBe(sum(SOURCE));
});

test.each([
  ['the SQL of a statement', (s: string) => s.replace('ADD "phone" text', 'ADD "phone" varchar(20)')],
  ['an argument of a schema-builder call', (s: string) => s.replace('isNullable: true', 'isNullable: false')],
  ['a call', (s: string) => s.replace('queryRunner.addColumn("users"', 'queryRunner.dropColumn("users"')],
  ['the transaction flag', (s: string) => s.replace('transaction = true', 'transaction = false')],
  ['an expression (parentheses that matter)', (s: string) => s.replace('n * (2 + 3)', 'n * 2 + 3')],
  ['a statement added', (s: string) => s.replace('Promise<void> {}', 'Promise<void> {\n    await queryRunner.query(`DROP TABLE "users"`);\n  }')],
])('a change to %s changes the checksum', (_what, edit) => {
  const edited = edit(SOURCE);
  expect(edited).not.toBe(SOURCE);
  expect(sum(edited)).not.toBe(sum(SOURCE));
});

test('a recorded checksum matches by its algorithm: the code for code-v1, the bytes for an old bare sha256', () => {
  const file = { checksum: sum(SOURCE), byteChecksum: 'a'.repeat(64) };
  expect(checksumMatches(file.checksum, file)).toBe(true);
  expect(checksumMatches('a'.repeat(64), file)).toBe(true);
  expect(checksumMatches('b'.repeat(64), file)).toBe(false);
  expect(checksumMatches(`code-v1:${'c'.repeat(64)}`, file)).toBe(false);
});
