import { col, table } from '../_lib/entity';

export default [
  table('imports', { qty: col('text') }),
];
