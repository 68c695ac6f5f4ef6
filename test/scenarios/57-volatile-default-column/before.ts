import { table, varchar } from '../_lib/entity';

export default [
  table('api_keys', { label: varchar(40) }),
];
