/**
 * `ormdiff check` three ways on a real server: entities vs migrations (replayed on a scratch
 * database) vs the live database, each kind of disagreement with its exit code and output.
 */
import { execSql } from '../../src/testing/database';
import { runCli } from '../cli/helpers';
import { projectWithDatabase, INITIAL } from '../scratch/project';

const fixture = projectWithDatabase();

const cli = (args: string[]) => runCli(args, { cwd: fixture.project().dir, env: { DATABASE_URL: fixture.db().url } });

test('migrations missing and database behind, then agreement, then drift', async () => {
  // The example entities have a column (cards.nickname) no migration adds; the database is empty.
  const first = await cli(['check']);
  expect(first.code).toBe(1);
  expect(first.stdout).toMatch(/^migrations missing: the entities need 1 change\(s\) no migration makes \(public\.cards\.nickname\)/m);
  expect(first.stdout).toMatch(/^  ALTER TABLE "public"\."cards" ADD COLUMN "nickname" character varying\(40\)$/m);
  expect(first.stdout).toMatch(new RegExp(`^database behind: it is at \\(base\\) and 1 revision\\(s\\) are not applied \\(${INITIAL}\\)`, 'm'));

  // --scratch: autogenerate from the replayed migrations although the live database is configured (and behind).
  const written = await cli(['revision', '--autogenerate', '--scratch', '-m', 'add card nickname']);
  expect(written.code).toBe(0);
  expect(written.stderr).toMatch(/Replayed 1 migration\(s\) into ormdiff_scratch_/);
  const nickname = fixture.project().migrations().find((f) => f.endsWith('_add_card_nickname.ts'))!.slice(0, 12);

  const behind = await cli(['check']);
  expect(behind.code).toBe(1);
  expect(behind.stdout).not.toMatch(/migrations missing/);
  expect(behind.stdout).toMatch(new RegExp(`^database behind: .*2 revision\\(s\\) are not applied \\(${INITIAL}, ${nickname}\\)`, 'm'));

  expect((await cli(['upgrade', 'head'])).code).toBe(0);
  const agree = await cli(['check']);
  expect(agree.code).toBe(0);
  expect(agree.stdout.trim()).toBe('Entities, migrations (2) and database agree');

  // Someone changes the database by hand: a column added, an index dropped.
  await execSql(fixture.db().url, 'ALTER TABLE cards ADD COLUMN rogue integer; DROP INDEX "IDX_4f997a0bb98352fcad3239a8a8"');
  const drifted = await cli(['check']);
  expect(drifted.code).toBe(1);
  expect(drifted.stdout).toMatch(/^database drifted from migrations: public\.cards\.rogue, public\.cards\.IDX_4f997a0bb98352fcad3239a8a8$/m);
  expect(drifted.stdout).toMatch(/^  ALTER TABLE "public"\."cards" DROP COLUMN "rogue"$/m);

  const json = await cli(['check', '--format', 'json']);
  expect(json.code).toBe(1);
  const report = JSON.parse(json.stdout);
  expect(report).toMatchObject({ format: 'ormdiff.check/v1', ok: false, live: true, revisions: 2 });
  expect(report.findings).toHaveLength(1);
  expect(report.findings[0]).toMatchObject({ kind: 'databaseDrifted', objects: ['public.cards.rogue', 'public.cards.IDX_4f997a0bb98352fcad3239a8a8'] });
  expect(report.findings[0].plan.up).toContain('ALTER TABLE "public"."cards" DROP COLUMN "rogue"');

  const markdown = await cli(['check', '--format', 'markdown']);
  expect(markdown.code).toBe(1);
  expect(markdown.stdout).toMatch(/^# ormdiff check$/m);
  expect(markdown.stdout).toMatch(/^## Database drifted from migrations$/m);
  // The plan's own report is nested under the finding, its headings one level deeper.
  expect(markdown.stdout).toMatch(/^### Migration plan$/m);
  expect(markdown.stdout).not.toMatch(/^# Migration plan$/m);
});
