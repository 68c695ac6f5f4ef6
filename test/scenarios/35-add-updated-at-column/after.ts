import { col, table } from '../_lib/entity';

export default [
  table('comments', { text: col('text'), updated_at: col('timestamptz', { nullable: false }) }),
];
