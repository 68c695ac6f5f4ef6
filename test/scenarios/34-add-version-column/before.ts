import { col, table } from '../_lib/entity';

export default [
  table('documents', { body: col('text') }),
];
