import { col, table } from '../_lib/entity';

export default [
  table('jobs', { state: col('enum', { enum: ['queued', 'running', 'stale'], enumName: 'job_state' }) }),
];
