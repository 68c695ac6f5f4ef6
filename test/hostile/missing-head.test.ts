/**
 * Issue 9, case 7: the migration file of the revision the database is at has been deleted. `check`
 * used to say `run ormdiff upgrade heads`, which then refused. The advice must be what works: name the
 * revision, and say to restore its file or `stamp` the database to a revision that has one.
 */
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '../../src/api/check';
import { revision } from '../../src/api/revision';
import * as runner from '../../src/runner';
import { createTestDatabase, type TestDatabase } from '../../src/testing/database';

let dir: string;
let db: TestDatabase;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ormdiff-missing-head-'));
  db = await createTestDatabase('ormdiff_missing_head');
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.drop();
});

/** A config file per model: the loader keeps a required file for the process. */
function config(columns: string, name = 'ormconfig.js'): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    `const { EntitySchema } = require(${JSON.stringify(require.resolve('typeorm'))});
module.exports = { type: 'postgres', entities: [new EntitySchema({ name: 'notes', tableName: 'notes', columns: { id: { type: 'integer', primary: true }, ${columns} } })] };
module.exports.ormdiff = { migrationsDir: 'migrations' };`,
  );
  return file;
}

test('the head file deleted: check names the revision and advises restoring it or stamping, and that advice works', async () => {
  const migrationsDir = join(dir, 'migrations');
  const first = await revision({ config: config(''), url: db.url, cwd: dir, message: 'notes', autogenerate: true, revisionId: 'aaaa00000001' });
  await runner.upgrade({ migrationsDir, url: db.url });
  const second = await revision({ config: config(`body: { type: 'text', nullable: true }`, 'ormconfig2.js'), url: db.url, cwd: dir, message: 'body', autogenerate: true, revisionId: 'bbbb00000002' });
  await runner.upgrade({ migrationsDir, url: db.url });
  if (first.kind !== 'written' || second.kind !== 'written') throw new Error('no migrations');
  unlinkSync(second.path);

  const result = await check({ config: join(dir, 'ormconfig.js'), url: db.url, cwd: dir });
  expect(result.ok).toBe(false);
  expect(result.output).not.toContain('upgrade heads');
  expect(result.output).toContain('bbbb00000002');
  expect(result.output).toMatch(/restore its migration file/);
  expect(result.output).toContain('ormdiff stamp aaaa00000001');
  // `upgrade heads` indeed cannot help: it refuses.
  await expect(runner.upgrade({ migrationsDir, url: db.url })).rejects.toThrow(/bbbb00000002/);
  // The advice works: stamp to the revision that has a file, then the database is behind by nothing.
  await runner.stamp({ migrationsDir, url: db.url, target: 'aaaa00000001', purge: true });
  const after = await check({ config: join(dir, 'ormconfig.js'), url: db.url, cwd: dir });
  expect(after.findings.map((f) => f.kind)).not.toContain('databaseAhead');
  expect(after.findings.map((f) => f.kind)).not.toContain('databaseBehind');
});
