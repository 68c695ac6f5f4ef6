import { col, table } from '../_lib/entity';

export default [
  table('devices', { ref: col('uuid') }),
];
