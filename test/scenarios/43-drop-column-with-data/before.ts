import { table, varchar } from '../_lib/entity';

export default [
  table('leads', { name: varchar(60), fax: varchar(30) }),
];
