import { col, table } from '../_lib/entity';

export default [
  table('accounts', { id: { type: 'integer', primary: true, generated: 'increment' }, status: col('enum', { enum: ['active', 'banned'] }) }),
  table('notes', { body: col('text'), account_id: col('integer') }, {
    relations: { account: { type: 'many-to-one', target: 'accounts', joinColumn: { name: 'account_id' } } },
  }),
];
