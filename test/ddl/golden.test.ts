/** The exact SQL each kind of change renders to, both ways (down is the inverse change, rendered). */
import { planChanges } from '../../src/plan/plan';
import { ALL_KINDS, CHANGES } from './cases';

const EXPECTED: Record<string, { up: string[]; down: string[] }> = {
  createSchema: {
    up: ['CREATE SCHEMA "Billing"'],
    down: ['DROP SCHEMA "Billing"'],
  },
  dropSchema: {
    up: ['DROP SCHEMA "legacy"'],
    down: ['CREATE SCHEMA "legacy"'],
  },
  createExtension: {
    up: ['CREATE EXTENSION IF NOT EXISTS "pg_trgm" WITH SCHEMA "public"'],
    down: ['DROP EXTENSION IF EXISTS "pg_trgm"'],
  },
  dropExtension: {
    up: ['DROP EXTENSION IF EXISTS "uuid-ossp"'],
    down: ['CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA "ext"'],
  },
  setExtensionSchema: {
    up: ['ALTER EXTENSION "citext" SET SCHEMA "ext"'],
    down: ['ALTER EXTENSION "citext" SET SCHEMA "public"'],
  },
  createEnum: {
    up: [
      "CREATE TYPE \"public\".\"status\" AS ENUM ('draft', 'it''s done')",
      'COMMENT ON TYPE "public"."status" IS \'state\'',
    ],
    down: ['DROP TYPE "public"."status"'],
  },
  dropEnum: {
    up: ['DROP TYPE "public"."status"'],
    down: ['CREATE TYPE "public"."status" AS ENUM (\'a\')'],
  },
  'addEnumValue (before)': {
    up: ['ALTER TYPE "public"."status" ADD VALUE \'review\' BEFORE \'done\''],
    down: [
      'ALTER TYPE "public"."status" RENAME TO "status_old"',
      'CREATE TYPE "public"."status" AS ENUM (\'draft\', \'done\')',
      'ALTER TABLE "app"."Posts" ALTER COLUMN "state" DROP DEFAULT, ALTER COLUMN "state" TYPE "public"."status" USING "state"::text::"public"."status", ALTER COLUMN "state" SET DEFAULT \'draft\'::public.status',
      'DROP TYPE "public"."status_old"',
    ],
  },
  'addEnumValue (appended)': {
    up: ['ALTER TYPE "public"."status" ADD VALUE \'done\''],
    down: [
      'ALTER TYPE "public"."status" RENAME TO "status_old"',
      'CREATE TYPE "public"."status" AS ENUM (\'draft\')',
      'DROP TYPE "public"."status_old"',
    ],
  },
  recreateEnum: {
    up: [
      'ALTER TYPE "public"."status" RENAME TO "status_old"',
      'CREATE TYPE "public"."status" AS ENUM (\'done\', \'draft\')',
      'COMMENT ON TYPE "public"."status" IS \'state\'',
      'ALTER TABLE "app"."Posts" ALTER COLUMN "state" DROP DEFAULT, ALTER COLUMN "state" TYPE "public"."status" USING "state"::text::"public"."status", ALTER COLUMN "state" SET DEFAULT \'done\'::public.status',
      'ALTER TABLE "public"."users" ALTER COLUMN "states" TYPE "public"."status"[] USING "states"::text[]::"public"."status"[]',
      'DROP TYPE "public"."status_old"',
    ],
    down: [
      'ALTER TYPE "public"."status" RENAME TO "status_old"',
      "CREATE TYPE \"public\".\"status\" AS ENUM ('draft', 'gone', 'done')",
      'ALTER TABLE "app"."Posts" ALTER COLUMN "state" DROP DEFAULT, ALTER COLUMN "state" TYPE "public"."status" USING "state"::text::"public"."status", ALTER COLUMN "state" SET DEFAULT \'draft\'::public.status',
      'ALTER TABLE "public"."users" ALTER COLUMN "states" TYPE "public"."status"[] USING "states"::text[]::"public"."status"[]',
      'DROP TYPE "public"."status_old"',
    ],
  },
  setEnumComment: {
    up: ['COMMENT ON TYPE "public"."status" IS \'new\''],
    down: ['COMMENT ON TYPE "public"."status" IS \'old\''],
  },
  createDomain: {
    up: [
      'CREATE DOMAIN "public"."codes" AS character varying(8)[] COLLATE "C" DEFAULT \'{}\'::character varying[] NOT NULL CONSTRAINT "codes_check" CHECK ((cardinality(VALUE) < 10))',
      'COMMENT ON DOMAIN "public"."codes" IS \'short codes\'',
    ],
    down: ['DROP DOMAIN "public"."codes"'],
  },
  dropDomain: {
    up: ['DROP DOMAIN "public"."pos"'],
    down: ['CREATE DOMAIN "public"."pos" AS integer'],
  },
  alterDomainDefault: {
    up: ['ALTER DOMAIN "public"."pos" SET DEFAULT 1'],
    down: ['ALTER DOMAIN "public"."pos" DROP DEFAULT'],
  },
  alterDomainNotNull: {
    up: ['ALTER DOMAIN "public"."pos" SET NOT NULL'],
    down: ['ALTER DOMAIN "public"."pos" DROP NOT NULL'],
  },
  addDomainCheck: {
    up: ['ALTER DOMAIN "public"."pos" ADD CONSTRAINT "pos_check" CHECK ((VALUE > 0))'],
    down: ['ALTER DOMAIN "public"."pos" DROP CONSTRAINT "pos_check"'],
  },
  dropDomainCheck: {
    up: ['ALTER DOMAIN "public"."pos" DROP CONSTRAINT "pos_check"'],
    down: ['ALTER DOMAIN "public"."pos" ADD CONSTRAINT "pos_check" CHECK ((VALUE > 0))'],
  },
  renameDomainConstraint: {
    up: ['ALTER DOMAIN "public"."pos" RENAME CONSTRAINT "pos_check" TO "positive"'],
    down: ['ALTER DOMAIN "public"."pos" RENAME CONSTRAINT "positive" TO "pos_check"'],
  },
  setDomainComment: {
    up: ['COMMENT ON DOMAIN "public"."pos" IS \'positive\''],
    down: ['COMMENT ON DOMAIN "public"."pos" IS NULL'],
  },
  createSequence: {
    up: [
      'CREATE SEQUENCE "public"."countdown" AS integer INCREMENT BY -1 MAXVALUE 100',
      'COMMENT ON SEQUENCE "public"."countdown" IS \'T-minus\'',
    ],
    down: ['DROP SEQUENCE "public"."countdown"'],
  },
  dropSequence: {
    up: ['DROP SEQUENCE "public"."seq"'],
    down: ['CREATE SEQUENCE "public"."seq" AS bigint CACHE 5'],
  },
  alterSequence: {
    up: ['ALTER SEQUENCE "public"."seq" AS bigint INCREMENT BY 2 MINVALUE 1 MAXVALUE 9223372036854775807 CYCLE'],
    down: ['ALTER SEQUENCE "public"."seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 NO CYCLE'],
  },
  setSequenceOwner: {
    up: ['ALTER SEQUENCE "public"."seq" OWNED BY "public"."users"."no"'],
    down: ['ALTER SEQUENCE "public"."seq" OWNED BY NONE'],
  },
  setSequenceComment: {
    up: ['COMMENT ON SEQUENCE "public"."seq" IS NULL'],
    down: ['COMMENT ON SEQUENCE "public"."seq" IS \'x\''],
  },
  createTable: {
    up: [
      'CREATE SEQUENCE "public"."card_numbers" AS bigint',
      `CREATE TABLE "public"."cards" (
  "id" serial NOT NULL,
  "no" bigint DEFAULT nextval('"public"."card_numbers"'::regclass) NOT NULL,
  "ref" bigint GENERATED ALWAYS AS IDENTITY (START WITH 10 CACHE 20 CYCLE) NOT NULL,
  "title" character varying(40) COLLATE "C" DEFAULT 'untitled'::character varying,
  "labels" text[],
  "during" tstzrange,
  "upper_title" text GENERATED ALWAYS AS (upper((title)::text)) STORED,
  CONSTRAINT "cards_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "cards_no_key" UNIQUE NULLS NOT DISTINCT ("no") DEFERRABLE INITIALLY IMMEDIATE,
  CONSTRAINT "cards_title_check" CHECK ((title)::text <> ''::text) NO INHERIT,
  CONSTRAINT "cards_during_excl" EXCLUDE USING gist (during WITH &&)
)`,
      'ALTER SEQUENCE "public"."card_numbers" OWNED BY "public"."cards"."no"',
      'COMMENT ON COLUMN "public"."cards"."labels" IS \'free-form\'',
      'CREATE INDEX "cards_labels_idx" ON "public"."cards" USING gin ("labels")',
      'COMMENT ON TABLE "public"."cards" IS \'a "card"\'',
    ],
    down: ['DROP TABLE "public"."cards"'],
  },
  dropTable: {
    up: ['DROP TABLE "public"."empty"'],
    down: ['CREATE TABLE "public"."empty" ()'],
  },
  setTableComment: {
    up: ['COMMENT ON TABLE "public"."users" IS \'b\''],
    down: ['COMMENT ON TABLE "public"."users" IS \'a\''],
  },
  addColumn: {
    up: [
      'ALTER TABLE "public"."users" ADD COLUMN "flags" bit varying(8)[][] DEFAULT \'{}\'::bit varying[] NOT NULL',
      'COMMENT ON COLUMN "public"."users"."flags" IS \'bits\'',
    ],
    down: ['ALTER TABLE "public"."users" DROP COLUMN "flags"'],
  },
  dropColumn: {
    up: ['ALTER TABLE "public"."users" DROP COLUMN "age"'],
    down: ['ALTER TABLE "public"."users" ADD COLUMN "age" smallint'],
  },
  alterColumnType: {
    up: [
      'ALTER TABLE "public"."users" ALTER COLUMN "state" DROP DEFAULT, ALTER COLUMN "state" TYPE public.status USING "state"::text::public.status, ALTER COLUMN "state" SET DEFAULT \'draft\'::public.status',
    ],
    down: [
      'ALTER TABLE "public"."users" ALTER COLUMN "state" DROP DEFAULT, ALTER COLUMN "state" TYPE text USING "state"::text, ALTER COLUMN "state" SET DEFAULT \'new\'::text',
    ],
  },
  setNotNull: {
    up: ['ALTER TABLE "public"."users" ALTER COLUMN "email" SET NOT NULL'],
    down: ['ALTER TABLE "public"."users" ALTER COLUMN "email" DROP NOT NULL'],
  },
  dropNotNull: {
    up: ['ALTER TABLE "public"."users" ALTER COLUMN "email" DROP NOT NULL'],
    down: ['ALTER TABLE "public"."users" ALTER COLUMN "email" SET NOT NULL'],
  },
  setDefault: {
    up: ['ALTER TABLE "public"."users" ALTER COLUMN "age" SET DEFAULT 18'],
    down: ['ALTER TABLE "public"."users" ALTER COLUMN "age" SET DEFAULT 0'],
  },
  dropDefault: {
    up: ['ALTER TABLE "public"."users" ALTER COLUMN "created" DROP DEFAULT'],
    down: ['ALTER TABLE "public"."users" ALTER COLUMN "created" SET DEFAULT now()'],
  },
  addIdentity: {
    up: [
      'ALTER TABLE "public"."users" ALTER COLUMN "id" ADD GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME "public"."user_ids")',
      'SELECT setval(pg_get_serial_sequence(\'"public"."users"\', \'id\'), max("id")) FROM "public"."users" HAVING max("id") IS NOT NULL',
    ],
    down: ['ALTER TABLE "public"."users" ALTER COLUMN "id" DROP IDENTITY'],
  },
  dropIdentity: {
    up: ['ALTER TABLE "public"."users" ALTER COLUMN "id" DROP IDENTITY'],
    down: [
      'ALTER TABLE "public"."users" ALTER COLUMN "id" ADD GENERATED ALWAYS AS IDENTITY (MAXVALUE 1000)',
      'SELECT setval(pg_get_serial_sequence(\'"public"."users"\', \'id\'), max("id")) FROM "public"."users" HAVING max("id") IS NOT NULL',
    ],
  },
  alterIdentity: {
    up: [
      'ALTER SEQUENCE "public"."users_id_seq" RENAME TO "user_ids"',
      'ALTER TABLE "public"."users" ALTER COLUMN "id" SET GENERATED BY DEFAULT SET INCREMENT BY 5 SET CACHE 50',
    ],
    down: [
      'ALTER SEQUENCE "public"."user_ids" RENAME TO "users_id_seq"',
      'ALTER TABLE "public"."users" ALTER COLUMN "id" SET GENERATED ALWAYS SET INCREMENT BY 1 SET CACHE 1',
    ],
  },
  'alterColumnValueSource (serial → identity)': {
    up: [
      'ALTER TABLE "public"."users" ALTER COLUMN "id" DROP DEFAULT',
      'DROP SEQUENCE "public"."users_id_seq"',
      'ALTER TABLE "public"."users" ALTER COLUMN "id" ADD GENERATED ALWAYS AS IDENTITY',
      'SELECT setval(pg_get_serial_sequence(\'"public"."users"\', \'id\'), max("id")) FROM "public"."users" HAVING max("id") IS NOT NULL',
    ],
    down: [
      'ALTER TABLE "public"."users" ALTER COLUMN "id" DROP IDENTITY',
      'CREATE SEQUENCE "public"."users_id_seq" AS integer OWNED BY "public"."users"."id"',
      'ALTER TABLE "public"."users" ALTER COLUMN "id" SET DEFAULT nextval(\'"public"."users_id_seq"\'::regclass)',
      'SELECT setval(pg_get_serial_sequence(\'"public"."users"\', \'id\'), max("id")) FROM "public"."users" HAVING max("id") IS NOT NULL',
    ],
  },
  'alterColumnValueSource (default → generated)': {
    up: [
      'ALTER TABLE "public"."users" DROP COLUMN "full_name"',
      'ALTER TABLE "public"."users" ADD COLUMN "full_name" text GENERATED ALWAYS AS (((first || \' \'::text) || last)) STORED',
      'COMMENT ON COLUMN "public"."users"."full_name" IS \'derived\'',
    ],
    down: [
      'ALTER TABLE "public"."users" ALTER COLUMN "full_name" DROP EXPRESSION',
      'ALTER TABLE "public"."users" ALTER COLUMN "full_name" SET DEFAULT \'\'::text',
    ],
  },
  setColumnComment: {
    up: ['COMMENT ON COLUMN "public"."users"."email" IS \'the user\'\'s address\''],
    down: ['COMMENT ON COLUMN "public"."users"."email" IS NULL'],
  },
  addPrimaryKey: {
    up: ['ALTER TABLE "public"."users" ADD CONSTRAINT "users_pkey" PRIMARY KEY ("id", "Tenant")'],
    down: ['ALTER TABLE "public"."users" DROP CONSTRAINT "users_pkey"'],
  },
  dropPrimaryKey: {
    up: ['ALTER TABLE "public"."users" DROP CONSTRAINT "users_pkey"'],
    down: ['ALTER TABLE "public"."users" ADD CONSTRAINT "users_pkey" PRIMARY KEY ("id")'],
  },
  addForeignKey: {
    up: [
      'ALTER TABLE "public"."posts" ADD CONSTRAINT "posts_author_fk" FOREIGN KEY ("author_id", "tenant") REFERENCES "public"."users" ("id", "tenant") MATCH FULL ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED',
    ],
    down: ['ALTER TABLE "public"."posts" DROP CONSTRAINT "posts_author_fk"'],
  },
  dropForeignKey: {
    up: ['ALTER TABLE "public"."posts" DROP CONSTRAINT "posts_author_fk"'],
    down: [
      'ALTER TABLE "public"."posts" ADD CONSTRAINT "posts_author_fk" FOREIGN KEY ("author_id", "tenant") REFERENCES "public"."users" ("id", "tenant")',
    ],
  },
  addUnique: {
    up: ['ALTER TABLE "public"."users" ADD CONSTRAINT "users_email_key" UNIQUE ("email")'],
    down: ['ALTER TABLE "public"."users" DROP CONSTRAINT "users_email_key"'],
  },
  dropUnique: {
    up: ['ALTER TABLE "public"."users" DROP CONSTRAINT "users_a_b_key"'],
    down: [
      'ALTER TABLE "public"."users" ADD CONSTRAINT "users_a_b_key" UNIQUE NULLS NOT DISTINCT ("a", "b") DEFERRABLE INITIALLY DEFERRED',
    ],
  },
  addCheck: {
    up: ['ALTER TABLE "public"."users" ADD CONSTRAINT "users_age_check" CHECK ((age >= 0))'],
    down: ['ALTER TABLE "public"."users" DROP CONSTRAINT "users_age_check"'],
  },
  dropCheck: {
    up: ['ALTER TABLE "public"."users" DROP CONSTRAINT "users_age_check"'],
    down: ['ALTER TABLE "public"."users" ADD CONSTRAINT "users_age_check" CHECK ((age >= 0)) NO INHERIT'],
  },
  addExclusion: {
    up: [
      'ALTER TABLE "public"."bookings" ADD CONSTRAINT "no_overlap" EXCLUDE USING gist (room WITH =, during WITH &&)',
    ],
    down: ['ALTER TABLE "public"."bookings" DROP CONSTRAINT "no_overlap"'],
  },
  dropExclusion: {
    up: ['ALTER TABLE "public"."bookings" DROP CONSTRAINT "no_overlap"'],
    down: ['ALTER TABLE "public"."bookings" ADD CONSTRAINT "no_overlap" EXCLUDE USING gist (during WITH &&)'],
  },
  createIndex: {
    up: [
      'CREATE UNIQUE INDEX "users_lower_email_idx" ON "public"."users" USING btree ((lower((email)::text)) COLLATE "C" text_pattern_ops DESC NULLS LAST, "Tenant" NULLS FIRST) INCLUDE ("id") NULLS NOT DISTINCT WHERE (deleted_at IS NULL)',
    ],
    down: ['DROP INDEX "public"."users_lower_email_idx"'],
  },
  dropIndex: {
    up: ['DROP INDEX "public"."users_name_idx"'],
    down: ['CREATE INDEX "users_name_idx" ON "public"."users" USING hash ("name")'],
  },
  renameIndex: {
    up: ['ALTER INDEX "public"."IDX_abc" RENAME TO "users_name_idx"'],
    down: ['ALTER INDEX "public"."users_name_idx" RENAME TO "IDX_abc"'],
  },
  renameConstraint: {
    up: ['ALTER TABLE "public"."users" RENAME CONSTRAINT "FK_123" TO "users_org_fk"'],
    down: ['ALTER TABLE "public"."users" RENAME CONSTRAINT "users_org_fk" TO "FK_123"'],
  },
  renameEnum: {
    up: ['ALTER TYPE "public"."users_status_enum" RENAME TO "Status"'],
    down: ['ALTER TYPE "public"."Status" RENAME TO "users_status_enum"'],
  },
  renameEnumValue: {
    up: [`ALTER TYPE "public"."status" RENAME VALUE 'it''s' TO 'done'`],
    down: [`ALTER TYPE "public"."status" RENAME VALUE 'done' TO 'it''s'`],
  },
  renameTable: {
    up: ['ALTER TABLE "app"."people" RENAME TO "Members"'],
    down: ['ALTER TABLE "app"."Members" RENAME TO "people"'],
  },
  renameColumn: {
    up: ['ALTER TABLE "public"."users" RENAME COLUMN "fullname" TO "full name"'],
    down: ['ALTER TABLE "public"."users" RENAME COLUMN "full name" TO "fullname"'],
  },
};

describe('golden SQL per change kind', () => {
  test('every kind of change has a golden case', () => {
    const covered = new Set(CHANGES.map((c) => c.change.kind));
    expect(Object.keys(ALL_KINDS).filter((k) => !covered.has(k as never))).toEqual([]);
    expect(Object.keys(EXPECTED).sort()).toEqual(CHANGES.map((c) => c.name).sort());
  });

  test.each(CHANGES)('$name', ({ name, change }) => {
    const plan = planChanges([change]);
    expect({ up: plan.up.map((s) => s.sql), down: plan.down.map((s) => s.sql) }).toEqual(EXPECTED[name]);
  });
});
