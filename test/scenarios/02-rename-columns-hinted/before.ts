import { table, varchar } from '../_lib/entity';

export default [
  table('people', { first: varchar(50), last: varchar(50) }),
];
