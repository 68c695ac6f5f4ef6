import { table, varchar } from '../_lib/entity';

export default [
  table('subscriptions', { plan: varchar(20, { nullable: false, default: 'free' }) }),
];
