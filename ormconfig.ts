import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Card } from './entities/Card';
import { Profile } from './entities/Profile';
import { User } from './entities/User';

/**
 * The example application's data source. ormdiff reads the entities from here; the database comes from
 * --url, else DATABASE_URL, else this file.
 */
export default new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/ormdiff_example',
  entities: [User, Profile, Card],
  migrations: ['migrations/*.ts'],
});

/** ormdiff's own settings. */
export const ormdiff = {
  migrationsDir: 'migrations',
};
