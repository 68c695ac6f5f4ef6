import { col, table } from '../_lib/entity';

export default [
  table('rooms', { seats: col('integer') }, { checks: [{ name: 'rooms_seats_check', expression: 'seats >= 0' }] }),
];
