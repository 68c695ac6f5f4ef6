import { col, table } from '../_lib/entity';

export default [
  table('posts', { title: col('text'), body: col('text') }),
];
