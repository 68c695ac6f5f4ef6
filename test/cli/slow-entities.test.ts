/**
 * Entities that take longer to load than the connection may take to open (compiling a large model
 * on a first run; here a module that keeps the process busy at load, and a 1 s connect timeout): the
 * connection is opened after them, not before, where their load would hold up its handshake until its
 * timeout fired. A warm run, with the model in hand, opens it early and plans the same.
 */
import { createTestDatabase, type TestDatabase } from '../../src/testing/database';
import { runCli, tempProject } from './helpers';

let db: TestDatabase;
let project: ReturnType<typeof tempProject>;

beforeAll(async () => {
  db = await createTestDatabase();
  project = tempProject('ormdiff-slow-entities-', {
    'ormconfig.ts': `import { DataSource } from 'typeorm';\nexport default new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, connectTimeoutMS: 1000, entities: [__dirname + '/entities/*.entity.ts'] });\n`,
    'entities/slow.entity.ts':
      `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';\n` +
      `// Busy for longer than the connect timeout, as a large model's compile is.\n` +
      `const until = Date.now() + 2500;\nwhile (Date.now() < until) {}\n` +
      `@Entity('slow')\nexport class Slow {\n  @PrimaryGeneratedColumn()\n  id!: number;\n\n  @Column()\n  name!: string;\n}\n`,
  });
});

afterAll(async () => {
  await db.drop();
  project.remove();
});

test('a first run whose entities load for longer than the connect timeout connects after them; a warm run plans the same', async () => {
  const env = { DATABASE_URL: db.url, ORMDIFF_TIMINGS: '1' };
  const first = await runCli(['diff', '--format', 'sql'], { cwd: project.dir, env });
  expect(first.stderr).toMatch(/"modelCache":"miss"/);
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/CREATE TABLE "public"\."slow"/);
  const warm = await runCli(['diff', '--format', 'sql'], { cwd: project.dir, env });
  expect(warm.stderr).toMatch(/"modelCache":"hit"/);
  expect(warm.code).toBe(0);
  expect(warm.stdout).toBe(first.stdout);
});
