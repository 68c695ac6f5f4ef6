/**
 * A machine with no database configured (no DATABASE_URL, nothing in the config): ormdiff starts the
 * embedded PostgreSQL under <project>/.ormdiff/pg, and the README's main command writes the example's
 * pending migration there. Cold (initdb) and warm runs, and nothing left running or left behind.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../cli/helpers';
import { copyExampleProject, type TempProject } from './project';

let project: TempProject;
beforeAll(() => {
  project = copyExampleProject();
});
afterAll(() => project.remove());

const NO_DATABASE = { DATABASE_URL: undefined, TEST_DATABASE_URL: undefined, PGHOST: undefined, PGPORT: undefined };

async function timed(args: string[]) {
  const started = Date.now();
  const run = await runCli(args, { cwd: project.dir, env: NO_DATABASE });
  return { ...run, seconds: (Date.now() - started) / 1000 };
}

test('check and the README main command on the embedded PostgreSQL, cold then warm', async () => {
  const dataDir = path.join(project.dir, '.ormdiff', 'pg');
  expect(existsSync(dataDir)).toBe(false);

  const cold = await timed(['check']);
  expect(cold.stderr).toMatch(/Created the embedded PostgreSQL cluster in .*\.ormdiff\/pg/);
  expect(cold.code).toBe(1);
  expect(cold.stdout).toMatch(/^migrations missing: .*public\.cards\.nickname/m);
  expect(cold.stdout).toMatch(/no database configured|entities and migrations do not agree/);

  const main = await timed(['revision', '--autogenerate', '-m', 'add card nickname']);
  expect(main.code).toBe(0);
  expect(main.stderr).not.toMatch(/Created the embedded PostgreSQL cluster/);
  expect(main.stdout).toMatch(/Generating .*migrations\/[0-9a-f]{12}_add_card_nickname\.ts \.\.\. done/);
  const written = project.migrations().find((f) => f.endsWith('_add_card_nickname.ts'))!;
  const source = readFileSync(path.join(project.dir, 'migrations', written), 'utf8');
  expect(source).toMatch(/ADD COLUMN "nickname" character varying\(40\)/);
  expect(source).toMatch(/downRevision: string \| string\[\] \| null = "84877894d01b"/);

  const warm = await timed(['check']);
  expect(warm.code).toBe(0);
  expect(warm.stdout).toMatch(/Entities and migrations \(2\) agree/);

  // Stopped, unlocked, and every scratch database dropped: base/ holds template0, template1 and postgres only.
  expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  expect(existsSync(path.join(project.dir, '.ormdiff', 'pg.lock'))).toBe(false);
  expect(readdirSync(path.join(dataDir, 'base'))).toHaveLength(3);
  console.info(`embedded check: cold ${cold.seconds.toFixed(2)} s, warm ${warm.seconds.toFixed(2)} s; revision --autogenerate (warm) ${main.seconds.toFixed(2)} s`);
  // Cold: initdb, and the entities' first compile by the TypeScript compiler.
}, 180_000);
