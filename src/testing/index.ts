/** Test helpers for ormdiff's own tests and for users' fixtures (see the README's testing section). */
export { createTestDatabase, dropDatabase, execSql, querySql, serverUrl, withDatabase, type TestDatabase } from './database';
export {
  defaultSteps,
  embeddedStep,
  envStep,
  firstServer,
  startTestServer,
  testcontainersStep,
  type ServerOptions,
  type ServerSource,
  type ServerStep,
  type TestServer,
} from './server';
export {
  migratedTestDatabase,
  testDatabase,
  type MigratedTestDatabaseOptions,
  type ServedTestDatabase,
  type TestDatabaseOptions,
} from './fixtures';
