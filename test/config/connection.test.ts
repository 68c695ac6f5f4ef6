/** The DataSource's ssl / extra / connectTimeoutMS reach every connection ormdiff opens to the project's server. */
import 'reflect-metadata';
import { join } from 'node:path';
import { openProject } from '../../src/api/project';
import { connectionSettingsOf } from '../../src/config/url';
import { connect, useConnectionSettings, withConnection } from '../../src/db/connect';
import { DatabaseError } from '../../src/errors';
import { openSession } from '../../src/runner/session';
import { createTestDatabase, TestDatabase } from '../../src/testing/database';

const fixture = join(__dirname, '..', 'fixtures', 'config', 'connection');
const SETTINGS = `SELECT current_setting('application_name') AS app, current_setting('search_path') AS path,
  current_setting('statement_timeout') AS timeout, current_database() AS db`;

describe('connectionSettingsOf', () => {
  it('takes ssl and connectTimeoutMS, then extra over them, without the keys that name the server or database', () => {
    expect(
      connectionSettingsOf({ type: 'postgres', ssl: { rejectUnauthorized: false }, connectTimeoutMS: 5, extra: { ssl: true, host: 'x', database: 'y', max: 3 } }),
    ).toEqual({ ssl: true, connectionTimeoutMillis: 5, max: 3 });
    expect(connectionSettingsOf({ type: 'postgres', ssl: false })).toEqual({ ssl: false });
    expect(connectionSettingsOf({ type: 'postgres', url: 'postgres://a@b/c' })).toBeUndefined();
  });
});

describe("ormdiff's own connections", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('ormdiff_conn');
  });
  afterAll(async () => {
    useConnectionSettings(db.url, {});
    await db.drop();
  });

  it("use the config's extra and ssl: false for the project's database and others on its server", async () => {
    const project = await openProject({ config: 'ormconfig.ts', cwd: fixture, url: db.url });
    const expected = { app: 'billing-api', path: 'billing,public', timeout: '4321ms', db: db.name };
    expect(await withConnection(project.url!, async (c) => (await c.query(SETTINGS)).rows[0])).toEqual(expected);

    // The runner's TypeORM connection too.
    const session = await openSession({ url: project.url, offline: false });
    try {
      expect((await session.direct(SETTINGS))[0]).toEqual(expected);
    } finally {
      await session.close();
    }

    // The maintenance database, where scratch databases are created, is on the same server.
    const maintenance = new URL(db.url);
    maintenance.pathname = '/postgres';
    expect(await withConnection(maintenance.toString(), async (c) => (await c.query(SETTINGS)).rows[0])).toEqual({ ...expected, db: 'postgres' });
  });

  it('carry ssl: a server without TLS refuses a config that requires it, with a one-line error (exit 3) and no password', async () => {
    const url = new URL(db.url);
    url.password = 's3cret-pw';
    useConnectionSettings(url.toString(), { ssl: true });
    const error = await connect(url.toString()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).exitCode).toBe(3);
    expect((error as Error).message).toMatch(/SSL/);
    expect((error as Error).message).not.toContain('s3cret-pw');
  });
});
