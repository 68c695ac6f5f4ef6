/**
 * `ormdiff check` is a gate on hazards too: on a copy of the example project whose entities,
 * migrations and database agree, a migration with an error-level warning nobody acknowledged fails
 * it (in every format, naming file and code) until the file acknowledges the code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../cli/helpers';
import { projectWithDatabase } from '../scratch/project';

const fixture = projectWithDatabase();

const cli = (args: string[]) => runCli(args, { cwd: fixture.project().dir, env: { DATABASE_URL: fixture.db().url } });

test('an unacknowledged DROP TABLE in a migration fails check and lint; the ack makes both pass', async () => {
  // The example's pending model change gets its migration, so only the hazard can fail the check.
  expect((await cli(['revision', '--autogenerate', '--scratch', '-m', 'add card nickname'])).code).toBe(0);
  const nickname = fixture.project().migrations().find((f) => f.endsWith('_add_card_nickname.ts'))!.slice(0, 12);

  // A hand-written data fix through a staging table it drops again: the schema is unchanged, but
  // lint cannot know the table is its own, so the drop is an error to acknowledge.
  const file = fixture.project().addMigration({
    revision: 'c0ffee000001',
    parent: nickname,
    slug: 'normalise_last4',
    up: [
      '    await queryRunner.query(`CREATE TABLE "public"."last4_fix" ("id" integer PRIMARY KEY, "last4" character varying(4))`);',
      '    await queryRunner.query(`INSERT INTO "public"."last4_fix" SELECT "id", upper("last4") FROM "public"."cards"`);',
      '    await queryRunner.query(`UPDATE "public"."cards" c SET "last4" = f."last4" FROM "public"."last4_fix" f WHERE f."id" = c."id"`);',
      '    await queryRunner.query(`DROP TABLE "public"."last4_fix"`);',
    ].join('\n'),
    down: '',
  });
  const relative = path.join('migrations', path.basename(file));
  const dropLine = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('DROP TABLE')) + 1;
  expect((await cli(['upgrade', 'head'])).code).toBe(0);

  const text = await cli(['check']);
  expect(text.code).toBe(1);
  expect(text.stdout.trim().split('\n')).toEqual([
    `migration ${relative}: DS101 error (line ${dropLine}) not acknowledged; to accept, add \`// ormdiff-ack: DS101 <reason>\` to the file`,
    `  ${relative}:${dropLine}: DS101 error: drops a table and every row in it: DROP TABLE "public"."last4_fix"`,
    '1 problem(s): migrations hold error-level warnings nobody acknowledged',
  ]);

  const json = await cli(['check', '--format', 'json']);
  expect(json.code).toBe(1);
  expect(JSON.parse(json.stdout)).toMatchObject({
    format: 'ormdiff.check/v1',
    ok: false,
    live: true,
    revisions: 3,
    findings: [{ kind: 'unacknowledgedHazards', file: relative, hazards: [{ code: 'DS101', line: dropLine }] }],
  });

  const markdown = await cli(['check', '--format', 'markdown']);
  expect(markdown.code).toBe(1);
  expect(markdown.stdout).toMatch(/^## Unacknowledged hazards$/m);
  expect(markdown.stdout).toContain(`migration ${relative}: DS101 error`);

  const lint = await cli(['lint']);
  expect(lint.code).toBe(1);
  expect(lint.stdout).toContain(`${relative}:${dropLine}: DS101 error`);

  // Acknowledged on line 1, above the header.
  writeFileSync(file, `// ormdiff-ack: DS101 last4_fix is this migration's own staging table\n${readFileSync(file, 'utf8')}`);
  const acked = await cli(['check']);
  expect(acked.code).toBe(0);
  expect(acked.stdout.trim()).toBe('Entities, migrations (3) and database agree');
  expect((await cli(['lint'])).code).toBe(0);
});
