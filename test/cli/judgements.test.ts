/**
 * `check` keeps its judgements of replayed migrations (src/api/judgements.ts): a second run replays
 * them without reading the schema around each one (far fewer round trips) and reports exactly the
 * same; a known migration that now runs other statements (a file it imports changed, its own bytes
 * did not) is judged again. Through the built CLI, where the cache is used.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './helpers';
import { projectWithDatabase } from '../scratch/project';

const fixture = projectWithDatabase();

async function check(): Promise<{ code: number; stdout: string; roundTrips: number }> {
  const run = await runCli(['check'], { cwd: fixture.project().dir, env: { DATABASE_URL: fixture.db().url, ORMDIFF_TIMINGS: '1' } });
  const timings = /^ormdiff-timings (.*)$/m.exec(run.stderr);
  if (!timings) throw new Error(`no timings: ${run.stderr}`);
  return { code: run.code, stdout: run.stdout, roundTrips: (JSON.parse(timings[1]) as { roundTrips: number }).roundTrips };
}

test('a second check judges nothing again and says the same; a changed import is judged again', async () => {
  const dir = fixture.project().dir;
  expect((await runCli(['revision', '--autogenerate', '--scratch', '-m', 'add card nickname'], { cwd: dir, env: { DATABASE_URL: fixture.db().url } })).code).toBe(0);
  const nickname = fixture.project().migrations().find((f) => f.endsWith('_add_card_nickname.ts'))!.slice(0, 12);
  // The statement comes from a file the migration imports: its own bytes stay the same below.
  writeFileSync(path.join(dir, 'fixes.ts'), 'export const FIX = `UPDATE "public"."cards" SET "nickname" = NULL WHERE false`;\n');
  const file = fixture.project().addMigration({
    revision: 'c0ffee000002',
    parent: nickname,
    slug: 'data_fix',
    up: '    await queryRunner.query(FIX);',
    down: '',
  });
  writeFileSync(file, `import { FIX } from '../fixes';\n${readFileSync(file, 'utf8')}`);
  expect((await runCli(['upgrade', 'head'], { cwd: dir, env: { DATABASE_URL: fixture.db().url } })).code).toBe(0);

  const first = await check();
  expect(first.code).toBe(0);
  const second = await check();
  expect(second.code).toBe(0);
  expect(second.stdout).toBe(first.stdout);
  // Three migrations: the first run read the schema around each (a catalog read is over ten queries).
  expect(first.roundTrips - second.roundTrips).toBeGreaterThanOrEqual(20);

  writeFileSync(path.join(dir, 'fixes.ts'), 'export const FIX = `ALTER TABLE "public"."cards" DROP COLUMN "nickname"`;\n');
  const changed = await check();
  expect(changed.code).toBe(1);
  expect(changed.stdout).toMatch(/DS102 error.*drop column public\.cards\.nickname/);
});
