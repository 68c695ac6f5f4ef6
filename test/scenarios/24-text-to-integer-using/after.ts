import { col, table } from '../_lib/entity';

export default [
  table('parcels', { weight: col('integer') }),
];
