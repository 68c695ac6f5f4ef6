import { col, table } from '../_lib/entity';

export default [
  table('tickets', { priority: col('enum', { enum: ['low', 'normal', 'critical'], enumName: 'ticket_priority' }) }),
];
