import { col, table } from '../_lib/entity';

export default [
  table('tasks', { state: col('enum', { enum: ['todo', 'doing', 'blocked', 'done'], enumName: 'task_state' }) }),
];
