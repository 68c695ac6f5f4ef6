import { col, table } from '../_lib/entity';

export default [
  table('keep', { v: col('integer') }),
];
