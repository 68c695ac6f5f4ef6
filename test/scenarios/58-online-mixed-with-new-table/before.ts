import { table, varchar } from '../_lib/entity';

export default [
  table('stores', { city: varchar(40) }),
];
