import { col, table } from '../_lib/entity';

export default [
  table('invoices', { total: col('numeric', { precision: 10, scale: 2 }) }),
];
