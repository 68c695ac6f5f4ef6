/**
 * The main job as a user runs it: autogenerate, upgrade, and autogenerate again; on a copy of the
 * example project in a temporary directory.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, querySql, type TestDatabase } from '../../src/testing/database';
import { ROOT, runCli } from './helpers';

let db: TestDatabase;
let project: string;
const migrations = () => readdirSync(path.join(project, 'migrations')).filter((f) => f.endsWith('.ts')).sort();

beforeAll(async () => {
  db = await createTestDatabase();
  project = mkdtempSync(path.join(os.tmpdir(), 'ormdiff-project-'));
  cpSync(path.join(ROOT, 'entities'), path.join(project, 'entities'), { recursive: true });
  cpSync(path.join(ROOT, 'ormconfig.ts'), path.join(project, 'ormconfig.ts'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
});
afterAll(async () => {
  await db.drop();
  rmSync(project, { recursive: true, force: true });
});

const cli = (args: string[]) => runCli(args, { cwd: project, env: { DATABASE_URL: db.url } });

test('autogenerate → upgrade → autogenerate again finds nothing; an edit gives the next revision', async () => {
  const first = await cli(['revision', '--autogenerate', '-m', 'initial schema']);
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/Generating .*migrations\/[0-9a-f]{12}_initial_schema\.ts \.\.\. done/);
  expect(migrations()).toHaveLength(1);
  const source = readFileSync(path.join(project, 'migrations', migrations()[0]), 'utf8');
  expect(source).toMatch(/implements MigrationInterface/);
  expect(source).toMatch(/create table public\.users/);

  // Not at head: refuses rather than generating the same changes twice.
  const early = await cli(['revision', '--autogenerate', '-m', 'too early']);
  expect(early.code).toBe(2);
  expect(early.stderr).toMatch(/Target database is not up to date/);
  expect(migrations()).toHaveLength(1);

  expect((await cli(['upgrade', 'head'])).code).toBe(0);
  const none = await cli(['revision', '--autogenerate', '-m', 'nothing']);
  expect(none.code).toBe(0);
  expect(none.stdout.trim()).toBe('No changes detected');
  expect(migrations()).toHaveLength(1);

  // A model edit: a new nullable column on profiles.
  const profile = path.join(project, 'entities/Profile.ts');
  writeFileSync(
    profile,
    readFileSync(profile, 'utf8').replace(
      "  @OneToOne('User'",
      "  @Column({ type: 'varchar', length: 200, nullable: true })\n  website: string | null;\n\n  @OneToOne('User'",
    ),
  );
  const second = await cli(['revision', '--autogenerate', '-m', 'add website']);
  expect(second.code).toBe(0);
  expect(migrations()).toHaveLength(2);
  const added = readFileSync(path.join(project, 'migrations', migrations().find((f) => f.endsWith('_add_website.ts'))!), 'utf8');
  expect(added).toMatch(/ADD COLUMN "website" character varying\(200\)/);
  expect(added).toMatch(/downRevision: string \| string\[\] \| null = "[0-9a-f]{12}"/);

  expect((await cli(['upgrade'])).code).toBe(0);
  const cols = await querySql(db.url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'profiles' AND column_name = 'website'");
  expect(cols).toHaveLength(1);
  expect((await cli(['diff'])).stdout.trim()).toBe('No changes detected');

  // down restores: the column goes away, the first revision stays.
  expect((await cli(['downgrade', '-1'])).code).toBe(0);
  const after = await querySql(db.url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'profiles' AND column_name = 'website'");
  expect(after).toHaveLength(0);
  const current = await cli(['current']);
  expect(current.stdout).toMatch(/initial schema/);
  // Two cold compiles of the entities (the first run, the edit) by the TypeScript compiler.
}, 240_000);
