import { col, table, varchar } from '../_lib/entity';

export default [
  table('api_keys', { label: varchar(40), token: col('uuid', { nullable: false, default: () => 'gen_random_uuid()' }) }),
];
