import { table, varchar } from '../_lib/entity';

export default [
  table('articles', { title: varchar(200) }),
];
