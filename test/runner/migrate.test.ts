import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { ChangedMigrationError, MigrationError, MultipleHeadsError, PartialMigrationError } from '../../src/runner/errors';
import { downgrade, stamp, upgrade } from '../../src/runner/migrate';
import type { Statement } from '../../src/runner/sql';
import { createTestDatabase, execSql, querySql, TestDatabase } from '../../src/testing/database';
import { Dir, migrationsDir, tableMigration, writeMigration } from './fixtures';

let db: TestDatabase;
let dir: Dir;
beforeEach(async () => {
  db = await createTestDatabase('ormdiff_runner');
  dir = migrationsDir();
});
afterEach(async () => {
  dir.remove();
  await db.drop();
});

const tables = async () =>
  (await querySql<{ t: string }>(db.url, `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 't\\_%' ORDER BY 1`)).map((r) => r.t);
const versions = async () => {
  const [{ exists }] = await querySql<{ exists: boolean }>(db.url, `SELECT to_regclass('ormdiff_version') IS NOT NULL AS exists`);
  if (!exists) return 'no version table';
  return (await querySql<{ v: string }>(db.url, 'SELECT version_num AS v FROM ormdiff_version ORDER BY 1')).map((r) => r.v);
};
const opts = () => ({ url: db.url, migrationsDir: dir.path, ranBy: 'tester@ci' });

describe('a linear history', () => {
  beforeEach(() => {
    tableMigration(dir.path, 'aaa111', null, { message: 'first' });
    tableMigration(dir.path, 'bbb222', 'aaa111');
    tableMigration(dir.path, 'ccc333', 'bbb222');
  });

  it('upgrades to head, recording version and history, and does nothing the second time', async () => {
    const lines: string[] = [];
    const r = await upgrade({ ...opts(), log: (l) => lines.push(l) });
    expect(r.from).toEqual([]);
    expect(r.to).toEqual(['ccc333']);
    expect(lines[0]).toBe('Running upgrade <base> -> aaa111, first');
    expect(await tables()).toEqual(['t_aaa111', 't_bbb222', 't_ccc333']);
    expect(await versions()).toEqual(['ccc333']);
    const hist = await querySql<Record<string, any>>(db.url, 'SELECT * FROM ormdiff_history ORDER BY id');
    expect(hist.map((h) => [h.revision, h.operation, h.status, h.ran_by, h.db_user])).toEqual([
      ['aaa111', 'upgrade', 'applied', 'tester@ci', 'postgres'],
      ['bbb222', 'upgrade', 'applied', 'tester@ci', 'postgres'],
      ['ccc333', 'upgrade', 'applied', 'tester@ci', 'postgres'],
    ]);
    for (const h of hist) {
      expect(h.checksum).toMatch(/^code-v1:[0-9a-f]{64}$/);
      expect(h.duration_ms).toBeGreaterThanOrEqual(0);
      expect(h.applied_at.getTime()).toBeGreaterThanOrEqual(h.started_at.getTime());
    }
    const again = await upgrade(opts());
    expect(again.steps).toEqual([]);
    expect(again.statements).toEqual([]);
  });

  it('downgrades by relative steps and to base', async () => {
    await upgrade(opts());
    const r = await downgrade({ ...opts(), target: '-1' });
    expect(r.steps.map((s) => [s.revision, s.direction])).toEqual([['ccc333', 'down']]);
    expect(await versions()).toEqual(['bbb222']);
    await upgrade({ ...opts(), target: '+1' });
    expect(await versions()).toEqual(['ccc333']);
    await downgrade({ ...opts(), target: 'aaa' });
    expect(await tables()).toEqual(['t_aaa111']);
    await downgrade({ ...opts(), target: 'base' });
    expect(await tables()).toEqual([]);
    expect(await versions()).toEqual([]);
  });

  it('refuses an applied file whose statements changed, until --allow-changed, which the history shows', async () => {
    await upgrade({ ...opts(), target: 'bbb222' });
    const file = `${dir.path}/aaa111_first.ts`;
    writeFileSync(file, readFileSync(file, 'utf8').replace('("id" integer)', '("id" bigint)'));
    const err = await upgrade(opts()).catch((e) => e);
    expect(err).toBeInstanceOf(ChangedMigrationError);
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(/^Applied migration file has changed since it was applied: aaa111_first\.ts \(revision aaa111, recorded code-v1:[0-9a-f]{12}…, now code-v1:[0-9a-f]{12}…\)/);
    expect(await versions()).toEqual(['bbb222']);

    const r = await upgrade({ ...opts(), allowChanged: true });
    expect(r.to).toEqual(['ccc333']);
    const [accepted] = await querySql<Record<string, any>>(db.url, `SELECT * FROM ormdiff_history WHERE operation = 'accept changed'`);
    expect(accepted.revision).toBe('aaa111');
    expect(accepted.message).toMatch(/^file changed after it was applied \(recorded code-v1:[0-9a-f]{64}\); accepted with --allow-changed$/);
    // Accepted once: the next run compares with the new checksum.
    await expect(downgrade({ ...opts(), target: 'base' })).resolves.toBeDefined();
  });

  it('takes comments and reformatting of an applied file as no change', async () => {
    await upgrade({ ...opts(), target: 'bbb222' });
    const file = `${dir.path}/aaa111_first.ts`;
    const source = readFileSync(file, 'utf8');
    const reformatted = await format(`// reviewed in PR #12\n${source.replace('public async up', '/* creates t_aaa111 */\n  public async up')}`, {
      parser: 'typescript',
      printWidth: 30,
      tabWidth: 4,
      singleQuote: true,
      semi: false,
      trailingComma: 'all',
    });
    expect(reformatted).not.toBe(source);
    writeFileSync(file, reformatted);
    expect((await upgrade(opts())).to).toEqual(['ccc333']);
    expect(await querySql(db.url, `SELECT 1 FROM ormdiff_history WHERE operation = 'accept changed'`)).toEqual([]);
  });

  it('still verifies a history written with byte checksums, and records the code checksum of an unchanged file once', async () => {
    await upgrade({ ...opts(), target: 'bbb222' });
    const byBytes = (name: string) => createHash('sha256').update(readFileSync(`${dir.path}/${name}`)).digest('hex');
    // As an ormdiff from before code checksums wrote it.
    await execSql(db.url, `UPDATE ormdiff_history SET checksum = '${byBytes('aaa111_first.ts')}' WHERE revision = 'aaa111'`);
    await execSql(db.url, `UPDATE ormdiff_history SET checksum = '${byBytes('bbb222_step_bbb222.ts')}' WHERE revision = 'bbb222'`);

    // A statement changed: the old byte checksum catches it too.
    const file = `${dir.path}/bbb222_step_bbb222.ts`;
    const source = readFileSync(file, 'utf8');
    writeFileSync(file, source.replace('("id" integer)', '("id" bigint)'));
    const err = await upgrade(opts()).catch((e) => e);
    expect(err).toBeInstanceOf(ChangedMigrationError);
    expect(err.message).toContain('bbb222_step_bbb222.ts (revision bbb222, recorded sha256 ');

    writeFileSync(file, source);
    expect((await upgrade(opts())).to).toEqual(['ccc333']);
    const upgraded = await querySql<{ revision: string; checksum: string }>(
      db.url,
      `SELECT revision, checksum FROM ormdiff_history WHERE operation = 'checksum upgraded' ORDER BY revision`,
    );
    expect(upgraded).toEqual([
      { revision: 'aaa111', checksum: expect.stringMatching(/^code-v1:/) },
      { revision: 'bbb222', checksum: expect.stringMatching(/^code-v1:/) },
    ]);
    // From now on the code checksum is the one compared: a reformat is no change.
    writeFileSync(file, await format(source, { parser: 'typescript', printWidth: 30, singleQuote: true }));
    await expect(downgrade({ ...opts(), target: 'base' })).resolves.toBeDefined();
    expect(await querySql(db.url, `SELECT 1 FROM ormdiff_history WHERE operation = 'checksum upgraded'`)).toHaveLength(2);
  });

  it('leaves the previous revision and no partial objects when a migration fails half way', async () => {
    writeMigration(dir.path, {
      revision: 'ddd444',
      down: 'ccc333',
      up: ['CREATE TABLE "t_half" ("id" integer)', 'INSERT INTO "t_aaa111" VALUES (1)', 'ALTER TABLE "t_missing" ADD COLUMN "x" integer'],
    });
    const err = await upgrade(opts()).catch((e) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect(err.exitCode).toBe(4);
    expect(err.message).toBe(
      'Migration ddd444 (ddd444_step_ddd444.ts) failed during upgrade: statement `ALTER TABLE "t_missing" ADD COLUMN "x" integer` failed: ' +
        'relation "t_missing" does not exist. Rolled back; the database is still at ccc333.',
    );
    expect(await versions()).toEqual(['ccc333']);
    expect(await tables()).toEqual(['t_aaa111', 't_bbb222', 't_ccc333']);
    expect(await querySql(db.url, 'SELECT * FROM t_aaa111')).toEqual([]);
    const [failed] = await querySql<Record<string, any>>(db.url, `SELECT * FROM ormdiff_history WHERE revision = 'ddd444'`);
    expect([failed.status, failed.failed_statement]).toEqual(['rolled back', 'ALTER TABLE "t_missing" ADD COLUMN "x" integer']);
    // A rolled-back failure does not block: fix the file and go on.
    writeMigration(dir.path, { revision: 'ddd444', down: 'ccc333', up: ['CREATE TABLE "t_half" ("id" integer)'] });
    await expect(upgrade(opts())).resolves.toMatchObject({ to: ['ddd444'] });
  });

  it('keeps its tables in the configured schema', async () => {
    await upgrade({ ...opts(), schema: 'ops', target: 'aaa111' });
    expect(await querySql(db.url, 'SELECT version_num FROM ops.ormdiff_version')).toEqual([{ version_num: 'aaa111' }]);
    expect(await versions()).toBe('no version table');
    await upgrade({ ...opts(), schema: 'ops' });
    expect(await querySql(db.url, 'SELECT count(*)::int AS n FROM ops.ormdiff_history')).toEqual([{ n: 3 }]);
  });

  it("sends a step's bookkeeping in one round trip, yet lists each statement in the script", async () => {
    const sent: string[] = [];
    const { DataSource } = await import('typeorm');
    const dataSource = new DataSource({ type: 'postgres', url: db.url, logging: true, logger: { logQuery: (q: string) => void sent.push(q), logQueryError: () => undefined, logQuerySlow: () => undefined, logSchemaBuild: () => undefined, logMigration: () => undefined, log: () => undefined } });
    await dataSource.initialize();
    try {
      const r = await upgrade({ ...opts(), dataSource });
      expect(await versions()).toEqual(['ccc333']);
      const bookkeeping = r.statements.filter((s) => /ormdiff_(version|history)"/.test(s.sql) && !/^CREATE/.test(s.sql));
      // Per step: the version change and the history row are two statements of the script...
      expect(bookkeeping).toHaveLength(6);
      // ...that reached the server together, once per step, between the migration and its COMMIT.
      const batches = sent.filter((q) => q.includes('"ormdiff_version"') && q.includes('"ormdiff_history"'));
      expect(batches).toHaveLength(3);
      for (const [i, batch] of batches.entries()) expect(batch).toBe(`${bookkeeping[2 * i].sql};\n${bookkeeping[2 * i + 1].sql}`);
      expect(sent.filter((q) => /^(INSERT|UPDATE)/.test(q) && !batches.includes(q))).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('never puts the password of the URL in an error', async () => {
    const url = db.url.replace('postgres@', 'postgres:s3cr%40t@').replace(':5432/', ':1/');
    const err = await upgrade({ ...opts(), url }).catch((e) => e);
    expect(err.exitCode).toBe(3);
    expect(err.message).toMatch(/^Could not connect to postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\//);
    expect(err.message).not.toMatch(/s3cr/);
  });
});

describe('branches and merges', () => {
  beforeEach(() => {
    tableMigration(dir.path, 'aaa111', null);
    tableMigration(dir.path, 'bbb222', 'aaa111');
    tableMigration(dir.path, 'ccc333', 'aaa111');
  });

  it('refuses upgrade with several heads, then upgrades each branch and through a merge and back', async () => {
    const err = await upgrade(opts()).catch((e) => e);
    expect(err).toBeInstanceOf(MultipleHeadsError);
    expect(err.message).toContain('Multiple heads present: bbb222 (bbb222_step_bbb222.ts), ccc333 (ccc333_step_ccc333.ts)');
    expect(err.message).toContain('ormdiff merge');
    expect(await versions()).toBe('no version table');

    await upgrade({ ...opts(), target: 'heads' });
    expect(await versions()).toEqual(['bbb222', 'ccc333']);

    tableMigration(dir.path, 'mmm999', ['bbb222', 'ccc333']);
    tableMigration(dir.path, 'nnn000', 'mmm999');
    await upgrade({ ...opts(), target: '+1' });
    expect(await versions()).toEqual(['mmm999']);
    await upgrade(opts());
    expect(await versions()).toEqual(['nnn000']);

    // Down through the merge point: both parents become heads again.
    await downgrade({ ...opts(), target: '-2' });
    expect(await versions()).toEqual(['bbb222', 'ccc333']);
    expect(await tables()).toEqual(['t_aaa111', 't_bbb222', 't_ccc333']);
    // A branch at a time.
    await downgrade({ ...opts(), target: 'bbb222@-1' });
    expect(await versions()).toEqual(['ccc333']);
    await upgrade({ ...opts(), target: 'nnn' });
    expect(await versions()).toEqual(['nnn000']);
    await downgrade({ ...opts(), target: 'ccc333' });
    expect(await versions()).toEqual(['bbb222', 'ccc333']);
  });

  it('stamps without running anything, and the history says so', async () => {
    const r = await stamp({ ...opts(), target: 'heads' });
    expect(r.to).toEqual(['bbb222', 'ccc333']);
    expect(r.added).toEqual(['aaa111', 'bbb222', 'ccc333']);
    expect(await tables()).toEqual([]);
    expect(await versions()).toEqual(['bbb222', 'ccc333']);
    await stamp({ ...opts(), target: 'bbb222' });
    expect(await versions()).toEqual(['bbb222', 'ccc333']);
    await stamp({ ...opts(), target: 'aaa111' });
    expect(await versions()).toEqual(['aaa111']);
    const ops = await querySql<{ o: string; d: string }>(db.url, `SELECT operation AS o, direction AS d FROM ormdiff_history ORDER BY id`);
    expect(ops.every((o) => o.o === 'stamp')).toBe(true);
    expect(ops.map((o) => o.d)).toEqual(['up', 'up', 'up', 'down', 'down']);
  });
});

describe('offline --sql', () => {
  beforeEach(() => {
    writeFileSync(
      `${dir.path}/aaa111_users.ts`,
      `/**
 * users, through TypeORM's schema builder
 *
 * Revision ID: aaa111
 */
import { MigrationInterface, QueryRunner, Table, TableColumn } from "typeorm";
export class Users1700000000000 implements MigrationInterface {
  revision = "aaa111";
  downRevision = null;
  async up(q: QueryRunner) {
    await q.createTable(new Table({ name: "users", columns: [{ name: "id", type: "integer", isPrimary: true }, { name: "email", type: "varchar" }] }));
    await q.query(\`INSERT INTO "users" VALUES ($1, $2)\`, [1, "a@b.c"]);
  }
  async down(q: QueryRunner) {
    // Raw SQL: offline, TypeORM's dropTable would read today's catalog and also drop the index a later migration made.
    await q.query(\`DROP TABLE "users"\`);
  }
}
`,
    );
    writeFileSync(
      `${dir.path}/bbb222_name.ts`,
      `import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";
export class Name1700000000001 implements MigrationInterface {
  revision = "bbb222";
  downRevision = "aaa111";
  async up(q: QueryRunner) {
    await q.addColumn("users", new TableColumn({ name: "name", type: "text", isNullable: true }));
  }
  async down(q: QueryRunner) {
    await q.dropColumn("users", "name");
  }
}
`,
    );
    writeMigration(dir.path, {
      revision: 'ccc333',
      down: 'bbb222',
      transaction: false,
      up: ['CREATE INDEX CONCURRENTLY "users_email" ON "users" ("email")'],
      downSql: ['DROP INDEX CONCURRENTLY "users_email"'],
    });
  });

  it('prints, without executing, exactly the statements an online run executes', async () => {
    const offline = await upgrade({ ...opts(), sql: true });
    expect(await querySql(db.url, `SELECT to_regclass('users') AS u, to_regclass('ormdiff_version') AS v`)).toEqual([{ u: null, v: null }]);
    expect(offline.sql).toContain('CREATE TABLE "users"');
    expect(offline.sql).toContain('-- parameters: [1,"a@b.c"]\nINSERT INTO "users" VALUES ($1, $2);\n');

    const online: Statement[] = [];
    await upgrade({ ...opts(), onStatement: (s) => online.push(s) });
    expect(online).toEqual(offline.statements);
    expect(online.map((s) => s.sql.split(' (')[0])).toEqual([
      'CREATE TABLE IF NOT EXISTS "public"."ormdiff_version"',
      'CREATE TABLE IF NOT EXISTS "public"."ormdiff_history"',
      'START TRANSACTION',
      'CREATE TABLE "users"',
      'INSERT INTO "users" VALUES',
      'INSERT INTO "public"."ormdiff_version"',
      'INSERT INTO "public"."ormdiff_history"',
      'COMMIT',
      'START TRANSACTION',
      'ALTER TABLE "users" ADD "name" text',
      `UPDATE "public"."ormdiff_version" SET "version_num" = 'bbb222' WHERE "version_num" = 'aaa111'`,
      'INSERT INTO "public"."ormdiff_history"',
      'COMMIT',
      // Non-transactional: a started marker, the statement alone, then the version change in its own transaction.
      'INSERT INTO "public"."ormdiff_history"',
      'CREATE INDEX CONCURRENTLY "users_email" ON "users"',
      'START TRANSACTION',
      `UPDATE "public"."ormdiff_version" SET "version_num" = 'ccc333' WHERE "version_num" = 'bbb222'`,
      `UPDATE "public"."ormdiff_history" SET "status" = 'applied', "applied_at" = clock_timestamp(), "duration_ms" = 1000 * extract(epoch FROM clock_timestamp() - "started_at") WHERE "revision" = 'ccc333' AND "status" = 'started'`,
      'COMMIT',
    ]);
    expect(await querySql(db.url, 'SELECT id, email, name FROM users')).toEqual([{ id: 1, email: 'a@b.c', name: null }]);

    const offlineDown = await downgrade({ ...opts(), target: 'base', sql: true });
    expect(await versions()).toEqual(['ccc333']);
    const onlineDown: Statement[] = [];
    await downgrade({ ...opts(), target: 'base', onStatement: (s) => onlineDown.push(s) });
    expect(onlineDown).toEqual(offlineDown.statements);
    expect(onlineDown.some((s) => s.sql.startsWith('ALTER TABLE "users" DROP COLUMN "name"'))).toBe(true);
    expect(await versions()).toEqual([]);
  });

  it('takes a start:end range and then needs no database at all', async () => {
    const r = await upgrade({ migrationsDir: dir.path, target: 'base:aaa111', sql: true, ranBy: 'x' });
    expect(r.statements.map((s) => s.sql.split(' (')[0])).toContain('CREATE TABLE "users"');
    const err = await upgrade({ migrationsDir: dir.path, target: 'aaa111:bbb222', sql: true }).catch((e) => e);
    expect(err.message).toMatch(/^Offline without a database \(a start:end range never connects; otherwise no URL was given\) TypeORM can't read the catalog/);
  });

  it('a range never connects, even given the URL of a server that is down', async () => {
    const down = 'postgres://postgres@127.0.0.1:1/nowhere';
    const r = await upgrade({ migrationsDir: dir.path, url: down, target: 'base:aaa111', sql: true, ranBy: 'x' });
    expect(r.statements.map((s) => s.sql.split(' (')[0])).toContain('CREATE TABLE "users"');
    // Without a range the database is consulted, so the same URL is a connection error (exit 3).
    const err = await upgrade({ migrationsDir: dir.path, url: down, target: 'aaa111', sql: true }).catch((e) => e);
    expect(err.exitCode).toBe(3);
  });
});

describe('a non-transactional migration that fails in the middle', () => {
  it('records how far it got, and the next run says so until told how it was resolved', async () => {
    tableMigration(dir.path, 'aaa111', null);
    writeMigration(dir.path, {
      revision: 'bbb222',
      down: 'aaa111',
      transaction: false,
      up: ['CREATE INDEX CONCURRENTLY "i1" ON "t_aaa111" ("id")', 'CREATE INDEX CONCURRENTLY "i2" ON "t_nope" ("id")'],
      downSql: ['DROP INDEX CONCURRENTLY IF EXISTS "i2"', 'DROP INDEX CONCURRENTLY IF EXISTS "i1"'],
    });
    const err = await upgrade(opts()).catch((e) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect(err.exitCode).toBe(4);
    expect(err.message).toBe(
      'Migration bbb222 (bbb222_step_bbb222.ts) failed during upgrade: statement `CREATE INDEX CONCURRENTLY "i2" ON "t_nope" ("id")` failed: ' +
        'relation "t_nope" does not exist. It runs outside a transaction: 1 statement(s) before the failure completed and were not undone; ' +
        'this is recorded in ormdiff_history and the version table still says aaa111.',
    );
    expect(await versions()).toEqual(['aaa111']);

    const next = await upgrade(opts()).catch((e) => e);
    expect(next).toBeInstanceOf(PartialMigrationError);
    expect(next.message).toMatch(
      /^Migration bbb222 \(bbb222_step_bbb222\.ts\) is partly applied: its non-transactional upgrade started at \S+ by tester@ci failed after completing 1 statement\(s\) that remain applied: `CREATE INDEX CONCURRENTLY "i1" ON "t_aaa111" \("id"\)`; then `CREATE INDEX CONCURRENTLY "i2" ON "t_nope" \("id"\)` failed: relation "t_nope" does not exist\. The version table says aaa111\. Repair the database by hand, then rerun with --retry-failed/,
    );
    await expect(downgrade({ ...opts(), target: 'base' })).rejects.toBeInstanceOf(PartialMigrationError);

    writeMigration(dir.path, {
      revision: 'bbb222',
      down: 'aaa111',
      transaction: false,
      up: ['CREATE INDEX CONCURRENTLY IF NOT EXISTS "i1" ON "t_aaa111" ("id")'],
      downSql: ['DROP INDEX CONCURRENTLY IF EXISTS "i1"'],
    });
    await expect(upgrade({ ...opts(), retryFailed: true })).resolves.toMatchObject({ to: ['bbb222'] });
    const statuses = await querySql<{ s: string }>(db.url, `SELECT status AS s FROM ormdiff_history WHERE revision = 'bbb222' ORDER BY id`);
    expect(statuses.map((r) => r.s)).toEqual(['abandoned', 'applied']);
  });
});
