import { col, table } from '../_lib/entity';

export default [
  table('prices', { amount: col('numeric', { precision: 10, scale: 3 }) }),
];
