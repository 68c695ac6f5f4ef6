import { col, table } from '../_lib/entity';

export default [
  table('audit_log', { at: col('timestamptz'), what: col('text') }),
];
