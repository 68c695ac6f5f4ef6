import { table, varchar } from '../_lib/entity';

export default [
  table('people', { given_name: varchar(50), family_name: varchar(50) }),
];
