import { table, varchar } from '../_lib/entity';

export default [
  table('visits', { path: varchar(200) }, { indices: [{ name: 'visits_path_idx', columns: ['path'] }] }),
];
