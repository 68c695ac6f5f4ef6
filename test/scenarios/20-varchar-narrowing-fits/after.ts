import { table, varchar } from '../_lib/entity';

export default [
  table('codes', { code: varchar(8) }),
];
