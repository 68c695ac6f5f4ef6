import { table, varchar } from '../_lib/entity';

export default [
  table('stores', { city: varchar(40) }, { indices: [{ name: 'stores_city_idx', columns: ['city'] }] }),
  table('clerks', { name: varchar(40) }, { indices: [{ name: 'clerks_name_idx', columns: ['name'] }] }),
];
