/**
 * The catalog read a `diff` keeps (src/api/kept-read.ts) through the built CLI: a second run on an
 * unchanged database reuses it and plans exactly what the first did; any change to the database
 * (the plan applied, a column added by hand) is seen by the next run. The kept file holds no secret.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, execSql, type TestDatabase } from '../../src/testing/database';
import { runCli, tempProject, withPassword } from './helpers';

let db: TestDatabase;
let project: ReturnType<typeof tempProject>;

const PASSWORD = 'kept-read-s3cret';

beforeAll(async () => {
  db = await createTestDatabase();
  project = tempProject('ormdiff-kept-read-', {
    'ormconfig.ts': `import { DataSource } from 'typeorm';\nexport default new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [__dirname + '/entities/*.entity.ts'] });\n`,
    'entities/author.entity.ts': `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';\n@Entity('authors')\nexport class Author {\n  @PrimaryGeneratedColumn()\n  id!: number;\n\n  @Column({ default: 0 })\n  books!: number;\n}\n`,
  });
});

afterAll(async () => {
  await db.drop();
  project.remove();
});

async function diffSql(): Promise<{ code: number; sql: string; catalog: string | undefined; roundTrips: number }> {
  const run = await runCli(['diff', '--format', 'sql'], { cwd: project.dir, env: { DATABASE_URL: withPassword(db.url, PASSWORD), ORMDIFF_TIMINGS: '1' } });
  const timings = /^ormdiff-timings (.*)$/m.exec(run.stderr);
  if (!timings) throw new Error(`no timings: ${run.stderr}`);
  const notes = JSON.parse(timings[1]) as { catalog?: string; roundTrips: number };
  return { code: run.code, sql: run.stdout, catalog: notes.catalog, roundTrips: notes.roundTrips };
}

test('an unchanged database: the kept read, the same plan; each change to it: read again and seen', async () => {
  const cold = await diffSql();
  expect(cold.catalog).toBe('read');
  expect(cold.sql).toMatch(/CREATE TABLE "public"\."authors"/);
  const warm = await diffSql();
  expect(warm.catalog).toBe('kept');
  expect(warm.sql).toBe(cold.sql);
  expect(warm.roundTrips).toBeLessThan(cold.roundTrips);

  // The plan applied: the next run reads the new catalog and finds nothing to do.
  await execSql(db.url, cold.sql);
  const applied = await diffSql();
  expect(applied.catalog).toBe('read');
  expect(applied.sql.trim()).toBe('');
  expect((await diffSql()).catalog).toBe('kept');

  // A column added by hand, and a default changed: each seen by the very next run.
  await execSql(db.url, 'ALTER TABLE public.authors ADD COLUMN nickname text');
  const added = await diffSql();
  expect(added.catalog).toBe('read');
  expect(added.sql).toMatch(/DROP COLUMN "nickname"/);
  await execSql(db.url, 'ALTER TABLE public.authors DROP COLUMN nickname; ALTER TABLE public.authors ALTER COLUMN books SET DEFAULT 1');
  const defaulted = await diffSql();
  expect(defaulted.catalog).toBe('read');
  expect(defaulted.sql).toMatch(/ALTER COLUMN "books" SET DEFAULT 0/);
  expect(defaulted.sql).not.toMatch(/nickname/);

  const kept = readdirSync(path.join(project.dir, '.ormdiff')).filter((f) => f.startsWith('catalog-'));
  expect(kept).toHaveLength(1);
  expect(readFileSync(path.join(project.dir, '.ormdiff', kept[0])).includes(PASSWORD)).toBe(false);
});
