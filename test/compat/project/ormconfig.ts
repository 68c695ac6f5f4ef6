import 'reflect-metadata';
import { DataSource } from 'typeorm';

/** Loaded by whichever TypeORM the test process maps `typeorm` to (test/typeorm-variant.js). */
export default new DataSource({
  type: 'postgres',
  uuidExtension: 'pgcrypto',
  entities: ['entities/*.entity.ts'],
});
