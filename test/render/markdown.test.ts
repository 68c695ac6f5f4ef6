/**
 * The Markdown report as a pull-request comment: a multi-table change against a golden file (readable as
 * rendered Markdown on GitHub), and the per-table DDL diffs it embeds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyPatch } from 'diff';
import { diffSchemas } from '../../src/diff/diff';
import { planChanges } from '../../src/plan/plan';
import { tableDdl, tableDdlDiffs } from '../../src/render/ddl-diff';
import { renderMarkdown } from '../../src/render/markdown';
import type { ForeignKey, Schema } from '../../src/schema/model';
import { col, column, defaultOf, identity, index, schema, table } from '../diff/helpers/build';

const GOLDEN = path.join(__dirname, 'golden/multi-table.md');

const id = (t: string) =>
  column('id', 'integer', { nullable: false, valueSource: identity({ schema: 'public', name: `${t}_id_seq` }, 'integer') });
const fk = (name: string, columns: string[], target: string): ForeignKey => ({
  name,
  columns,
  references: { schema: 'public', name: target, columns: ['id'] },
  onDelete: 'CASCADE',
  onUpdate: 'NO ACTION',
  deferrable: 'NOT DEFERRABLE',
  match: 'SIMPLE',
});

const users = table('public', 'users', {
  columns: [id('users'), column('email', 'character varying(100)', { nullable: false }), column('age', 'integer')],
  primaryKey: { name: 'users_pkey', columns: ['id'] },
});
const posts = table('public', 'posts', {
  columns: [id('posts'), column('author_id', 'integer', { nullable: false }), column('title', 'text', { nullable: false })],
  primaryKey: { name: 'posts_pkey', columns: ['id'] },
});
const tags = table('public', 'tags', {
  columns: [id('tags'), column('label', 'text')],
  primaryKey: { name: 'tags_pkey', columns: ['id'] },
});

const before: Schema = schema({ tables: [posts, tags, users] });
const after: Schema = schema({
  tables: [
    table('public', 'comments', {
      columns: [id('comments'), column('post_id', 'integer', { nullable: false }), column('body', 'text', { nullable: false })],
      primaryKey: { name: 'comments_pkey', columns: ['id'] },
      foreignKeys: [fk('comments_post_fk', ['post_id'], 'posts')],
      indexes: [index('comments_post_idx', [col('post_id')])],
    }),
    {
      ...posts,
      columns: [...posts.columns, column('published', 'boolean', { nullable: false, valueSource: defaultOf('false') })],
      foreignKeys: [fk('posts_author_fk', ['author_id'], 'users')],
    },
    {
      ...users,
      columns: [users.columns[0], column('email', 'character varying(320)', { nullable: false })],
      indexes: [index('users_email_idx', [col('email')], { unique: true })],
      comment: 'people who sign in',
    },
  ],
});
const plan = planChanges(diffSchemas(before, after));

describe('per-table DDL diffs', () => {
  const diffs = tableDdlDiffs(plan.changes, before, after);

  test('one diff per changed table, each turning the DDL before into the DDL after', () => {
    expect(diffs.map((d) => d.table.name).sort()).toEqual(['comments', 'posts', 'tags', 'users']);
    for (const d of diffs) expect(applyPatch(d.before, d.patch)).toBe(d.after);
  });

  test('a new table diffs from /dev/null, a dropped one to it', () => {
    const created = diffs.find((d) => d.table.name === 'comments')!;
    expect(created.patch.split('\n').slice(0, 2)).toEqual(['--- /dev/null', '+++ b/public.comments.sql']);
    expect(created.before).toBe('');
    const dropped = diffs.find((d) => d.table.name === 'tags')!;
    expect(dropped.patch.split('\n').slice(0, 2)).toEqual(['--- a/public.tags.sql', '+++ /dev/null']);
    expect(dropped.after).toBe('');
  });

  test("a table's DDL holds its indexes, comment and foreign keys as runnable statements", () => {
    const ddl = tableDdl(after.tables.find((t) => t.name === 'comments')!);
    expect(ddl).toMatch(/^CREATE TABLE "public"\."comments" \(\n/);
    expect(ddl).toContain('CREATE INDEX "comments_post_idx" ON "public"."comments" USING btree ("post_id");\n');
    expect(ddl).toContain(
      'ALTER TABLE "public"."comments" ADD CONSTRAINT "comments_post_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts" ("id") ON DELETE CASCADE;\n',
    );
    expect(tableDdl(after.tables.find((t) => t.name === 'users')!)).toContain(`COMMENT ON TABLE "public"."users" IS 'people who sign in';`);
  });

  test('a change the DDL text does not show gives no diff rather than an empty one', () => {
    expect(tableDdlDiffs(plan.changes, after, after)).toEqual([]);
  });
});

describe('renderMarkdown with both models', () => {
  const md = renderMarkdown(plan, { before, after });

  test('matches the golden pull-request comment for a multi-table change', () => {
    // UPDATE_GOLDEN=1 rewrites the file after an intended change; review it as rendered Markdown.
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, md);
    expect(md).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  test('a schema diff section with one diff-fenced block per changed table, after the warnings and before the SQL', () => {
    const sections = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1].replace(/ \(.*\)$/, ''));
    expect(sections).toEqual(['Summary', 'Warnings', 'Schema diff', 'Up', 'Down']);
    expect(md).toContain('### public\\.users\n\n```diff\n--- a/public.users.sql\n+++ b/public.users.sql\n');
    expect(md).toContain('-  "email" character varying(100) NOT NULL,\n-  "age" integer,\n+  "email" character varying(320) NOT NULL,\n');
    expect(md).toContain('+CREATE UNIQUE INDEX "users_email_idx" ON "public"."users" USING btree ("email");\n');
  });

  test('without the models there is no schema diff section', () => {
    expect(renderMarkdown(plan)).not.toContain('## Schema diff');
  });

  test('Markdown punctuation in a table name is escaped in its heading', () => {
    const odd = { ...tags, name: 'a#b*c' };
    const out = renderMarkdown(planChanges(diffSchemas(schema(), schema({ tables: [odd] }))), {
      before: schema(),
      after: schema({ tables: [odd] }),
    });
    expect(out).toContain('### public\\.a\\#b\\*c\n');
  });
});
