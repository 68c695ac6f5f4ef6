import { table, varchar } from '../_lib/entity';

export default [
  table('members', { email: varchar(120) }),
];
