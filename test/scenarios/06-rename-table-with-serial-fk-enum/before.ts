import { col, table } from '../_lib/entity';

export default [
  table('members', { id: { type: 'integer', primary: true, generated: 'increment' }, status: col('enum', { enum: ['active', 'banned'] }) }),
  table('notes', { body: col('text'), member_id: col('integer') }, {
    relations: { member: { type: 'many-to-one', target: 'members', joinColumn: { name: 'member_id' } } },
  }),
];
