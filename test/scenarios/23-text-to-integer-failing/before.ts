import { col, table } from '../_lib/entity';

export default [
  table('readings', { value: col('text') }),
];
