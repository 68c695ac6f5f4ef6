import { col, table } from '../_lib/entity';

export default [
  table('logins', { at: col('timestamptz') }),
];
