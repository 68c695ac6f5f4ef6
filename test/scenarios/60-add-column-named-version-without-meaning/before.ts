import { table, varchar } from '../_lib/entity';

export default [
  table('releases', { title: varchar(80) }),
];
