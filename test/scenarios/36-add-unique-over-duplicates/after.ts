import { table, varchar } from '../_lib/entity';

export default [
  table('members', { email: varchar(120) }, { uniques: [{ name: 'members_email_key', columns: ['email'] }] }),
];
