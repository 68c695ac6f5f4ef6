import { table, varchar } from '../_lib/entity';

export default [
  table('teams', { name: varchar(60) }),
];
