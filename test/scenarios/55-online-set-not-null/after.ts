import { table, varchar } from '../_lib/entity';

export default [
  table('profiles', { locale: varchar(10, { nullable: false }) }),
];
