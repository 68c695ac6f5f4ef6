import { col, table } from '../_lib/entity';

export default [
  table('bookings', { starts: col('date') }),
];
