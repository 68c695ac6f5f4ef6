import { col, table, varchar } from '../_lib/entity';

export default [
  table('teams', { name: varchar(60), active: col('boolean', { nullable: false }) }),
];
