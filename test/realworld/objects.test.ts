import { beyond, objectsOf, tableOf } from './objects';
import { olderThan } from './harness';

describe('objects a statement touches', () => {
  test('TypeORM and ormdiff spellings of one column meet', () => {
    const typeorm = ['ALTER TABLE "product" DROP COLUMN "handle"', 'ALTER TABLE "product" ADD "handle" text'];
    const ours = 'ALTER TABLE "public"."product" ALTER COLUMN "handle" TYPE text USING "handle"::text';
    expect(objectsOf(ours)).toEqual(new Set(['column product.handle']));
    expect(beyond([ours], typeorm)).toEqual([]);
  });

  test('an index rename meets the drop of the old name and the creation of the new one', () => {
    const ours = 'ALTER INDEX "public"."IDX_old" RENAME TO "IDX_new"';
    expect(beyond([ours], ['DROP INDEX "public"."IDX_old"'])).toEqual([]);
    expect(beyond([ours], ['CREATE INDEX "IDX_new" ON "t" ("c")'])).toEqual([]);
  });

  test('keys meet by their columns, whatever their names and column order', () => {
    const ours = 'ALTER TABLE "public"."order_edit" ADD CONSTRAINT "REL_231883ff6ec551fdc0730fea00" UNIQUE ("payment_collection_id")';
    const typeorm = 'ALTER TABLE "order_edit" ADD CONSTRAINT "UQ_231883ff6ec551fdc0730fea005" UNIQUE ("payment_collection_id")';
    expect(beyond([ours], [typeorm])).toEqual([]);
    expect(objectsOf('ALTER TABLE "t" ADD CONSTRAINT "PK_x" PRIMARY KEY ("b", "a")')).toContain('PRIMARY KEY t(a,b)');
  });

  test("ormdiff's backfill before SET NOT NULL is about the column", () => {
    const ours = `UPDATE "public"."variable" SET "type" = 'string'::text WHERE "type" IS NULL`;
    expect(beyond([ours], ['ALTER TABLE "variable" ALTER COLUMN "type" SET NOT NULL'])).toEqual([]);
  });

  test('what TypeORM does not mention at all is beyond it', () => {
    const ours = ['DROP TABLE "public"."discount_rule_products"', 'ALTER TABLE "public"."x" RENAME CONSTRAINT "PK_a" TO "PK_b"'];
    expect(beyond(ours, ['ALTER TABLE "y" DROP CONSTRAINT "PK_c"'])).toEqual(ours);
  });
});

describe('the table of a statement', () => {
  test('named by the statement, or by the catalog for an index dropped or renamed', () => {
    const indexTables = new Map([['IDX_a', 'product_tax_rate']]);
    expect(tableOf('ALTER TABLE "product_tax_rate" DROP COLUMN "created_at"')).toBe('product_tax_rate');
    expect(tableOf('CREATE UNIQUE INDEX "IDX_b" ON "public"."product_tax_rate" ("rate_id")')).toBe('product_tax_rate');
    expect(tableOf('DROP TABLE "public"."x"')).toBe('x');
    expect(tableOf('DROP INDEX "public"."IDX_a"', indexTables)).toBe('product_tax_rate');
    expect(tableOf('ALTER INDEX "IDX_a" RENAME TO "IDX_c"', indexTables)).toBe('product_tax_rate');
    expect(tableOf('DROP INDEX "public"."IDX_unknown"', indexTables)).toBeUndefined();
    expect(tableOf('CREATE TYPE "public"."x_enum" AS ENUM(\'a\')')).toBeUndefined();
  });
});

test('release order of the matrix: 0.3.0 < 0.3.11 < 0.3.31 < 1.1.1', () => {
  expect(olderThan('0.3.0', '0.3.11')).toBe(true);
  expect(olderThan('0.3.31', '0.3.11')).toBe(false);
  expect(olderThan('1.1.1', '0.3.11')).toBe(false);
  expect(olderThan('0.3.11', '0.3.11')).toBe(false);
});
