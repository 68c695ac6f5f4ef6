import { col, table } from '../_lib/entity';

export default [
  table('orders', { state: col('enum', { enum: ['open', 'paid', 'shipped'], enumName: 'order_state' }) }),
];
