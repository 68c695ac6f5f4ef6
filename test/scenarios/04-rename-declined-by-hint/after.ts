import { col, table, varchar } from '../_lib/entity';

export default [
  table('profiles', { bio: col('text'), handle: varchar(40) }),
];
