/**
 * Flowise builds its DataSource in packages/server/src/DataSource.ts (not vendored: it reads the
 * environment and picks one of four databases); these are the options it passes for PostgreSQL.
 * Its migrations index exports the classes as an array; the files themselves export each class.
 */
import { DataSource } from 'typeorm';

export default new DataSource({
  type: 'postgres',
  synchronize: false,
  migrationsRun: false,
  entities: ['app/packages/server/src/database/entities/*.ts'],
  migrations: ['app/packages/server/src/database/migrations/postgres/*.ts'],
});
