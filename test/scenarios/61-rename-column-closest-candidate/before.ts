import { col, table, varchar } from '../_lib/entity';

export default [table('posts', { title: col('text'), body: varchar(200, { nullable: false, default: '' }) })];
