import { col, table } from '../_lib/entity';

export default [
  table('employees', { salary: col('integer') }),
];
