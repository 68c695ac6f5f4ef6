/**
 * `ormdiff check` is a gate on hazards and on changed history too, on a copy of the example project
 * whose entities, migrations and database agree: a migration whose statements lose data nobody
 * acknowledged fails it (in every format, naming file, line and code) until the file acknowledges
 * the code; an applied migration whose statements changed fails it exactly as it stops `upgrade`,
 * while reformatting it with prettier or adding comments changes nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'prettier';
import { runCli } from '../cli/helpers';
import { projectWithDatabase } from '../scratch/project';
import { markdownText } from '../../src/render/markdown-text';

const fixture = projectWithDatabase();

const cli = (args: string[]) => runCli(args, { cwd: fixture.project().dir, env: { DATABASE_URL: fixture.db().url } });

test('a column dropped and re-added by hand fails check and lint; the ack makes both pass; changed statements fail both check and upgrade, formatting does not', async () => {
  // The example's pending model change gets its migration, so only the hazard can fail the check.
  expect((await cli(['revision', '--autogenerate', '--scratch', '-m', 'add card nickname'])).code).toBe(0);
  const nickname = fixture.project().migrations().find((f) => f.endsWith('_add_card_nickname.ts'))!.slice(0, 12);

  // A hand-written "reset": the schema ends as it was, but every nickname is gone. A data fix through
  // a staging table the migration makes and drops again loses nothing of the database's.
  const file = fixture.project().addMigration({
    revision: 'c0ffee000001',
    parent: nickname,
    slug: 'reset_nicknames',
    up: [
      '    await queryRunner.query(`CREATE TABLE "public"."last4_fix" ("id" integer PRIMARY KEY, "last4" character varying(4))`);',
      '    await queryRunner.query(`INSERT INTO "public"."last4_fix" SELECT "id", upper("last4") FROM "public"."cards"`);',
      '    await queryRunner.query(`DROP TABLE "public"."last4_fix"`);',
      '    await queryRunner.dropColumn("cards", "nickname");',
      '    await queryRunner.query(`ALTER TABLE "public"."cards" ADD "nickname" character varying(40)`);',
    ].join('\n'),
    down: '',
  });
  const relative = path.join('migrations', path.basename(file));
  const dropLine = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('dropColumn')) + 1;
  expect((await cli(['upgrade', 'head'])).code).toBe(0);

  const text = await cli(['check']);
  expect(text.code).toBe(1);
  expect(text.stdout.trim().split('\n')).toEqual([
    `migration ${relative}: DS102 error (line ${dropLine}) not acknowledged; to accept, add \`// ormdiff-ack: DS102 <reason>\` to the file`,
    `  ${relative}:${dropLine}: DS102 error: drop column public.cards.nickname (its values are deleted)`,
    '1 problem(s): migrations hold error-level warnings nobody acknowledged',
  ]);

  const json = await cli(['check', '--format', 'json']);
  expect(json.code).toBe(1);
  expect(JSON.parse(json.stdout)).toMatchObject({
    format: 'ormdiff.check/v1',
    ok: false,
    live: true,
    revisions: 3,
    findings: [{ kind: 'unacknowledgedHazards', file: relative, hazards: [{ code: 'DS102', line: dropLine }] }],
  });

  const markdown = await cli(['check', '--format', 'markdown']);
  expect(markdown.code).toBe(1);
  expect(markdown.stdout).toMatch(/^## Unacknowledged hazards$/m);
  expect(markdown.stdout).toContain(markdownText(`migration ${relative}: DS102 error`));

  const lint = await cli(['lint']);
  expect(lint.code).toBe(1);
  expect(lint.stdout).toContain(`${relative}:${dropLine}: DS102 error`);

  // Acknowledged on line 1, above the header: a comment, so the applied checksum still holds.
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, `// ormdiff-ack: DS102 nicknames are re-entered by users (support ticket 4411)\n${original}`);
  const acked = await cli(['check']);
  expect(acked.stdout.trim()).toBe('Entities, migrations (3) and database agree');
  expect(acked.code).toBe(0);
  expect((await cli(['lint'])).code).toBe(0);

  // Reformatted with another print width and single quotes, and commented: the same code, the same checksum.
  const reformatted = await format(readFileSync(file, 'utf8').replace('public async up', '// reset\n  public async up'), {
    parser: 'typescript',
    printWidth: 40,
    singleQuote: true,
    semi: false,
  });
  expect(reformatted).not.toBe(readFileSync(file, 'utf8'));
  writeFileSync(file, reformatted);
  expect((await cli(['check'])).code).toBe(0);
  expect((await cli(['upgrade', 'head'])).code).toBe(0);

  // A statement changed after it was applied: check fails with upgrade's own words, and upgrade refuses.
  writeFileSync(file, reformatted.replace('upper(', 'lower('));
  const changed = await cli(['check']);
  expect(changed.code).toBe(1);
  const refusal = `Applied migration file has changed since it was applied: ${path.basename(file)} (revision c0ffee000001, recorded code-v1:`;
  expect(changed.stdout).toContain(refusal);
  const upgrade = await cli(['upgrade', 'head']);
  expect(upgrade.code).toBe(2);
  expect(upgrade.stderr).toContain(refusal);
  const line = (out: string) => out.split('\n').find((l) => l.includes(refusal))!.replace(/^(error: |ormdiff: )/, '');
  expect(line(upgrade.stderr)).toContain(line(changed.stdout));
});
