import { col, table, varchar } from '../_lib/entity';

export default [
  table('keep', { v: col('integer') }),
  table('sessions', { token: varchar(64) }),
];
