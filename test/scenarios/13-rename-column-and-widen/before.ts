import { table, varchar } from '../_lib/entity';

export default [
  table('customers', { phone: varchar(20) }),
];
