/**
 * The version tables' schema from the config (`ormdiff.versionSchema`), and equal to the schema the
 * entities live in: the runner creates it first, so the migrations neither create nor drop it.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, querySql, type TestDatabase } from '../../src/testing/database';
import { ROOT, runCli } from './helpers';

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), 'ormdiff-version-schema-'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  mkdirSync(path.join(dir, 'entities'));
  writeFileSync(
    path.join(dir, 'entities', 'Note.ts'),
    `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'notes', schema: 'app' })
export class Note {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  body: string;
}
`,
  );
  writeFileSync(
    path.join(dir, 'ormconfig.ts'),
    `import { DataSource } from 'typeorm';

export default new DataSource({ type: 'postgres', entities: [__dirname + '/entities/*.ts'] });

export const ormdiff = { versionSchema: 'app' };
`,
  );
});
afterAll(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[]) => runCli(args, { cwd: dir, env: { DATABASE_URL: db.url } });
const tablesIn = async (schema: string) =>
  (await querySql<{ tablename: string }>(db.url, 'SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY 1', [schema])).map((r) => r.tablename);

test('config versionSchema = the entities\' schema: autogenerate, upgrade, check, downgrade to base', async () => {
  const generated = await cli(['revision', '--autogenerate', '-m', 'notes']);
  expect(generated.code).toBe(0);
  const file = readdirSync(path.join(dir, 'migrations')).find((f) => f.endsWith('_notes.ts'))!;
  const source = readFileSync(path.join(dir, 'migrations', file), 'utf8');
  expect(source).toMatch(/CREATE TABLE "app"\."notes"/);
  expect(source).not.toMatch(/CREATE SCHEMA|DROP SCHEMA/);

  const up = await cli(['upgrade', 'head']);
  expect(up.stderr).not.toMatch(/ormdiff:/);
  expect(up.code).toBe(0);
  expect(await tablesIn('app')).toEqual(['notes', 'ormdiff_history', 'ormdiff_version']);
  expect(await tablesIn('public')).toEqual([]);

  const check = await cli(['check']);
  expect(check.stdout).toMatch(/agree/);
  expect(check.code).toBe(0);

  const down = await cli(['downgrade', 'base']);
  expect(down.code).toBe(0);
  expect(await tablesIn('app')).toEqual(['ormdiff_history', 'ormdiff_version']);
  // The flag still overrides the config.
  const elsewhere = await cli(['upgrade', 'head', '--version-schema', 'ops']);
  expect(elsewhere.code).toBe(0);
  expect(await tablesIn('ops')).toEqual(['ormdiff_history', 'ormdiff_version']);
});
