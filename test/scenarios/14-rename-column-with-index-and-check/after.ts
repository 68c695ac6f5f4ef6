import { col, table } from '../_lib/entity';

export default [
  table('scores', { points: col('integer') }, { indices: [{ name: 'scores_pts_idx', columns: ['points'] }], checks: [{ name: 'scores_pts_check', expression: 'points >= 0' }] }),
];
