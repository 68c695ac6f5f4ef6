import { col, table } from '../_lib/entity';

export default [
  table('cards', { suit: col('text') }),
];
