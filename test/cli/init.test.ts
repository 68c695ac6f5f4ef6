/** `ormdiff init` in temporary copies of TypeORM projects of the usual shapes. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dataSourceExport, withGitignoreEntry } from '../../src/api/scaffold';
import { createTestDatabase, type TestDatabase } from '../../src/testing/database';
import { ROOT, runCli } from './helpers';

let db: TestDatabase;
const dirs: string[] = [];
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const ENTITY = `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'notes' })
export class Note {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  body: string;
}
`;

/** A project with the given files (relative path → content), able to resolve typeorm. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ormdiff-init-'));
  dirs.push(dir);
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const cli = (dir: string, args: string[]) => runCli(args, { cwd: dir, env: { DATABASE_URL: db.url } });

/** The proof that the written config works: ormdiff reads the entities through it. */
async function expectNotesTable(dir: string) {
  const sql = await cli(dir, ['diff', '--format', 'sql']);
  expect(sql.stderr).toBe('');
  expect(sql.code).toBe(0);
  expect(sql.stdout).toContain('CREATE TABLE "public"."notes"');
}

test("the TypeORM CLI layout: ormconfig.ts re-exports src/data-source.ts's AppDataSource; a second run changes nothing", async () => {
  const dir = project({
    'src/entity/Note.ts': ENTITY,
    'src/data-source.ts': `import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Note } from './entity/Note';

export const AppDataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [Note] });
`,
    '.gitignore': 'node_modules\ndist',
  });
  const first = await cli(dir, ['init']);
  expect(first.code).toBe(0);
  expect(first.stdout.split('\n').filter(Boolean)).toEqual([
    'created ormconfig.ts  (uses AppDataSource of src/data-source.ts)',
    'created migrations/',
    'created migrations/ormdiff.hints.json  (rename hints for the diff)',
    'updated .gitignore  (ignores .ormdiff/)',
  ]);
  expect(read(dir, 'ormconfig.ts')).toMatch(/^import \{ AppDataSource \} from '\.\/src\/data-source';\n[\s\S]*^export default AppDataSource;$/m);
  expect(read(dir, 'ormconfig.ts')).toContain("migrationsDir: 'migrations'");
  expect(JSON.parse(read(dir, 'migrations/ormdiff.hints.json'))).toEqual({ renames: [] });
  expect(read(dir, '.gitignore')).toBe('node_modules\ndist\n.ormdiff/\n');
  await expectNotesTable(dir);

  const files = ['ormconfig.ts', 'migrations/ormdiff.hints.json', '.gitignore'].map((f) => read(dir, f));
  const second = await cli(dir, ['init']);
  expect(second.code).toBe(0);
  expect(second.stdout.split('\n').filter(Boolean).every((l) => l.startsWith('kept '))).toBe(true);
  expect(['ormconfig.ts', 'migrations/ormdiff.hints.json', '.gitignore'].map((f) => read(dir, f))).toEqual(files);
  // The hints file is not mistaken for a migration.
  expect((await cli(dir, ['heads'])).code).toBe(0);
});

test('a default-exported DataSource found outside the usual places; no .gitignore yet', async () => {
  const dir = project({
    'src/models/note.ts': ENTITY,
    'src/infra/database.ts': `import { DataSource } from 'typeorm';
import { Note } from '../models/note';

const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [Note] });
export default dataSource;
`,
  });
  const run = await cli(dir, ['init']);
  expect(run.code).toBe(0);
  expect(read(dir, 'ormconfig.ts')).toMatch(/^import dataSource from '\.\/src\/infra\/database';$/m);
  expect(read(dir, '.gitignore')).toBe('.ormdiff/\n');
  await expectNotesTable(dir);
});

test('no DataSource at all: a config of its own over the directories holding @Entity classes, and a warning', async () => {
  const dir = project({ 'src/models/note.ts': ENTITY, 'src/index.ts': 'export {};\n' });
  const run = await cli(dir, ['init']);
  expect(run.code).toBe(0);
  expect(run.stderr).toMatch(/warning: no TypeORM DataSource found to import; ormconfig\.ts has its own, with entities src\/models\/\*\.ts/);
  expect(read(dir, 'ormconfig.ts')).toContain("entities: ['src/models/*.ts']");
  await expectNotesTable(dir);
});

test('entities deeply nested (a monorepo package) are found, whatever the depth', async () => {
  const dir = project({ 'packages/api/src/modules/billing/domain/entities/note.entity.ts': ENTITY, 'src/index.ts': 'export {};\n' });
  const run = await cli(dir, ['init']);
  expect(run.code).toBe(0);
  expect(read(dir, 'ormconfig.ts')).toContain("entities: ['packages/api/src/modules/billing/domain/entities/*.ts']");
  await expectNotesTable(dir);
});

test('an existing migrations/ of TypeORM migrations is adopted as it is; a file of neither kind is warned about', async () => {
  const dir = project({
    'src/entity/Note.ts': ENTITY,
    'src/data-source.ts': `import { DataSource } from 'typeorm';\nexport default new DataSource({ type: 'postgres', entities: ['src/entity/*.ts'] });\n`,
    'migrations/1700000000000-Init.ts': `export class Init1700000000000 { async up() {} async down() {} }\n`,
    'migrations/1700000000001-Notes.ts': `export class Notes1700000000001 { async up() {} async down() {} }\n`,
  });
  const run = await cli(dir, ['init']);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('kept    migrations/  (2 TypeORM migration(s) adopted as they are)');
  expect(run.stdout).toContain("Adopted 2 TypeORM migration(s) in migrations as they are, in TypeORM's order: Init1700000000000 … Notes1700000000001");
  expect(run.stdout).toContain('new revisions continue after Notes1700000000001');
  expect(run.stderr).not.toContain('warning');
  writeFileSync(path.join(dir, 'migrations/helper.ts'), 'export const x = 1;\n');
  const again = await cli(dir, ['init']);
  expect(again.stderr).toMatch(/warning: migrations\/ holds files that are neither ormdiff revisions nor TypeORM migrations named by a timestamp \(helper\.ts\).*--migrations-dir/);
  const elsewhere = await cli(dir, ['init', '--migrations-dir', 'db/revisions', '--config', 'ormdiff.config.ts']);
  expect(elsewhere.code).toBe(0);
  expect(read(dir, 'ormdiff.config.ts')).toContain("migrationsDir: 'db/revisions'");
  expect(JSON.parse(read(dir, 'db/revisions/ormdiff.hints.json'))).toEqual({ renames: [] });
});

test("the DataSource's own migrations folder is where ormdiff adopts them", async () => {
  const dir = project({
    'src/entity/Note.ts': ENTITY,
    'src/data-source.ts':
      `import { DataSource } from 'typeorm';\nexport const AppDataSource = new DataSource({ type: 'postgres', entities: ['src/entity/*.ts'], migrations: ['src/migrations/*.ts'] });\n`,
    'src/migrations/1700000000000-Init.ts': `export class Init1700000000000 { async up() {} async down() {} }\n`,
  });
  const run = await cli(dir, ['init']);
  expect(run.code).toBe(0);
  expect(read(dir, 'ormconfig.ts')).toContain("migrationsDir: 'src/migrations'");
  expect(run.stdout).toContain('Adopted 1 TypeORM migration(s) in src/migrations');
  expect(JSON.parse(read(dir, 'src/migrations/ormdiff.hints.json'))).toEqual({ renames: [] });
});

test('--data-source naming a file without a DataSource is a usage error, and nothing is written', async () => {
  const dir = project({ 'src/app.ts': 'export const x = 1;\n' });
  const run = await cli(dir, ['init', '--data-source', 'src/app.ts']);
  expect(run.code).toBe(2);
  expect(run.stderr.trim()).toBe(
    'ormdiff: --data-source src/app.ts does not export a DataSource (export default new DataSource(…) or export const X = new DataSource(…))',
  );
  expect(() => read(dir, 'ormconfig.ts')).toThrow(/ENOENT/);
});

describe('pure parts', () => {
  test.each([
    ['export const AppDataSource = new DataSource({})', { kind: 'named', name: 'AppDataSource' }],
    ['export const ds: DataSource = new DataSource({})', { kind: 'named', name: 'ds' }],
    ['export default new DataSource({})', { kind: 'default' }],
    ['const ds = new DataSource({});\nexport default ds;', { kind: 'default' }],
    ['const ds = new DataSource({});\nexport { ds, other };', { kind: 'named', name: 'ds' }],
    ['const ds = new DataSource({}); // not exported', undefined],
    ['export const options = { type: "postgres" }', undefined],
  ])('%s', (source, expected) => {
    expect(dataSourceExport(source)).toEqual(expected);
  });

  test('.gitignore: added once, an existing entry in any spelling counts', () => {
    expect(withGitignoreEntry('', '.ormdiff/')).toBe('.ormdiff/\n');
    expect(withGitignoreEntry('dist', '.ormdiff/')).toBe('dist\n.ormdiff/\n');
    for (const existing of ['.ormdiff', '.ormdiff/', '/.ormdiff', '/.ormdiff/']) {
      expect(withGitignoreEntry(`dist\n${existing}\n`, '.ormdiff/')).toBe(`dist\n${existing}\n`);
    }
  });
});
