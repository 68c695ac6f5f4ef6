import { table, varchar } from '../_lib/entity';

export default [
  table('customers', { phone_number: varchar(32) }),
];
