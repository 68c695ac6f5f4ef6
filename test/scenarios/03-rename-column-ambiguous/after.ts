import { col, table } from '../_lib/entity';

export default [
  table('posts', { title: col('text'), summary: col('text'), content: col('text') }),
];
