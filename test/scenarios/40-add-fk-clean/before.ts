import { col, table, varchar } from '../_lib/entity';

export default [
  table('owners', { name: varchar(40) }),
  table('pets', { name: varchar(40), owner_id: col('integer') }),
];
