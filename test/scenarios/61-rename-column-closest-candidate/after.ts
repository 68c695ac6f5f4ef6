import { col, table, varchar } from '../_lib/entity';

export default [table('posts', { title: col('text'), note: col('text'), content: varchar(200, { nullable: false, default: '' }) })];
