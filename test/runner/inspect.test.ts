import { DataSource } from 'typeorm';
import { importTypeorm } from '../../src/runner/adopt';
import { NotUpToDateError } from '../../src/runner/errors';
import { formatRevisionLine } from '../../src/runner/format';
import { assertAtHead, branches, current, heads, history, show } from '../../src/runner/inspect';
import { loadRevisions } from '../../src/runner/load';
import { upgrade } from '../../src/runner/migrate';
import { createTestDatabase, querySql, TestDatabase } from '../../src/testing/database';
import { Dir, migrationsDir, tableMigration } from './fixtures';

let db: TestDatabase;
let dir: Dir;
beforeEach(async () => {
  db = await createTestDatabase('ormdiff_runner');
  dir = migrationsDir();
  tableMigration(dir.path, 'aaa111', null, { message: 'first' });
  tableMigration(dir.path, 'bbb222', 'aaa111');
  tableMigration(dir.path, 'ccc333', 'aaa111');
  tableMigration(dir.path, 'mmm999', ['bbb222', 'ccc333'], { message: 'merge' });
});
afterEach(async () => {
  dir.remove();
  await db.drop();
});
const opts = () => ({ url: db.url, migrationsDir: dir.path });

describe('read-only commands', () => {
  it('current reports heads, pending revisions and whether autogenerate may run', async () => {
    await upgrade({ ...opts(), target: 'bbb222' });
    const c = await current(opts());
    expect(c.heads.map((h) => h.revision)).toEqual(['bbb222']);
    expect(c.upToDate).toBe(false);
    expect(c.pending).toEqual(['ccc333', 'mmm999']);
    const err = await assertAtHead(opts()).catch((e) => e);
    expect(err).toBeInstanceOf(NotUpToDateError);
    expect(err.message).toMatch(/^Target database is not up to date: it is at bbb222 and 2 revision\(s\) are not applied \(ccc333, mmm999\)/);

    await upgrade(opts());
    expect((await current(opts())).upToDate).toBe(true);
    await expect(assertAtHead(opts())).resolves.toBeUndefined();
  });

  it('history lists newest first with Alembic markers, ranges, and the history table when verbose', async () => {
    await upgrade({ ...opts(), target: 'ccc333' });
    const all = await history(opts());
    expect(all.map(formatRevisionLine)).toEqual([
      '(bbb222, ccc333) -> mmm999 (head) (mergepoint), merge',
      'aaa111 -> ccc333 (current), step ccc333',
      'aaa111 -> bbb222, step bbb222',
      '<base> -> aaa111 (branchpoint), first',
    ]);
    expect((await history({ migrationsDir: dir.path, range: 'ccc333:' })).map((e) => e.revision)).toEqual(['mmm999', 'ccc333']);
    const verbose = await history({ ...opts(), verbose: true, range: 'base:aaa111' });
    expect(verbose[0].events!.map((e) => [e.operation, e.status])).toEqual([['upgrade', 'applied']]);
    expect(verbose[0].events![0].checksum).toBe(verbose[0].checksum);
  });

  it('heads, branches and show answer from the files alone', async () => {
    expect((await heads({ migrationsDir: dir.path })).map((h) => h.revision)).toEqual(['mmm999']);
    const b = await branches({ migrationsDir: dir.path });
    expect(b.map((x) => [x.revision, x.children])).toEqual([['aaa111', ['bbb222', 'ccc333']]]);
    const [s] = await show({ migrationsDir: dir.path, revision: 'mm' });
    expect(s).toMatchObject({ revision: 'mmm999', downRevisions: ['bbb222', 'ccc333'], isMergePoint: true, message: 'merge', transaction: true });
    expect(s.isCurrent).toBeUndefined();
  });
});

describe('adopting a TypeORM project', () => {
  it("imports TypeORM's migrations table as applied revisions, and upgrades from there", async () => {
    // TypeORM's own runner applies the linear part: the file format stays a TypeORM migration.
    const linear = loadRevisions(dir.path).filter((r) => ['aaa111', 'bbb222'].includes(r.revision));
    const ds = new DataSource({ type: 'postgres', url: db.url, migrations: linear.map((r) => r.migration.constructor as never), migrationsTransactionMode: 'each' });
    await ds.initialize();
    try {
      expect((await ds.runMigrations()).map((m) => m.name)).toEqual(linear.map((r) => r.typeormName));
    } finally {
      await ds.destroy();
    }
    await querySql(db.url, `INSERT INTO migrations ("timestamp", "name") VALUES (1, 'SomethingElse1')`);

    const r = await importTypeorm({ ...opts(), ranBy: 'tester' });
    expect(r.imported).toEqual(['aaa111', 'bbb222']);
    expect(r.heads).toEqual(['bbb222']);
    expect(r.unmatched).toEqual(['SomethingElse1']);
    const rows = await querySql<{ revision: string; operation: string }>(db.url, 'SELECT revision, operation FROM ormdiff_history ORDER BY id');
    expect(rows).toEqual([
      { revision: 'aaa111', operation: 'import' },
      { revision: 'bbb222', operation: 'import' },
    ]);
    const up = await upgrade(opts());
    expect(up.steps.map((s) => s.revision)).toEqual(['ccc333', 'mmm999']);
    await expect(importTypeorm(opts())).rejects.toThrow(/^The database already records revisions \(mmm999\)/);
  });
});
