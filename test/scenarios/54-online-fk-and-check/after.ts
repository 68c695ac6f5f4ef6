import { col, table, varchar } from '../_lib/entity';

export default [
  table('vendors', { name: varchar(40) }),
  table('orders', { vendor_id: col('integer'), qty: col('integer') }, {
    relations: { vendor: { type: 'many-to-one', target: 'vendors', joinColumn: { name: 'vendor_id' } } },
    checks: [{ name: 'orders_qty_check', expression: 'qty > 0' }],
  }),
];
