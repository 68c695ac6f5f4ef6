import { col, table, varchar } from '../_lib/entity';

export default [
  table('authors', { name: varchar(40) }),
  table('books', { title: varchar(80), author_id: col('integer') }),
];
