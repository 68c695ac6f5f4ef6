/**
 * Built TypeORM entity metadata → the neutral Schema, as RdbmsSchemaBuilder.build would create it in an
 * empty database: identifiers as Postgres stores them (identifiers.ts), one table however many
 * metadatas map it (merge.ts). Pure: the metadata must be built, but nothing here talks to a database.
 */
import type { EntityMetadata } from 'typeorm';
import { byName, byQualifiedName, compareStrings as compare, qualifiedKey } from '../schema/model';
import type { ColumnRole, ColumnRoleOf, QualifiedName, Schema, Table } from '../schema/model';
import { type TableContext, cleanComment, tableColumns, toColumn } from './columns';
import { checks, exclusions, foreignKeys, ignoredIndexNames, indexes, primaryKey, uniques } from './constraints';
import { collectEnums } from './enums';
import { type ExtensionSettings, requiredExtensions } from './extensions';
import { Namespaces, truncateIdentifier, truncateQualified } from './identifiers';
import { type TableMapping, mergeTables } from './merge';
import { tableSchema } from './naming';
import { truncateEnums, truncateTable } from './truncate';

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

/** `entity User`, or for a join table the relation that declares it: `the join table of User.roles`. */
function mappingOwner(metadata: EntityMetadata, metadatas: EntityMetadata[]): string {
  if (metadata.tableType === 'junction') {
    const relation = metadatas.flatMap((m) => m.relations).find((r) => r.junctionEntityMetadata === metadata);
    if (relation) return `the join table of ${relation.entityMetadata.name}.${relation.propertyPath}`;
  }
  return `entity ${metadata.name}`;
}

const isDerived = (metadata: EntityMetadata): boolean => metadata.tableType === 'junction' || metadata.tableType === 'closure-junction';

/**
 * The managed tables as the catalog will hold them: each metadata's table cut to Postgres's
 * identifiers, then one table per (schema, name) however many metadatas map it (merge.ts).
 */
function managedTables(
  entries: { metadata: EntityMetadata; schema: string }[],
  metadatas: EntityMetadata[],
  settings: SchemaSettings,
  types: Namespaces,
): Table[] {
  const extensionSchema = settings.extensionSchema ?? 'public';
  const generator = uuidGenerator(settings.uuidExtension);
  const groups = new Map<string, TableMapping[]>();
  const relations = new Namespaces('relations');
  for (const { metadata, schema } of entries) {
    const owner = mappingOwner(metadata, metadatas);
    const full = toTable(metadata, { schema, tableName: metadata.tableName, uuidGenerator: generator, extensionSchema }, settings.defaultSchema);
    const table = truncateTable(full, owner);
    const key = qualifiedKey(table);
    // Only the first mapping's primary key is created (merge.ts); the others may name theirs otherwise.
    const created = groups.has(key) ? { ...full, primaryKey: undefined } : full;
    for (const { name, what } of relationNames(created)) relations.of(table.schema).claim(name, `${what} of ${owner}`);
    // Every table has a row type of its name, beside the enum types.
    types.of(table.schema).claim(full.name, `table of ${owner}`);
    groups.set(key, [...(groups.get(key) ?? []), { table, owner, derived: isDerived(metadata) }]);
  }
  return [...groups.values()].map(mergeTables);
}

/** Tables and indexes (constraint-backed ones too) share pg_class: one name per schema. */
function relationNames(table: Table): { name: string; what: string }[] {
  return [
    { name: table.name, what: 'table' },
    ...(table.primaryKey ? [{ name: table.primaryKey.name, what: 'primary key' }] : []),
    ...table.uniques.map((u) => ({ name: u.name, what: 'unique constraint' })),
    ...table.exclusions.map((e) => ({ name: e.name, what: 'exclusion constraint' })),
    ...table.indexes.map((i) => ({ name: i.name, what: 'index' })),
  ];
}

export function metadataToSchema(metadatas: EntityMetadata[], settings: SchemaSettings): EntityReadResult {
  const extensionSchema = settings.extensionSchema ?? 'public';
  const tableEntities = metadatas.filter(isTableEntity).map((metadata) => ({ metadata, schema: tableSchema(metadata, settings.defaultSchema) }));
  const managed = tableEntities.filter((t) => t.metadata.synchronize);
  const where = (metadata: EntityMetadata, schema: string): QualifiedName => truncateQualified({ schema, name: metadata.tableName });

  const types = new Namespaces('types');
  const tables = managedTables(managed, metadatas, settings, types);
  const managedKeys = new Set(tables.map(qualifiedKey));
  // A table that some metadata synchronizes is TypeORM's to change, whatever another one says.
  const ignoredTables = uniqueBy(
    tableEntities.filter((t) => !t.metadata.synchronize).map(({ metadata, schema }) => where(metadata, schema)),
    qualifiedKey,
  )
    .filter((t) => !managedKeys.has(qualifiedKey(t)))
    .sort(byQualifiedName);
  const ignoredIndexes = uniqueBy(
    managed.flatMap(({ metadata, schema }) => ignoredIndexNames(metadata).map((name) => ({ table: where(metadata, schema), name: truncateIdentifier(name) }))),
    (i) => JSON.stringify([i.table.schema, i.table.name, i.name]),
  ).sort((a, b) => byQualifiedName(a.table, b.table) || compare(a.name, b.name));

  const columnRoles = uniqueBy(
    managed.flatMap(({ metadata, schema }) =>
      tableColumns(metadata).flatMap((column) => {
        const role = roleOf(column);
        return role ? [{ table: where(metadata, schema), column: truncateIdentifier(column.databaseName), role }] : [];
      }),
    ),
    (r) => JSON.stringify([r.table.schema, r.table.name, r.column]),
  );

  const schema: Schema = {
    schemas: [...new Set(tables.map((t) => t.schema))].sort(compare),
    extensions: requiredExtensions(metadatas, { ...settings, schema: extensionSchema }),
    enums: truncateEnums(collectEnums(managed), types).sort(byQualifiedName),
    domains: [],
    sequences: [],
    tables: tables.sort(byQualifiedName),
    unmanaged: [],
  };
  return { schema, ignoredTables, ignoredIndexes, columnRoles };
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const found = new Map<string, T>();
  for (const item of items) if (!found.has(key(item))) found.set(key(item), item);
  return [...found.values()];
}
