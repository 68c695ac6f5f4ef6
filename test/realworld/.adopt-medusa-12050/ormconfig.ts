/**
 * Medusa v1 builds its DataSource in code (packages/medusa/src/loaders/database.ts, not vendored: it
 * needs the whole server); these are the options it passes for the models and migrations.
 */
import { DataSource } from 'typeorm';

export default new DataSource({
  type: 'postgres',
  entities: ['app/packages/medusa/src/models/*.ts'],
  migrations: ['app/packages/medusa/src/migrations/*.ts'],
});
