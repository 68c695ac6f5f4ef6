/**
 * The runner creates what TypeORM's DataSource creates on connect (PostgresDriver.afterConnect)
 * before it runs migrations: which extensions that is (connectExtensions, beside the schema's own
 * requiredExtensions), and how the runner creates them: once, IF NOT EXISTS, outside the script,
 * the transactions and the history, and a failure is a warning as in TypeORM.
 */
import 'reflect-metadata';
import { Column, DataSource, Entity, Exclusion, Generated, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { connectExtensions, requiredExtensions } from '../../src/entities/extensions';
import { downgrade, upgrade } from '../../src/runner';
import { createTestDatabase, querySql, type TestDatabase } from '../../src/testing/database';
import { migrationsDir, writeMigration, type Dir } from './fixtures';

@Entity('tokens')
class Token {
  @PrimaryGeneratedColumn('uuid') id!: string;
}

/** Its own default: the schema needs no generator, but TypeORM's afterConnect installs uuid-ossp all the same. */
@Entity('own_defaults')
class OwnDefault {
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' }) @Generated('uuid') id!: string;
}

@Entity({ name: 'legacy', synchronize: false })
class Legacy {
  @PrimaryColumn() id!: number;
  @Column({ type: 'citext' }) email!: string;
}

@Entity('bookings')
@Exclusion(`USING gist ("room" WITH =)`)
class Booking {
  @PrimaryColumn() id!: number;
  @Column() room!: number;
}

async function metadatas(entities: Function[]) {
  const ds = new DataSource({ type: 'postgres', entities });
  await (ds as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  return ds.entityMetadatas;
}

describe('which extensions TypeORM creates on connect', () => {
  test('every generated uuid asks for uuidExtension, whatever its default and the server; every entity counts', async () => {
    const own = await metadatas([OwnDefault]);
    expect(connectExtensions(own, {})).toEqual(['uuid-ossp']);
    expect(requiredExtensions(own, { schema: 'public' })).toEqual([]);
    // pgcrypto is created on PostgreSQL 13+ too, though gen_random_uuid() is built in there.
    const token = await metadatas([Token]);
    expect(connectExtensions(token, { uuidExtension: 'pgcrypto' })).toEqual(['pgcrypto']);
    expect(requiredExtensions(token, { uuidExtension: 'pgcrypto', serverVersion: 150000, schema: 'public' })).toEqual([]);
    // A synchronize: false entity's citext column counts on connect, not in the schema.
    const legacy = await metadatas([Legacy]);
    expect(connectExtensions(legacy, {})).toEqual(['citext']);
    expect(requiredExtensions(legacy, { schema: 'public' })).toEqual([]);
    expect(connectExtensions(await metadatas([Booking]), {})).toEqual(['btree_gist']);
  });

  test('the extensions option after the features, as given; installExtensions: false creates nothing at all', async () => {
    const all = await metadatas([Token, Legacy]);
    expect(connectExtensions(all, { extensions: ['pg_trgm', 'citext', 'hstore'] })).toEqual(['citext', 'uuid-ossp', 'pg_trgm', 'hstore']);
    expect(connectExtensions(all, { installExtensions: false, extensions: ['pg_trgm'] })).toEqual([]);
  });
});

describe('the runner, on a real database', () => {
  let db: TestDatabase;
  let dir: Dir;
  beforeAll(async () => {
    db = await createTestDatabase('ormdiff_connext_runner');
    dir = migrationsDir();
    writeMigration(dir.path, {
      revision: 'aa01',
      message: 'emails',
      up: ['CREATE TABLE "emails" ("address" citext PRIMARY KEY)'],
      downSql: ['DROP TABLE "emails"'],
    });
  });
  afterAll(async () => {
    await db?.drop();
    dir?.remove();
  });

  const installed = async () =>
    (await querySql<{ extname: string }>(db.url, "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1")).map((r) => r.extname);

  test('creates the missing ones before the first migration, outside the script and the history; warns for one it cannot', async () => {
    const warnings: string[] = [];
    const result = await upgrade({
      migrationsDir: dir.path,
      url: db.url,
      extensions: ['citext', 'ormdiff_no_such_extension'],
      warn: (line) => warnings.push(line),
    });
    expect(result.extensions).toEqual([
      { name: 'citext', status: 'created' },
      { name: 'ormdiff_no_such_extension', status: 'unavailable' },
    ]);
    expect(warnings).toEqual([
      'extension "ormdiff_no_such_extension" is not available on this server, so it was not created as TypeORM\'s DataSource would on connect; install it there',
    ]);
    expect(await installed()).toEqual(['citext']);
    expect(result.statements.some((s) => /EXTENSION/i.test(s.sql))).toBe(false);
    expect(result.sql).not.toMatch(/EXTENSION/);
    expect(await querySql(db.url, 'SELECT revision FROM ormdiff_history')).toEqual([{ revision: 'aa01' }]);
  });

  test('only a run with a migration to run asks for them; one already there is left as it is', async () => {
    let asked = 0;
    const extensions = async () => {
      asked++;
      return ['citext'];
    };
    expect((await upgrade({ migrationsDir: dir.path, url: db.url, extensions })).extensions).toEqual([]);
    expect(asked).toBe(0);
    const down = await downgrade({ migrationsDir: dir.path, url: db.url, target: 'base', extensions });
    expect(asked).toBe(1);
    expect(down.extensions).toEqual([{ name: 'citext', status: 'present' }]);
  });

  test('a CREATE EXTENSION that fails is a warning, and the migration needing it then fails on its own', async () => {
    await querySql(db.url, 'DROP EXTENSION citext');
    // hstore is available, but a role without CREATE on the database cannot install it.
    const role = `ormdiff_connext_weak_${process.pid}`;
    await querySql(db.url, `DROP ROLE IF EXISTS ${role}`);
    await querySql(db.url, `CREATE ROLE ${role} LOGIN`);
    await querySql(db.url, `GRANT CREATE ON SCHEMA public TO ${role}`);
    await querySql(db.url, `GRANT ALL ON ALL TABLES IN SCHEMA public TO ${role}`);
    await querySql(db.url, `GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    const weak = new URL(db.url);
    weak.username = role;
    const warnings: string[] = [];
    try {
      await expect(upgrade({ migrationsDir: dir.path, url: weak.toString(), extensions: ['hstore', 'citext'], warn: (l) => warnings.push(l) })).rejects.toThrow(
        /Migration aa01 \(aa01_emails\.ts\) failed during upgrade: .*type "citext" does not exist/,
      );
      expect(warnings).toEqual([
        expect.stringMatching(/^could not create extension "hstore" as TypeORM's DataSource would on connect: permission denied/),
        expect.stringMatching(/^could not create extension "citext" as TypeORM's DataSource would on connect: permission denied/),
      ]);
    } finally {
      await querySql(db.url, `DROP OWNED BY ${role}`);
      await querySql(db.url, `DROP ROLE ${role}`);
    }
  });

  test('offline, the script starts with comment lines naming them', async () => {
    const offline = await upgrade({ migrationsDir: dir.path, target: 'base:heads', sql: true, extensions: ['citext'] });
    expect(offline.sql.split('\n').slice(0, 2)).toEqual([
      "-- Created before the migrations, outside this script, as TypeORM's DataSource does on connect (installExtensions):",
      '-- CREATE EXTENSION IF NOT EXISTS "citext";',
    ]);
    expect(offline.statements.some((s) => /EXTENSION/i.test(s.sql))).toBe(false);
    expect(offline.extensions).toEqual([]);
  });
});
