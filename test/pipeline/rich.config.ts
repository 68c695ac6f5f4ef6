import 'reflect-metadata';
import type { DataSourceOptions } from 'typeorm';
import { richEntities } from '../fixtures/rich';

/** The rich entity set as a project config: every entity feature the reader supports. */
const options: DataSourceOptions = {
  type: 'postgres',
  entities: richEntities,
};
export default options;
