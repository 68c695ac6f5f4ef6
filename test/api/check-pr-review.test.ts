/**
 * The pull-request review (docs/ci.md): the database at the base branch's migrations, the branch's
 * new migration pending; `check --format markdown` shows what will run there (the migration's own
 * statements as replayed, a USING clause the author wrote included), its warnings, and the per-table
 * schema diff; the JSON gate of docs/ci.md passes a correct pull request.
 */
import { runCli } from '../cli/helpers';
import { INITIAL, projectWithDatabase } from '../scratch/project';
import { markdownText } from '../../src/render/markdown-text';

const fixture = projectWithDatabase();
const cli = (args: string[]) => runCli(args, { cwd: fixture.project().dir, env: { DATABASE_URL: fixture.db().url } });

test('the base database plus a hand-written migration: its statements, warnings and table diff', async () => {
  // The base branch: the example's one migration applied.
  expect((await cli(['upgrade', 'head'])).code).toBe(0);
  // The pull request: the author's own migration for the entities' nickname, with a conversion of their choosing.
  fixture.project().addMigration({
    revision: 'a1b2c3d4e5f6',
    parent: INITIAL,
    slug: 'card_nickname',
    up: [
      '    await queryRunner.query(`ALTER TABLE "public"."cards" ADD "nickname" character varying(40)`);',
      '    await queryRunner.query(`ALTER TABLE "public"."cards" ALTER COLUMN "last4" TYPE character varying(4) USING right("last4", 4)`);',
    ].join('\n'),
    down: '    await queryRunner.query(`ALTER TABLE "public"."cards" DROP COLUMN "nickname"`);',
  });

  const md = await cli(['check', '--format', 'markdown']);
  // Exit 1: the database is behind (that is what a review of a pull request is about).
  expect(md.code).toBe(1);
  expect(md.stdout).toContain('## Database behind');
  expect(md.stdout).toContain('### Migrations to run (1)');
  // Names reach Markdown through its one escaper (src/render/markdown-text.ts).
  expect(md.stdout).toContain(`#### ${markdownText('a1b2c3d4e5f6_card_nickname.ts: card nickname')}`);
  expect(md.stdout).toContain('ALTER TABLE "public"."cards" ALTER COLUMN "last4" TYPE character varying(4) USING right("last4", 4);');
  expect(md.stdout).toContain('ALTER TABLE "public"."cards" ADD "nickname" character varying(40);');
  // The per-table schema diff, base → after the pull request's migrations.
  expect(md.stdout).toContain('### What they change');
  const tableDiff = md.stdout.split(`#### ${markdownText('public.cards')}\n`)[1] ?? '';
  expect(tableDiff).toMatch(/^\n```+diff\n[\s\S]*\+\s+"?nickname"? character varying\(40\)/);
  // Not the entities' diff: ormdiff's own plan for the change is not what the comment shows.
  expect(md.stdout).not.toContain('Migrations missing');

  const json = await cli(['check', '--format', 'json']);
  const report = JSON.parse(json.stdout);
  expect(report.findings.map((f: { kind: string }) => f.kind)).toEqual(['databaseBehind']);
  const review = report.findings[0].review;
  expect(review.migrations).toHaveLength(1);
  expect(review.migrations[0].statements).toEqual([
    'ALTER TABLE "public"."cards" ADD "nickname" character varying(40)',
    'ALTER TABLE "public"."cards" ALTER COLUMN "last4" TYPE character varying(4) USING right("last4", 4)',
  ]);
  // docs/ci.md's gate: only "database behind", and no error-level warning left unacknowledged.
  const gate = report.findings.every((f: { kind: string }) => f.kind === 'databaseBehind') &&
    review.migrations.every((m: { hazards: Array<{ severity: string; acknowledged?: string }> }) => m.hazards.every((h) => h.severity !== 'error' || h.acknowledged !== undefined));
  expect(gate).toBe(true);

  const text = await cli(['check']);
  expect(text.stdout).toContain('a1b2c3d4e5f6_card_nickname.ts would run:');
  expect(text.stdout).toContain('USING right("last4", 4)');
});
