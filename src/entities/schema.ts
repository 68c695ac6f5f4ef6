/**
 * Built TypeORM entity metadata → the neutral Schema, as RdbmsSchemaBuilder.build would create it in an
 * empty database. Pure: the metadata must be built, but nothing here talks to a database.
 */
import type { EntityMetadata } from 'typeorm';
import { byName, byQualifiedName, compareStrings as compare } from '../schema/model';
import type { ColumnRole, ColumnRoleOf, QualifiedName, Schema, Table } from '../schema/model';
import { type TableContext, cleanComment, tableColumns, toColumn } from './columns';
import { checks, exclusions, foreignKeys, ignoredIndexNames, indexes, primaryKey, uniques } from './constraints';
import { collectEnums } from './enums';
import { type ExtensionSettings, requiredExtensions } from './extensions';
import { tableSchema } from './naming';

export interface EntityReadResult {
  schema: Schema;
  /** Entities declared with `synchronize: false`: TypeORM never touches their tables. */
  ignoredTables: QualifiedName[];
  /** Indexes declared with `synchronize: false` on managed tables. */
  ignoredIndexes: { table: QualifiedName; name: string }[];
  /** Version and create/update/delete-date columns, which the catalog cannot tell apart from others. */
  columnRoles: ColumnRoleOf[];
}

function roleOf(column: EntityMetadata['columns'][number]): ColumnRole | undefined {
  if (column.isVersion) return 'version';
  if (column.isCreateDate) return 'createDate';
  if (column.isUpdateDate) return 'updateDate';
  if (column.isDeleteDate) return 'deleteDate';
  return undefined;
}

export interface SchemaSettings {
  /** DataSourceOptions.schema ?? 'public': where entities without a schema live. */
  defaultSchema: string;
  uuidExtension?: string;
  extensions?: string[];
  /** DataSourceOptions.installExtensions: false, and the model asks for no extension. */
  installExtensions?: boolean;
  /** Where extensions (and so their types) are installed. */
  extensionSchema?: string;
}


/** The metadatas RdbmsSchemaBuilder turns into tables (STI children share their parent's; views are not tables). */
export function isTableEntity(metadata: EntityMetadata): boolean {
  return metadata.tableType !== 'entity-child' && metadata.tableType !== 'view';
}

export function uuidGenerator(uuidExtension: string | undefined): string {
  return uuidExtension === 'pgcrypto' ? 'gen_random_uuid()' : 'uuid_generate_v4()';
}

export function toTable(metadata: EntityMetadata, ctx: TableContext, defaultSchema: string): Table {
  const table: Table = {
    schema: ctx.schema,
    name: metadata.tableName,
    columns: tableColumns(metadata).map((c) => toColumn(c, ctx)),
    foreignKeys: foreignKeys(metadata, defaultSchema).sort(byName),
    uniques: uniques(metadata).sort(byName),
    checks: checks(metadata).sort(byName),
    exclusions: exclusions(metadata).sort(byName),
    indexes: indexes(metadata).sort(byName),
  };
  const pk = primaryKey(metadata);
  if (pk) table.primaryKey = pk;
  const comment = cleanComment(metadata.comment);
  if (comment !== undefined) table.comment = comment;
  return table;
}

export function metadataToSchema(metadatas: EntityMetadata[], settings: SchemaSettings): EntityReadResult {
  const extensionSchema = settings.extensionSchema ?? 'public';
  const generator = uuidGenerator(settings.uuidExtension);
  const tableEntities = metadatas.filter(isTableEntity).map((metadata) => ({ metadata, schema: tableSchema(metadata, settings.defaultSchema) }));
  const managed = tableEntities.filter((t) => t.metadata.synchronize);

  const tables = managed.map(({ metadata, schema }) =>
    toTable(metadata, { schema, tableName: metadata.tableName, uuidGenerator: generator, extensionSchema }, settings.defaultSchema),
  );
  const ignoredTables = tableEntities
    .filter((t) => !t.metadata.synchronize)
    .map(({ metadata, schema }) => ({ schema, name: metadata.tableName }))
    .sort(byQualifiedName);
  const ignoredIndexes = managed
    .flatMap(({ metadata, schema }) => ignoredIndexNames(metadata).map((name) => ({ table: { schema, name: metadata.tableName }, name })))
    .sort((a, b) => byQualifiedName(a.table, b.table) || compare(a.name, b.name));

  const columnRoles = managed.flatMap(({ metadata, schema }) =>
    tableColumns(metadata).flatMap((column) => {
      const role = roleOf(column);
      return role ? [{ table: { schema, name: metadata.tableName }, column: column.databaseName, role }] : [];
    }),
  );

  const schema: Schema = {
    schemas: [...new Set(managed.map((t) => t.schema))].sort(compare),
    extensions: requiredExtensions(metadatas, { ...settings, schema: extensionSchema }),
    enums: collectEnums(managed).sort(byQualifiedName),
    domains: [],
    sequences: [],
    tables: tables.sort(byQualifiedName),
    unmanaged: [],
  };
  return { schema, ignoredTables, ignoredIndexes, columnRoles };
}
