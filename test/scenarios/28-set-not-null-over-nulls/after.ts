import { table, varchar } from '../_lib/entity';

export default [table('accounts', { plan: varchar(20, { nullable: false }) })];
