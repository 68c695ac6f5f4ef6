import { col, table } from '../_lib/entity';

export default [
  table('stats', { visits: col('integer') }),
];
