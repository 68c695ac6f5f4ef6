import { col, table } from '../_lib/entity';

export default [
  table('scores', { pts: col('integer') }, { indices: [{ name: 'scores_pts_idx', columns: ['pts'] }], checks: [{ name: 'scores_pts_check', expression: 'pts >= 0' }] }),
];
