import { col, table, varchar } from '../_lib/entity';

export default [
  table('products', { sku: varchar(20), price: col('integer') }, { uniques: [{ name: 'UQ_sku', columns: ['sku'] }], checks: [{ name: 'CHK_price', expression: 'price >= 0' }] }),
];
