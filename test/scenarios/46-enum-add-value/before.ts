import { col, table } from '../_lib/entity';

export default [
  table('shipments', { state: col('enum', { enum: ['new', 'sent'], enumName: 'shipment_state' }) }),
];
