import { col, table } from '../_lib/entity';

export default [
  table('settings', { payload: col('jsonb') }),
];
