import { col, table } from '../_lib/entity';

export default [
  table('comments', { text: col('text'), touched: { type: 'timestamptz', updateDate: true } }),
];
