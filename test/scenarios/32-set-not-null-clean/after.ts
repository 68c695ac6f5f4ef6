import { table, varchar } from '../_lib/entity';

export default [
  table('regions', { code: varchar(4, { nullable: false }) }),
];
