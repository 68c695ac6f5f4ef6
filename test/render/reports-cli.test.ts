/** `ormdiff diff --format markdown|json` on a real database: the PR comment and the documented JSON. */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, execSql, type TestDatabase } from '../../src/testing/database';
import { ROOT, runCli } from '../cli/helpers';
import { schemaFromDoc, validate } from './json-schema';

let db: TestDatabase;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), 'ormdiff-reports-'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  mkdirSync(path.join(dir, 'entities'));
  writeFileSync(
    path.join(dir, 'entities/Note.ts'),
    `import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'notes' })
export class Note {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'notes_pkey' })
  id: number;

  @Index('notes_title_idx')
  @Column({ type: 'varchar', length: 200 })
  title: string;
}

@Entity({ name: 'tags' })
export class Tag {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'tags_pkey' })
  id: number;
}
`,
  );
  writeFileSync(
    path.join(dir, 'ormconfig.ts'),
    `import { DataSource } from 'typeorm';\nexport default new DataSource({ type: 'postgres', entities: ['entities/*.ts'] });\n`,
  );
  await execSql(db.url, `CREATE TABLE notes (id serial CONSTRAINT notes_pkey PRIMARY KEY, title varchar(80) NOT NULL, obsolete text)`);
});
afterAll(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

const diff = (format: string) => runCli(['diff', '--format', format], { cwd: dir, env: { DATABASE_URL: db.url } });

test('markdown: summary, warnings, a unified DDL diff per changed table, and the SQL', async () => {
  const run = await diff('markdown');
  expect(run.code).toBe(0);
  const md = run.stdout;
  // Names escaped for Markdown (src/render/markdown-text.ts): `public\.notes` renders as public.notes.
  expect(md).toMatch(/^\| public\\\.notes \| .*drop column public\\\.notes\\\.obsolete \*\*\(destructive\)\*\*.* \| DS102 \(warning\)/m);
  expect(md).toContain('### public\\.notes\n\n```diff\n--- a/public.notes.sql\n+++ b/public.notes.sql\n');
  expect(md).toContain('-  "title" character varying(80) NOT NULL,\n-  "obsolete" text,\n+  "title" character varying(200) NOT NULL,\n');
  expect(md).toContain('+CREATE INDEX "notes_title_idx" ON "public"."notes" USING btree ("title");\n');
  expect(md).toContain('### public\\.tags\n\n```diff\n--- /dev/null\n+++ b/public.tags.sql\n');
  expect(md).toMatch(/## Up \(\d+ statements\)\n\n```sql\n/);
});

test('json: the output validates against the JSON Schema in docs/json-format.md', async () => {
  const run = await diff('json');
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout);
  expect(validate(schemaFromDoc(), json)).toEqual([]);
  expect(json.format).toBe('ormdiff.plan/v1');
  expect(json.changes.map((c: { table: string }) => c.table)).toEqual(expect.arrayContaining(['public.notes', 'public.tags']));
});
