import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Card } from './entities/Card';
import { Profile } from './entities/Profile';
import { User } from './entities/User';

/**
 * The example application's data source. ormdiff reads the entities from here; the database is
 * --url, else DATABASE_URL. With neither, there is no database to compare, and ormdiff replays
 * migrations/ into an embedded PostgreSQL it starts itself (under .ormdiff/).
 */
export default new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL || undefined,
  entities: [User, Profile, Card],
  migrations: ['migrations/*.ts'],
});

/** ormdiff's own settings. */
export const ormdiff = {
  migrationsDir: 'migrations',
};
