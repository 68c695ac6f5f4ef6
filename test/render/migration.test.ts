/**
 * The rendered TypeORM migration: it type-checks against TypeORM's own types, TypeORM's migration
 * runner accepts and runs it, and it leaves the same database as the plain SQL script does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DataSource, type MigrationInterface } from 'typeorm';
import * as ts from 'typescript';
import { diffSchemas } from '../../src/diff/diff';
import { planChanges } from '../../src/plan/plan';
import { className, renderMigration, slugify } from '../../src/render/migration';
import { renderPlanSql } from '../../src/render/sql';
import { emptySchema, type Schema } from '../../src/schema/model';
import { createTestDatabase, execSql, querySql, type TestDatabase } from '../../src/testing/database';
import { column, defaultOf, table } from '../diff/helpers/build';
import { TO } from '../diff/helpers/models';
import { dumpSchema } from '../diff/helpers/pgdump';

/** A default and a comment holding everything a template literal would otherwise interpret. */
const TRICKY = 'a`b${c}\\d';
const tricky = table('public', 'tricky', {
  columns: [
    column('id', 'integer', { nullable: false }),
    column('s', 'text', { valueSource: defaultOf(`'${TRICKY}'::text`), comment: `note ${TRICKY}` }),
  ],
  primaryKey: { name: 'tricky_pkey', columns: ['id'] },
});
const TARGET: Schema = { ...TO, tables: [...TO.tables, tricky] };
const EMPTY = emptySchema(['public']);
/** TypeORM's own bookkeeping, not part of the schema under test. */
const MIGRATIONS_TABLE = ['public.migrations', 'public.migrations_id_seq'];
const META = {
  revision: 'a1b2c3d4e5f6',
  downRevision: null,
  message: 'Create tasks & projects */ first release!',
  createdAt: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)),
};

function typeErrors(fileName: string, source: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ormdiff-migration-'));
  try {
    const file = join(dir, fileName);
    writeFileSync(file, source);
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      types: [],
      baseUrl: dir,
      paths: { typeorm: [dirname(require.resolve('typeorm'))] },
    });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function loadClass(source: string): new () => MigrationInterface {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const module = { exports: {} as Record<string, new () => MigrationInterface> };
  new Function('exports', 'require', 'module', js)(module.exports, require, module);
  return Object.values(module.exports)[0];
}

describe('renderMigration', () => {
  const plan = planChanges(diffSchemas(EMPTY, TARGET));
  let viaTypeorm: TestDatabase;
  let viaSql: TestDatabase;
  let dataSource: DataSource | undefined;

  beforeAll(async () => {
    [viaTypeorm, viaSql] = await Promise.all([createTestDatabase('ormdiff_mig'), createTestDatabase('ormdiff_mig')]);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await Promise.all([viaTypeorm?.drop(), viaSql?.drop()]);
  });

  test('file name, class name and header', async () => {
    const { fileName, source } = await renderMigration(plan, META);
    expect(fileName).toBe('a1b2c3d4e5f6_create_tasks_projects_first_release.ts');
    expect(source).toContain(
      'export class CreateTasksProjectsFirstRelease1704164645678 implements MigrationInterface {',
    );
    expect(source).toContain(' * Create tasks & projects *\\/ first release!\n');
    expect(source).toContain(
      ' * Revision ID: a1b2c3d4e5f6\n * Revises: (none)\n * Create Date: 2024-01-02T03:04:05.678Z\n',
    );
    expect(source).toContain(' *   - create table public.tasks\n');
    expect(source).toContain('downRevision: string | string[] | null = null;');
    // TypeORM's default "all" mode refuses a migration that declares `transaction` at all.
    expect(source).not.toMatch(/\btransaction\s*=/);
  });

  test('it type-checks against TypeORM', async () => {
    const { fileName, source } = await renderMigration(plan, META);
    expect(typeErrors(fileName, source)).toEqual([]);
  });

  test("TypeORM's runner runs up and down to the same databases as the SQL script", async () => {
    const { source } = await renderMigration(plan, META);
    dataSource = new DataSource({
      type: 'postgres',
      url: viaTypeorm.url,
      migrations: [loadClass(source)],
      migrationsTransactionMode: 'each',
    });
    await dataSource.initialize();
    const emptyDump = await dumpSchema(viaSql.url);

    expect((await dataSource.runMigrations()).map((m) => m.name)).toEqual([
      'CreateTasksProjectsFirstRelease1704164645678',
    ]);
    await execSql(viaSql.url, renderPlanSql(plan, 'up'));
    expect(await dumpSchema(viaTypeorm.url, MIGRATIONS_TABLE)).toBe(await dumpSchema(viaSql.url));

    expect(await querySql(viaTypeorm.url, 'INSERT INTO public.tricky (id) VALUES (1) RETURNING s')).toEqual([
      { s: TRICKY },
    ]);
    expect(await querySql(viaTypeorm.url, "SELECT col_description('public.tricky'::regclass, 2) AS c")).toEqual([
      { c: `note ${TRICKY}` },
    ]);

    await dataSource.undoLastMigration();
    expect(await dumpSchema(viaTypeorm.url, MIGRATIONS_TABLE)).toBe(emptyDump);
  });

  test('warnings sit above the statement they concern; several parents are listed', async () => {
    const users = table('public', 'users', { columns: [column('id', 'integer'), column('age', 'integer')] });
    const small = planChanges(
      diffSchemas({ ...EMPTY, tables: [users] }, { ...EMPTY, tables: [{ ...users, columns: [users.columns[0]] }] }),
    );
    const { source } = await renderMigration(small, { ...META, downRevision: ['abc', 'def'], message: 'drop age' });
    expect(source).toMatch(
      /\/\/ WARNING DS102: drop column public\.users\.age \(its values are deleted\)\n\s*await queryRunner\.query\(\s*`ALTER TABLE "public"\."users" DROP COLUMN "age"`/,
    );
    expect(source).toContain(' *   - DS102 warning: drop column public.users.age (its values are deleted)\n');
    expect(source).toContain(' * Revises: abc, def\n');
    expect(source).toContain('downRevision: string | string[] | null = ["abc", "def"];');
  });
});

describe('names', () => {
  test.each([
    ['Add users.age column', 'add_users_age_column'],
    ['  ', 'migration'],
    ['a very long message that goes on and on well past forty characters', 'a_very_long_message_that_goes_on_and_on'],
    ['Ünïcode — accents folded, other marks dropped 2', 'unicode_accents_folded_other_marks'],
  ])('slugify(%j) = %j', (message, slug) => {
    expect(slugify(message)).toBe(slug);
  });

  test('class names end with a 13-digit timestamp and start with a letter', () => {
    expect(className('add_age', new Date(5))).toBe('AddAge0000000000005');
    expect(className('2fa', new Date(1704164645678))).toBe('Migration2fa1704164645678');
  });
});
