/**
 * Names that TypeORM metadata does not carry but the database will: the ones Postgres chooses
 * (serial and identity sequences) and the ones TypeORM's query runner builds at CREATE time
 * (enum types, primary keys).
 */
import type { EntityMetadata } from 'typeorm';
import { typeorm } from '../typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { metadataDataSource } from './compat';
import { clipUtf8 } from './identifiers';

const NAMEDATALEN = 64;

/**
 * Postgres's makeObjectName(): `name1_name2_label`, truncating the longer of the two names first so
 * the result fits in 63 bytes. This is how a serial or identity column's sequence is named.
 */
export function postgresObjectName(name1: string, name2: string, label: string): string {
  const availchars = NAMEDATALEN - 1 - (1 + Buffer.byteLength(label) + 1);
  let n1 = Buffer.byteLength(name1);
  let n2 = Buffer.byteLength(name2);
  while (n1 + n2 > availchars) {
    if (n1 > n2) n1--;
    else n2--;
  }
  return `${clipUtf8(name1, n1)}_${clipUtf8(name2, n2)}_${label}`;
}

export function sequenceName(tableName: string, columnName: string): string {
  return postgresObjectName(tableName, columnName, 'seq');
}

/** PostgresQueryRunner.buildEnumName: the enumName option, else `<table>_<lower(column)>_enum`. */
export function enumTypeName(tableName: string, column: Pick<ColumnMetadata, 'enumName' | 'databaseName'>): string {
  return column.enumName ?? `${tableName}_${column.databaseName.toLowerCase()}_enum`;
}

/**
 * The primary key name TypeORM's createTableSql gives: the columns' primaryKeyConstraintName, else the
 * naming strategy called with the same Table object the schema builder passes (custom strategies may
 * look at it).
 */
export function primaryKeyName(metadata: EntityMetadata, columnNames: string[]): string {
  const given = metadata.primaryColumns[0]?.primaryKeyConstraintName;
  if (given) return given;
  const dataSource = metadataDataSource(metadata);
  const table = typeorm().Table.create(metadata, dataSource.driver);
  return dataSource.namingStrategy.primaryKeyName(table, columnNames);
}

/** The schema TypeORM creates a table (and its enum types) in. */
export function tableSchema(metadata: Pick<EntityMetadata, 'schema'>, defaultSchema: string): string {
  return metadata.schema ?? defaultSchema;
}
