import { table, varchar } from '../_lib/entity';

export default [table('events', { kind: varchar(30) })];
