/**
 * The model cache (src/entities/model-cache.ts) through the built CLI, as a user's repeated runs meet
 * it: a warm run reuses the model and plans exactly what a cold one does, and any change to what the
 * model was built from (an entity file, a file it imports, a new file the globs match, a variable an
 * entity reads) builds it again. The record holds no secret.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../src/testing/database';
import { spawnSync } from 'node:child_process';
import { BIN, runCli, tempProject, withPassword } from './helpers';

let db: TestDatabase;
let dir: string;

const PASSWORD = 'model-cache-s3cret';

const entity = (name: string, table: string, body: string, imports = ''): string =>
  `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';\n${imports}\n` +
  `@Entity('${table}')\nexport class ${name} {\n  @PrimaryGeneratedColumn()\n  id!: number;\n\n${body}\n}\n`;

function write(file: string, text: string): void {
  writeFileSync(path.join(dir, file), text);
}

beforeAll(async () => {
  db = await createTestDatabase();
  dir = tempProject('ormdiff-model-cache-', {}).dir;
  // The URL (with its password) comes from the environment, as in most projects.
  write('ormconfig.ts', `import { DataSource } from 'typeorm';\nexport default new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [__dirname + '/entities/*.entity.ts'] });\n`);
  mkdirSync(path.join(dir, 'entities'));
  write('entities/limits.ts', `export const NAME_LENGTH = 40;\n`);
  write('entities/author.entity.ts', entity('Author', 'authors', `  @Column({ length: NAME_LENGTH })\n  name!: string;`, `import { NAME_LENGTH } from './limits';`));
  write('entities/book.entity.ts', entity('Book', 'books', `  @Column({ length: Number(process.env.TITLE_LENGTH ?? 100) })\n  title!: string;`));
});

afterAll(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

const urlWithPassword = (): string => withPassword(db.url, PASSWORD);

interface Run {
  code: number;
  sql: string;
  cache: string | undefined;
  /** 'cached' when the config itself was not evaluated. */
  config: string | undefined;
  stderr: string;
}

async function diffSql(env: Record<string, string | undefined> = {}): Promise<Run> {
  const run = await runCli(['diff', '--format', 'sql'], { cwd: dir, env: { DATABASE_URL: urlWithPassword(), ORMDIFF_TIMINGS: '1', ...env } });
  const timings = /^ormdiff-timings (.*)$/m.exec(run.stderr);
  const notes = timings ? (JSON.parse(timings[1]) as { modelCache?: string; config?: string }) : {};
  return { code: run.code, sql: run.stdout, cache: notes.modelCache, config: notes.config, stderr: run.stderr };
}

const records = (): string[] => readdirSync(path.join(dir, '.ormdiff')).filter((f) => f.startsWith('model-'));

test('a second run reuses the model and plans exactly what the first did', async () => {
  const cold = await diffSql();
  expect(cold.code).toBe(0);
  expect(cold.cache).toBe('miss');
  expect(cold.sql).toMatch(/CREATE TABLE "public"\."authors"/);
  const warm = await diffSql();
  expect(warm.cache).toBe('hit');
  // Nothing changed and the URL is given: not even the config is evaluated.
  expect(warm.config).toBe('cached');
  expect(warm.code).toBe(cold.code);
  expect(warm.sql).toBe(cold.sql);
});

test('the record holds neither the password nor the URL', () => {
  const [record] = records();
  const bytes = readFileSync(path.join(dir, '.ormdiff', record));
  expect(bytes.includes(PASSWORD)).toBe(false);
  expect(bytes.includes(new URL(db.url).host)).toBe(false);
});

test('a new password for the same database keeps the cached model', async () => {
  const url = new URL(db.url);
  url.password = 'another-password';
  expect((await diffSql({ DATABASE_URL: url.toString() })).cache).toBe('hit');
});

test('a touched file with the same content keeps it', async () => {
  const file = path.join(dir, 'entities', 'author.entity.ts');
  const later = new Date(Date.now() + 5_000);
  utimesSync(file, later, later);
  expect((await diffSql()).cache).toBe('hit');
});

test('an edited entity file builds the model again', async () => {
  write('entities/author.entity.ts', entity('Author', 'authors', `  @Column({ length: NAME_LENGTH })\n  name!: string;\n\n  @Column({ default: 0 })\n  books!: number;`, `import { NAME_LENGTH } from './limits';`));
  const run = await diffSql();
  expect(run.cache).toBe('miss');
  expect(run.sql).toMatch(/"books" integer DEFAULT 0 NOT NULL/);
  expect((await diffSql()).cache).toBe('hit');
});

test('a changed file an entity imports builds it again', async () => {
  write('entities/limits.ts', `export const NAME_LENGTH = 77;\n`);
  const run = await diffSql();
  expect(run.cache).toBe('miss');
  expect(run.sql).toMatch(/"name" character varying\(77\)/);
});

test('a variable an entity reads, changed, builds it again', async () => {
  const before = await diffSql();
  expect(before.sql).toMatch(/"title" character varying\(100\)/);
  const run = await diffSql({ TITLE_LENGTH: '250' });
  expect(run.cache).toBe('miss');
  expect(run.sql).toMatch(/"title" character varying\(250\)/);
});

test('a new file the entity glob matches builds it again, and so does its removal', async () => {
  write('entities/shelf.entity.ts', entity('Shelf', 'shelves', `  @Column()\n  label!: string;`));
  const added = await diffSql();
  expect(added.cache).toBe('miss');
  expect(added.sql).toMatch(/CREATE TABLE "public"\."shelves"/);
  unlinkSync(path.join(dir, 'entities', 'shelf.entity.ts'));
  const removed = await diffSql();
  expect(removed.cache).toBe('miss');
  expect(removed.sql).not.toMatch(/shelves/);
});

test('a broken entity file is reported as before, not hidden by the cache', async () => {
  expect((await diffSql()).cache).toBe('hit');
  const good = readFileSync(path.join(dir, 'entities', 'book.entity.ts'), 'utf8');
  write('entities/book.entity.ts', `${good}\nthrow new Error('book is broken');\n`);
  const run = await diffSql();
  expect(run.code).not.toBe(0);
  expect(run.stderr).toMatch(/entities[/\\]book\.entity\.ts failed to load.*book is broken/);
  write('entities/book.entity.ts', good);
});

test('ORMDIFF_MODEL_CACHE=0 builds the model every time', async () => {
  expect((await diffSql({ ORMDIFF_MODEL_CACHE: '0' })).cache).toBe('off');
});

test('connection settings that could hold a secret keep the config evaluated on every run (the model is still cached)', async () => {
  const config = readFileSync(path.join(dir, 'ormconfig.ts'), 'utf8');
  write('ormconfig.ts', config.replace("type: 'postgres',", "type: 'postgres', extra: { application_name: 'model-cache-app' },"));
  try {
    expect((await diffSql()).cache).toBe('miss');
    const warm = await diffSql();
    expect(warm.cache).toBe('hit');
    expect(warm.config).toBeUndefined();
    expect(readFileSync(path.join(dir, '.ormdiff', records()[0])).includes('model-cache-app')).toBe(false);
  } finally {
    write('ormconfig.ts', config);
  }
});

test('without --url or DATABASE_URL the config is evaluated for its URL', async () => {
  await diffSql();
  expect((await diffSql()).config).toBe('cached');
  const run = await runCli(['diff', '--format', 'sql'], { cwd: dir, env: { DATABASE_URL: undefined, ORMDIFF_TIMINGS: '1' } });
  // The config's own url is DATABASE_URL: unset, there is no database to compare with.
  expect(run.code).not.toBe(0);
  expect(run.stderr).not.toMatch(/"config":"cached"/);
});

test('another runtime (a --require preload that could redirect what loads) builds the model again', async () => {
  await diffSql();
  expect((await diffSql()).cache).toBe('hit');
  const preload = path.join(dir, 'preload.js');
  writeFileSync(preload, '// nothing: its presence on the command line is what counts\n');
  const env = { ...process.env, NO_COLOR: '1', DATABASE_URL: urlWithPassword(), ORMDIFF_TIMINGS: '1' } as Record<string, string>;
  delete env.NODE_OPTIONS;
  const run = spawnSync(process.execPath, ['--require', preload, BIN, 'diff', '--format', 'sql'], { cwd: dir, env, encoding: 'utf8' });
  expect(run.stderr).toMatch(/"modelCache":"miss"/);
});
