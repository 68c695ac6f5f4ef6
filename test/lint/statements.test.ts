/** What lint reads from the statements a migration ran (pure): drops, lock-light forms, defaults and renames. */
import { mentions, statementFacts } from '../../src/lint/statements';

const facts = (...sql: string[]) => statementFacts(sql.map((s) => ({ sql: s })));

test('drops of tables and columns, quoted or not, qualified or not; other DROP actions are not columns', () => {
  const f = facts(
    'DROP TABLE IF EXISTS "public"."Notes", archive.old_rows CASCADE',
    'ALTER TABLE ONLY "users" DROP COLUMN "Fax", DROP CONSTRAINT "users_pk", DROP "age", ALTER COLUMN "x" DROP DEFAULT, ALTER COLUMN y DROP NOT NULL',
  );
  expect(f.droppedTables.map(({ schema, name }) => ({ schema, name }))).toEqual([
    { schema: 'public', name: 'Notes' },
    { schema: 'archive', name: 'old_rows' },
  ]);
  expect(f.droppedColumns.map((d) => [d.table.name, d.column])).toEqual([
    ['users', 'Fax'],
    ['users', 'age'],
  ]);
});

test('SQL in string literals, comments and dollar-quoted bodies is not a statement', () => {
  const f = facts(
    `INSERT INTO "log" VALUES ('DROP TABLE users')`,
    '-- DROP TABLE users\nSELECT 1',
    'DO $body$ BEGIN EXECUTE \'DROP TABLE users\'; END $body$',
  );
  expect(f.droppedTables).toEqual([]);
});

test('the lock-light forms, the NOT NULL through a CHECK, and defaults columns are added with', () => {
  const f = facts(
    'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "users_email_key" ON "users" ("email")',
    'ALTER TABLE "users" ADD CONSTRAINT "users_email_key" UNIQUE USING INDEX "users_email_key"',
    'ALTER TABLE "orders" ADD CONSTRAINT "fk_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") NOT VALID',
    'ALTER TABLE "users" ADD CONSTRAINT "users_name_not_null" CHECK ("name" IS NOT NULL) NOT VALID',
    'ALTER TABLE "users" ADD CONSTRAINT "users_age_check" CHECK ("age" >= 0)',
    'ALTER TABLE "users" ADD COLUMN "score" integer NOT NULL DEFAULT 0, ADD "plain" integer NOT NULL',
  );
  expect([...f.concurrentIndexes]).toEqual(['users_email_key']);
  expect([...f.lockLightConstraints].sort()).toEqual(['fk_user', 'users_email_key', 'users_name_not_null']);
  expect(f.notNullByCheck).toEqual([{ table: { name: 'users' }, column: 'name' }]);
  expect(f.addedWithDefault).toEqual([{ table: { name: 'users' }, column: 'score', expression: '0' }]);
});

test('renames of columns, tables, types and enum values', () => {
  const f = facts(
    'ALTER TABLE "users" RENAME COLUMN "fax" TO "telefax"',
    'ALTER TABLE "public"."users" RENAME TO "members"',
    'ALTER TYPE "public"."order_state" RENAME TO "order_status"',
    `ALTER TYPE "ticket_priority" RENAME VALUE 'hi' TO 'high''s'`,
    'ALTER TABLE "users" RENAME CONSTRAINT "a" TO "b"',
  );
  // A constraint rename is no data question: the schema diff sees it by its unchanged definition.
  expect(f.renames).toEqual([
    { kind: 'column', table: { name: 'users' }, from: 'fax', to: 'telefax' },
    { kind: 'table', table: { schema: 'public', name: 'users' }, to: 'members' },
    { kind: 'type', type: { schema: 'public', name: 'order_state' }, to: 'order_status' },
    { kind: 'enumValue', type: { name: 'ticket_priority' }, from: 'hi', to: "high's" },
  ]);
});

test('mentions: a quoted name exactly, an unquoted one as a whole word', () => {
  expect(mentions('ALTER TABLE "users" DROP COLUMN "Fax"', 'Fax')).toBe(true);
  expect(mentions('ALTER TABLE users DROP COLUMN fax', 'fax')).toBe(true);
  expect(mentions('ALTER TABLE users DROP COLUMN faxes', 'fax')).toBe(false);
});
