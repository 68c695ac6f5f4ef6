import { col, table } from '../_lib/entity';

export default [table('counters', { hits: col('bigint') })];
