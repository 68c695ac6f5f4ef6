import { col, table, varchar } from '../_lib/entity';

export default [
  table('products', { sku: varchar(20), price: col('integer') }, { uniques: [{ name: 'products_sku_key', columns: ['sku'] }], checks: [{ name: 'products_price_check', expression: 'price >= 0' }] }),
];
