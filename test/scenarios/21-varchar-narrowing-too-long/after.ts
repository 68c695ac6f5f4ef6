import { table, varchar } from '../_lib/entity';

export default [
  table('slugs', { slug: varchar(5) }),
];
