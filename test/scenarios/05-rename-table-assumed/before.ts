import { table, varchar } from '../_lib/entity';

export default [
  table('person', { name: varchar(80), email: varchar(120) }),
];
