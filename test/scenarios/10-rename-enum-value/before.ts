import { col, table } from '../_lib/entity';

export default [
  table('tickets', { priority: col('enum', { enum: ['low', 'normal', 'urgent'], enumName: 'ticket_priority' }) }),
];
