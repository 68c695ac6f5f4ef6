import { col, table, varchar } from '../_lib/entity';

export default [
  table('badges', { owner: col('integer'), kind: varchar(10) }),
];
