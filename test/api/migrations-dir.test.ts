/** Where a DataSource's `migrations` globs say its migrations live, as TypeORM would find them. Pure. */
import path from 'node:path';
import { typeormMigrationsDir } from '../../src/api/project';

const configDir = path.resolve('/work/app');
const dirOf = (migrations: string[]) => typeormMigrationsDir({ type: 'postgres', migrations }, configDir);

test('a glob relative to the config', () => {
  expect(dirOf(['src/migrations/*.ts'])).toBe(path.join(configDir, 'src', 'migrations'));
  expect(dirOf(['./db/migrations/**/*{.ts,.js}'])).toBe(path.join(configDir, 'db', 'migrations'));
});

test("an absolute glob (__dirname + '/migrations/*.ts') names that folder, not one under the config", () => {
  expect(dirOf([path.resolve('/srv/project/migrations') + '/*.ts'])).toBe(path.resolve('/srv/project/migrations'));
  expect(dirOf(['/srv/project/migrations/*.ts', '/srv/project/migrations/*.js'])).toBe(path.resolve('/srv/project/migrations'));
});

test('a file path names its folder; a bare pattern the config folder', () => {
  expect(dirOf(['migrations/1700000000000-Init.ts'])).toBe(path.join(configDir, 'migrations'));
  expect(dirOf(['*.ts'])).toBe(configDir);
});

test('none, or several folders: undefined', () => {
  expect(dirOf([])).toBeUndefined();
  expect(dirOf(['a/*.ts', 'b/*.ts'])).toBeUndefined();
});
