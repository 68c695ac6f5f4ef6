import { table, varchar } from '../_lib/entity';

export default [table('events', { kind: varchar(30) }, { indices: [{ name: 'events_kind_idx', columns: ['kind'] }] })];
