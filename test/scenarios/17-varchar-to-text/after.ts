import { col, table } from '../_lib/entity';

export default [
  table('articles', { title: col('text') }),
];
