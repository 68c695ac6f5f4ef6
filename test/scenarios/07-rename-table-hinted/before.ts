import { col, table, varchar } from '../_lib/entity';

export default [
  table('tags', { label: varchar(40), color: varchar(7), weight: col('integer') }),
];
