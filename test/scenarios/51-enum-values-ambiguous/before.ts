import { col, table } from '../_lib/entity';

export default [
  table('pages', { stage: col('enum', { enum: ['draft', 'review', 'published'], enumName: 'page_stage' }) }),
];
