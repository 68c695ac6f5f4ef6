import { table, varchar } from '../_lib/entity';

export default [
  table('handles', { handle: varchar(30) }, { uniques: [{ name: 'handles_handle_key', columns: ['handle'] }] }),
];
