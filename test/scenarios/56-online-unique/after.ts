import { table, varchar } from '../_lib/entity';

export default [
  table('domains', { host: varchar(100) }, { uniques: [{ name: 'domains_host_key', columns: ['host'] }] }),
];
