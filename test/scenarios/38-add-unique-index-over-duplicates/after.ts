import { col, table, varchar } from '../_lib/entity';

export default [
  table('badges', { owner: col('integer'), kind: varchar(10) }, { indices: [{ name: 'badges_owner_kind_idx', columns: ['owner', 'kind'], unique: true }] }),
];
