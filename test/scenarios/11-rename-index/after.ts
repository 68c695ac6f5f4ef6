import { table, varchar } from '../_lib/entity';

export default [
  table('cities', { name: varchar(80) }, { indices: [{ name: 'cities_name_idx', columns: ['name'] }] }),
];
