import { col, table, varchar } from '../_lib/entity';

export default [
  table('vendors', { name: varchar(40) }),
  table('orders', { vendor_id: col('integer'), qty: col('integer') }),
];
