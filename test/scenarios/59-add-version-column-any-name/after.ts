import { col, table } from '../_lib/entity';

export default [
  table('invoices', { memo: col('text'), rev_no: { type: 'integer', version: true } }),
];
