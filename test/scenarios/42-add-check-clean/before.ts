import { col, table } from '../_lib/entity';

export default [
  table('rooms', { seats: col('integer') }),
];
