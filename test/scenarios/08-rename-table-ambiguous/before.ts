import { col, table } from '../_lib/entity';

export default [
  table('audit_a', { at: col('timestamptz'), what: col('text') }),
  table('audit_b', { at: col('timestamptz'), what: col('text') }),
];
