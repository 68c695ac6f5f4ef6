import { col, table, varchar } from '../_lib/entity';

export default [
  table('labels', { label: varchar(40), hue: varchar(7), rank: col('smallint') }),
];
