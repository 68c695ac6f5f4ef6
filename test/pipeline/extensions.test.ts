/**
 * Extensions the entities need (issue 8, item 6): what TypeORM installs on connect, but only where
 * the schema uses it, never with installExtensions: false, created IF NOT EXISTS (TypeORM may have
 * installed it already) and dropped on the way down only by the migration that created it for its
 * own changes.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { Column, DataSource, Entity, Generated, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { compareWithClient, type Comparison, type DesiredModel } from '../../src/api/compare';
import { installsListedExtensions } from '../../src/entities/compat';
import { requiredExtensions } from '../../src/entities/extensions';
import { buildEntityMetadatas, readEntities } from '../../src/entities/read';
import { type Change } from '../../src/diff/changes';
import { planChanges } from '../../src/plan/plan';
import { table, column, defaultOf } from '../diff/helpers/build';
import { restrictToScope } from '../../src/schema/scope';
import { createTestDatabase, type TestDatabase } from '../../src/testing/database';

@Entity('tokens')
class Token {
  @PrimaryGeneratedColumn('uuid') id!: string;
}

@Entity('notes')
class Note {
  @PrimaryColumn() id!: number;
  @Column({ type: 'text' }) body!: string;
}

@Entity('handles')
class Handle {
  @PrimaryColumn() id!: number;
  @Column({ type: 'citext' }) name!: string;
}

/** A uuid key with a default of its own: the generator is not written, so no extension is needed. */
@Entity('own_defaults')
class OwnDefault {
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' }) @Generated('uuid') id!: string;
}

@Entity({ name: 'legacy_tokens', synchronize: false })
class LegacyToken {
  @PrimaryGeneratedColumn('uuid') id!: string;
}

type Options = { uuidExtension?: 'pgcrypto' | 'uuid-ossp'; installExtensions?: boolean; extensions?: string[] };

async function desiredOf(entities: Function[], options: Options = {}, exclude: string[] = []): Promise<DesiredModel> {
  const read = await readEntities({ type: 'postgres', entities, ...options });
  const scope = { schemas: ['public'], include: [], exclude, ignoredTables: read.ignoredTables };
  return { schema: restrictToScope(read.schema, scope), scope, ignoredIndexes: read.ignoredIndexes, columnRoles: read.columnRoles };
}

/** The `extensions` option came with 1.0: 0.3 ignores it, and so does ormdiff there (src/entities/compat.ts). */
const listedExtensionsInstalled = async (): Promise<boolean> =>
  installsListedExtensions(await buildEntityMetadatas({ type: 'postgres', entities: [] }));

const names = async (entities: Function[], options: Options = {}) =>
  (await desiredOf(entities, options)).schema.extensions.map((e) => e.name);

describe('which extensions the entities need', () => {
  test('a generated uuid key needs uuid-ossp (uuid_generate_v4()); an unrelated model needs none', async () => {
    expect(await names([Token, Note])).toEqual(['uuid-ossp']);
    expect(await names([Note])).toEqual([]);
  });

  test('a generated uuid column with a default of its own needs no generator, so no extension', async () => {
    expect(await names([OwnDefault])).toEqual([]);
  });

  test('uuidExtension pgcrypto: gen_random_uuid() is built into PostgreSQL 13+, so nothing; pgcrypto before 13', async () => {
    expect(await names([Token], { uuidExtension: 'pgcrypto' })).toEqual([]);
    const ds = new DataSource({ type: 'postgres', entities: [Token] });
    await (ds as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
    const on = (serverVersion: number) =>
      requiredExtensions(ds.entityMetadatas, { uuidExtension: 'pgcrypto', serverVersion, schema: 'public' }).map((e) => e.name);
    expect(on(120000)).toEqual(['pgcrypto']);
    expect(on(150004)).toEqual([]);
  });

  test('installExtensions: false asks for no extension at all, whatever the columns and the extensions option', async () => {
    expect(await names([Token, Handle], { installExtensions: false, extensions: ['pg_trgm'] })).toEqual([]);
    const needed = (await listedExtensionsInstalled()) ? ['citext', 'pg_trgm', 'uuid-ossp'] : ['citext', 'uuid-ossp'];
    expect(await names([Token, Handle], { extensions: ['pg_trgm'] })).toEqual(needed);
  });

  test('only tables the model creates count: not synchronize:false ones', async () => {
    expect(await names([LegacyToken, Note])).toEqual([]);
  });
});

describe('on a real database', () => {
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase('ormdiff_extensions');
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  const sqlOf = (c: Comparison, direction: 'up' | 'down'): string[] => c.plan[direction].map((s) => s.sql);
  const installed = async (): Promise<string[]> =>
    (await client.query("SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1")).rows.map((r) => r.extname);

  test('the migration that first needs uuid-ossp creates it IF NOT EXISTS; its down drops it IF EXISTS after the table', async () => {
    const c = await compareWithClient(client, await desiredOf([Token]));
    const up = sqlOf(c, 'up');
    expect(up[0]).toBe('CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA "public"');
    expect(up.some((s) => s.includes('uuid_generate_v4()'))).toBe(true);
    expect(sqlOf(c, 'down').slice(-1)).toEqual(['DROP EXTENSION IF EXISTS "uuid-ossp"']);
    // Where TypeORM installed it on connect already, the migration still applies.
    await client.query('CREATE EXTENSION "uuid-ossp"');
    for (const s of c.plan.up) await client.query(s.sql);
    expect((await compareWithClient(client, await desiredOf([Token]))).plan.changes).toEqual([]);
    for (const s of c.plan.down) await client.query(s.sql);
    expect(await installed()).toEqual([]);
  });

  test('an extension already installed is never created again, nor moved, nor dropped', async () => {
    await client.query('CREATE SCHEMA ext; CREATE EXTENSION "uuid-ossp" WITH SCHEMA ext');
    try {
      const c = await compareWithClient(client, await desiredOf([Note]));
      expect(sqlOf(c, 'up').concat(sqlOf(c, 'down')).filter((s) => /EXTENSION/.test(s))).toEqual([]);
    } finally {
      await client.query('DROP EXTENSION "uuid-ossp"; DROP SCHEMA ext');
    }
  });

  test('with pgcrypto on PostgreSQL 13+ the table is created with gen_random_uuid() and no extension', async () => {
    const c = await compareWithClient(client, await desiredOf([Token], { uuidExtension: 'pgcrypto' }));
    expect(sqlOf(c, 'up').concat(sqlOf(c, 'down')).filter((s) => /EXTENSION/.test(s))).toEqual([]);
    await client.query('BEGIN');
    try {
      for (const s of c.plan.up) await client.query(s.sql);
      expect(await installed()).toEqual([]);
    } finally {
      await client.query('ROLLBACK');
    }
  });

  test('installExtensions: false: no extension statement, not even for the extensions option', async () => {
    const c = await compareWithClient(client, await desiredOf([Note], { installExtensions: false, extensions: ['citext'] }));
    expect(sqlOf(c, 'up').map((s) => s.split(' (')[0])).toEqual(['CREATE TABLE "public"."notes"']);
    expect(sqlOf(c, 'down').filter((s) => /EXTENSION/.test(s))).toEqual([]);
  });

  test('a migration creating an extension none of its changes use does not drop it on the way down', async () => {
    // The database lacks citext (installed by TypeORM on connect elsewhere); this migration only adds a table.
    // Listed in the `extensions` option (1.0 on)…
    if (await listedExtensionsInstalled()) {
      const c = await compareWithClient(client, await desiredOf([Note], { extensions: ['citext'] }));
      expect(sqlOf(c, 'up')).toContain('CREATE EXTENSION IF NOT EXISTS "citext" WITH SCHEMA "public"');
      expect(sqlOf(c, 'down').filter((s) => /EXTENSION/.test(s))).toEqual([]);
    }
    // …or, on every release, for a citext column of a table left out of the migration's scope.
    const excluded = await compareWithClient(client, await desiredOf([Note, Handle], {}, ['handles']));
    expect(sqlOf(excluded, 'up')).toContain('CREATE EXTENSION IF NOT EXISTS "citext" WITH SCHEMA "public"');
    expect(sqlOf(excluded, 'up').some((s) => s.includes('"handles"'))).toBe(false);
    expect(sqlOf(excluded, 'down').filter((s) => /EXTENSION/.test(s))).toEqual([]);
    // The one that also adds a citext column does.
    const d = await compareWithClient(client, await desiredOf([Note, Handle]));
    expect(sqlOf(d, 'down').slice(-1)).toEqual(['DROP EXTENSION IF EXISTS "citext"']);
  });
});

test('an extension something outside the plan uses is never dropped (DS106)', () => {
  const extension = { name: 'citext', schema: 'public' };
  const changes: Change[] = [{ kind: 'dropExtension', extension }];
  const user = { kind: 'table', schema: 'public', name: 'archive', column: 'email', description: 'column email of table public.archive' };
  const plan = planChanges(changes, { uses: [{ used: { kind: 'extension', schema: 'public', name: 'citext' }, user }] });
  expect(plan.up).toEqual([]);
  expect(plan.warnings.map((w) => `${w.code} ${w.severity}: ${w.message}`)).toEqual([
    'DS106 info: extension citext is not dropped: column email of table public.archive uses it',
  ]);
  // Without the use it is dropped.
  expect(planChanges(changes).up.map((s) => s.sql)).toEqual(['DROP EXTENSION IF EXISTS "citext"']);
});

test('down keeps an extension its migration created for nothing in it, drops one it created for a table of its own', () => {
  const extension = { name: 'uuid-ossp', schema: 'public' };
  const uuidTable = table('public', 'tokens', { columns: [column('id', 'uuid', { nullable: false, valueSource: defaultOf('public.uuid_generate_v4()') })] });
  const plain = table('public', 'notes', { columns: [column('id', 'integer')] });
  const downOf = (changes: Change[]) => planChanges(changes).down.map((s) => s.sql);
  expect(downOf([{ kind: 'createExtension', extension }, { kind: 'createTable', table: plain }])).toEqual(['DROP TABLE "public"."notes"']);
  expect(downOf([{ kind: 'createExtension', extension }, { kind: 'createTable', table: uuidTable }])).toEqual([
    'DROP TABLE "public"."tokens"',
    'DROP EXTENSION IF EXISTS "uuid-ossp"',
  ]);
});
