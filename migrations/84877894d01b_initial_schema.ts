/**
 * initial schema
 *
 * Revision ID: 84877894d01b
 * Revises: (none)
 * Create Date: 2026-11-24T10:26:12.704Z
 *
 * Changes:
 *   - create enum public.cards_status_enum
 *   - create table public.cards
 *   - create table public.profiles
 *   - create table public.users
 *   - add foreign key public.cards.FK_af6aad89f759b9efecbb7e2e593
 *   - add foreign key public.profiles.FK_9e432b7df0d182f8d292902d1a2
 */
import { MigrationInterface, QueryRunner } from "typeorm";

export class InitialSchema1795515972704 implements MigrationInterface {
  name = "InitialSchema1795515972704";
  revision = "84877894d01b";
  downRevision: string | string[] | null = null;
  transaction = true;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."cards_status_enum" AS ENUM ('active', 'frozen', 'closed')`,
    );
    await queryRunner.query(`CREATE TABLE "public"."cards" (
  "id" serial NOT NULL,
  "last4" character varying(4) NOT NULL,
  "status" public.cards_status_enum DEFAULT 'active'::public.cards_status_enum NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "owner_id" integer NOT NULL,
  CONSTRAINT "PK_5f3269634705fdff4a9935860fc" PRIMARY KEY ("id")
)`);
    await queryRunner.query(
      `CREATE INDEX "IDX_4f997a0bb98352fcad3239a8a8" ON "public"."cards" USING btree ("created_at")`,
    );
    await queryRunner.query(`CREATE TABLE "public"."profiles" (
  "id" serial NOT NULL,
  "display_name" character varying(100) NOT NULL,
  "bio" text,
  "user_id" integer,
  CONSTRAINT "PK_8e520eb4da7dc01d0e190447c8e" PRIMARY KEY ("id"),
  CONSTRAINT "REL_9e432b7df0d182f8d292902d1a" UNIQUE ("user_id")
)`);
    await queryRunner.query(`CREATE TABLE "public"."users" (
  "id" serial NOT NULL,
  "email" character varying(320) NOT NULL,
  "verified" boolean DEFAULT false NOT NULL,
  "preferences" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"),
  CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email")
)`);
    await queryRunner.query(
      `ALTER TABLE "public"."cards" ADD CONSTRAINT "FK_af6aad89f759b9efecbb7e2e593" FOREIGN KEY ("owner_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "public"."profiles" ADD CONSTRAINT "FK_9e432b7df0d182f8d292902d1a2" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "public"."profiles" DROP CONSTRAINT "FK_9e432b7df0d182f8d292902d1a2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "public"."cards" DROP CONSTRAINT "FK_af6aad89f759b9efecbb7e2e593"`,
    );
    await queryRunner.query(`DROP TABLE "public"."users"`);
    await queryRunner.query(`DROP TABLE "public"."profiles"`);
    await queryRunner.query(`DROP TABLE "public"."cards"`);
    await queryRunner.query(`DROP TYPE "public"."cards_status_enum"`);
  }
}
