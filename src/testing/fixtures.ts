/**
 * One-line fixtures for users' tests: a fresh database per test file on the server startTestServer
 * finds, optionally brought to `head` by the project's migrations first (the migration guide's
 * `upgrade(config, 'head')` before the application's own tests).
 */
import path from 'node:path';
import { connectExtensionsFor, openProject } from '../api/project';
import { upgrade } from '../runner';
import { createTestDatabase, type TestDatabase } from './database';
import { startTestServer, type ServerOptions, type TestServer } from './server';

export interface TestDatabaseOptions extends ServerOptions {
  /** Database name prefix; a random suffix makes each name unique. Default `test`. */
  prefix?: string;
}

export interface ServedTestDatabase extends TestDatabase {
  /** Where the server came from (env, testcontainers, embedded). */
  server: ServerSource;
}

type ServerSource = TestServer['source'];

// The databases of one test file share its server (chosen by the first call's options); the server goes
// when the last of them is dropped.
let shared: { server: Promise<TestServer>; users: number } | undefined;

async function acquireServer(opts: ServerOptions): Promise<TestServer> {
  shared ??= { server: startTestServer(opts), users: 0 };
  shared.users += 1;
  const mine = shared;
  try {
    return await mine.server;
  } catch (error) {
    if (shared === mine) shared = undefined;
    throw error;
  }
}

async function releaseServer(server: TestServer): Promise<void> {
  if (!shared) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  shared = undefined;
  await server.stop();
}

/** A new, empty database; `drop()` removes it (and stops a server that was started for it). */
export async function testDatabase(opts: TestDatabaseOptions = {}): Promise<ServedTestDatabase> {
  const server = await acquireServer(opts);
  let db: TestDatabase;
  try {
    db = await createTestDatabase(opts.prefix ?? 'test', server.url);
  } catch (error) {
    await releaseServer(server);
    throw error;
  }
  let dropped = false;
  return {
    ...db,
    server: server.source,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      try {
        await db.drop();
      } finally {
        await releaseServer(server);
      }
    },
  };
}

export interface MigratedTestDatabaseOptions extends TestDatabaseOptions {
  /** The project's TypeORM config, relative to `cwd`. Default `ormconfig.ts`. */
  config?: string;
  cwd?: string;
  /** Default `head`. */
  target?: string;
  /** Schema of ormdiff's version table. Default: the config's `ormdiff.versionSchema`, else `public`. */
  versionSchema?: string;
}

/**
 * A new database with the project's migrations applied up to `target`:
 *
 *   beforeAll(async () => (db = await migratedTestDatabase({ config: 'ormconfig.ts' })));
 *   afterAll(() => db.drop());
 */
export async function migratedTestDatabase(opts: MigratedTestDatabaseOptions = {}): Promise<ServedTestDatabase> {
  const project = await openProject({ config: opts.config, cwd: opts.cwd ?? opts.projectDir, versionSchema: opts.versionSchema }, { lazyEntities: true });
  // The embedded server's cluster lives beside the config, where ormdiff's own commands keep it.
  const db = await testDatabase({ ...opts, projectDir: opts.projectDir ?? path.dirname(project.configPath) });
  try {
    await upgrade({
      migrationsDir: project.migrationsDir,
      typeormTable: project.typeormTable,
      url: db.url,
      target: opts.target ?? 'head',
      schema: project.versionSchema,
      extensions: connectExtensionsFor(project),
    });
  } catch (error) {
    await db.drop();
    throw error;
  }
  return db;
}
