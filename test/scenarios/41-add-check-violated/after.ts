import { col, table } from '../_lib/entity';

export default [
  table('employees', { salary: col('integer') }, { checks: [{ name: 'employees_salary_check', expression: 'salary > 0' }] }),
];
