import { col, table } from '../_lib/entity';

export default [
  table('invoices', { memo: col('text') }),
];
