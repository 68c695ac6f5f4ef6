import { table, varchar } from '../_lib/entity';

export default [
  table('users', { email: varchar(320) }),
];
