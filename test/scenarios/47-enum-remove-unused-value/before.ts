import { col, table } from '../_lib/entity';

export default [
  table('plans', { tier: col('enum', { enum: ['free', 'basic', 'legacy'], enumName: 'plan_tier' }) }),
];
