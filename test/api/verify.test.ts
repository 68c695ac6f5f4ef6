/**
 * `ormdiff verify` on a scratch database: passes for migrations that reverse cleanly, and names the
 * migration whose `down` does not restore the schema.
 */
import { querySql, serverUrl } from '../../src/testing/database';
import { runCli } from '../cli/helpers';
import { projectWithDatabase, INITIAL, scratchNames } from '../scratch/project';

const fixture = projectWithDatabase();

const cli = (args: string[]) => runCli(args, { cwd: fixture.project().dir, env: { DATABASE_URL: fixture.db().url } });

test('verify passes, then names a migration whose down leaves a table behind', async () => {
  // The example's pending model change gets its migration first, so migrations and entities agree.
  const behind = await cli(['verify']);
  expect(behind.code).toBe(1);
  expect(behind.stdout).toMatch(/^verify failed: migrations missing: .*public\.cards\.nickname/m);
  expect((await cli(['revision', '--autogenerate', '--scratch', '-m', 'add card nickname'])).code).toBe(0);
  const nickname = fixture.project().migrations().find((f) => f.endsWith('_add_card_nickname.ts'))!.slice(0, 12);

  const ok = await cli(['verify']);
  expect(ok.code).toBe(0);
  expect(ok.stdout).toMatch(/^Verified 2 migration\(s\)/);
  expect(ok.stderr).toContain(`Verified ${INITIAL} initial schema: up → down → up`);

  fixture.project().addMigration({
    revision: 'a0d17000beef',
    parent: nickname,
    slug: 'audit_log',
    up: [
      '    await queryRunner.query(`CREATE TABLE "public"."audit_log" ("id" serial PRIMARY KEY, "entry" text)`);',
      '    await queryRunner.query(`ALTER TABLE "public"."users" ADD COLUMN "note" text`);',
    ].join('\n'),
    down: '    await queryRunner.query(`ALTER TABLE "public"."users" DROP COLUMN "note"`);',
  });
  const bad = await cli(['verify']);
  expect(bad.code).toBe(1);
  expect(bad.stdout.trim()).toBe(
    'verify failed: migration a0d17000beef (a0d17000beef_audit_log.ts, "audit log"): down does not restore the schema; ' +
      'after up → down these differ from before up: public.audit_log',
  );
  // The migrations before it were verified; and the scratch database is gone.
  expect(bad.stderr).toContain(`Verified ${nickname} add card nickname: up → down → up`);
  const names = scratchNames(bad.stderr);
  expect(names).toHaveLength(1);
  expect(await querySql(serverUrl(), 'SELECT 1 FROM pg_database WHERE datname = $1', [names[0]])).toEqual([]);
  // verify never touches the configured database.
  expect(await querySql(fixture.db().url, "SELECT 1 FROM pg_tables WHERE schemaname = 'public'")).toEqual([]);
});
