/**
 * Entities that take longer to load than the connection may take to open (compiling a large model
 * on a first run; here a module that keeps the process busy at load, and a 1 s connect timeout): the
 * connection is opened after them, not before, where their load would hold up its handshake until its
 * timeout fired. A warm run, with the model in hand, opens it early and plans the same.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../src/testing/database';
import { ROOT, runCli } from './helpers';

let db: TestDatabase;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), 'ormdiff-slow-entities-'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);
  write('tsconfig.json', JSON.stringify({ compilerOptions: { target: 'es2021', module: 'commonjs', experimentalDecorators: true, emitDecoratorMetadata: true, strict: true } }));
  write(
    'ormconfig.ts',
    `import { DataSource } from 'typeorm';\nexport default new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, connectTimeoutMS: 1000, entities: [__dirname + '/entities/*.entity.ts'] });\n`,
  );
  mkdirSync(path.join(dir, 'entities'));
  write(
    'entities/slow.entity.ts',
    `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';\n` +
      `// Busy for longer than the connect timeout, as a large model's compile is.\n` +
      `const until = Date.now() + 2500;\nwhile (Date.now() < until) {}\n` +
      `@Entity('slow')\nexport class Slow {\n  @PrimaryGeneratedColumn()\n  id!: number;\n\n  @Column()\n  name!: string;\n}\n`,
  );
});

afterAll(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

test('a first run whose entities load for longer than the connect timeout connects after them; a warm run plans the same', async () => {
  const env = { DATABASE_URL: db.url, ORMDIFF_TIMINGS: '1' };
  const first = await runCli(['diff', '--format', 'sql'], { cwd: dir, env });
  expect(first.stderr).toMatch(/"modelCache":"miss"/);
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/CREATE TABLE "public"\."slow"/);
  const warm = await runCli(['diff', '--format', 'sql'], { cwd: dir, env });
  expect(warm.stderr).toMatch(/"modelCache":"hit"/);
  expect(warm.code).toBe(0);
  expect(warm.stdout).toBe(first.stdout);
});
