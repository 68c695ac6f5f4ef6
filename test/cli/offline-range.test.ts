/** `upgrade a:b --sql` is offline: with DATABASE_URL set to a server that is down it still prints the script. */
import { runCli } from './helpers';
import { copyExampleProject, INITIAL, type TempProject } from '../scratch/project';

let project: TempProject;
beforeAll(() => {
  project = copyExampleProject();
});
afterAll(() => project.remove());

test('a start:end range prints the script without connecting to the configured database', async () => {
  const env = { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/down' };
  const run = await runCli(['upgrade', `base:${INITIAL}`, '--sql'], { cwd: project.dir, env });
  expect(run.stderr).not.toMatch(/ormdiff:|connect/i);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/CREATE TABLE "public"\."cards"/i);
  // The same server is consulted without a range, and is down: a database error, exit 3.
  const online = await runCli(['upgrade', INITIAL, '--sql'], { cwd: project.dir, env });
  expect(online.code).toBe(3);
});
