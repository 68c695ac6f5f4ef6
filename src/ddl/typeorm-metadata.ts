/**
 * SQL on TypeORM's metadata table (`typeorm_metadata` unless the DataSource's `metadataTableName`
 * says otherwise). TypeORM reads a generated column's expression back from this table, not from the
 * catalog (PostgresQueryRunner.loadTables), and compares it with the entity's `asExpression`; so a
 * row must go in, out or move wherever the column itself does, or TypeORM's own generator proposes
 * to drop and re-add the column. The statements are those of TypeORM 0.3 and 1.x
 * (insertTypeormMetadataSql, deleteTypeormMetadataSql, RdbmsSchemaBuilder.createTypeormMetadataTable),
 * with one deliberate difference: the `database` column is `current_database()` rather than the name
 * of the database the migration was generated on, so the row matches wherever the migration runs.
 */
import type { QualifiedName } from '../schema/model';
import { quoteIdent, quoteLiteral, quoteQualified } from '../sql/quote';

/** TypeORM's MetadataTableType for a generated column. */
export const GENERATED_COLUMN = 'GENERATED_COLUMN';

/** A generated column's row: the table it belongs to (as named when the statement runs) and the column. */
export interface GeneratedColumnRow {
  table: QualifiedName;
  column: string;
}

const matching = (row: GeneratedColumnRow): string =>
  `"type" = ${quoteLiteral(GENERATED_COLUMN)} AND "database" = current_database() AND "schema" = ${quoteLiteral(row.table.schema)} ` +
  `AND "table" = ${quoteLiteral(row.table.name)} AND "name" = ${quoteLiteral(row.column)}`;

/** As TypeORM creates it: every column nullable but `type`, no key (mappedDataTypes.metadata* of the Postgres driver). */
export const createMetadataTable = (table: QualifiedName): string =>
  `CREATE TABLE IF NOT EXISTS ${quoteQualified(table)} ("type" character varying NOT NULL, "database" character varying, ` +
  `"schema" character varying, "table" character varying, "name" character varying, "value" text)`;

export const insertGeneratedColumn = (table: QualifiedName, row: GeneratedColumnRow, value: string): string =>
  `INSERT INTO ${quoteQualified(table)} ("type", "database", "schema", "table", "name", "value") ` +
  `VALUES (${quoteLiteral(GENERATED_COLUMN)}, current_database(), ${quoteLiteral(row.table.schema)}, ` +
  `${quoteLiteral(row.table.name)}, ${quoteLiteral(row.column)}, ${quoteLiteral(value)})`;

export const deleteGeneratedColumn = (table: QualifiedName, row: GeneratedColumnRow): string =>
  `DELETE FROM ${quoteQualified(table)} WHERE ${matching(row)}`;

/** TypeORM itself leaves the row behind on a rename (and then misses it); ormdiff moves it along. */
export const renameGeneratedColumn = (table: QualifiedName, row: GeneratedColumnRow, to: string): string =>
  `UPDATE ${quoteQualified(table)} SET "name" = ${quoteLiteral(to)} WHERE ${matching(row)}`;

export const renameGeneratedColumnsTable = (table: QualifiedName, from: QualifiedName, to: string): string =>
  `UPDATE ${quoteQualified(table)} SET ${quoteIdent('table')} = ${quoteLiteral(to)} ` +
  `WHERE "type" = ${quoteLiteral(GENERATED_COLUMN)} AND "database" = current_database() ` +
  `AND "schema" = ${quoteLiteral(from.schema)} AND "table" = ${quoteLiteral(from.name)}`;
