import { table, varchar } from '../_lib/entity';

export default [
  table('cities', { name: varchar(80) }, { indices: [{ name: 'IDX_city_name', columns: ['name'] }] }),
];
