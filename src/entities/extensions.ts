/**
 * The extensions TypeORM's PostgresDriver.afterConnect installs for these entities
 * (checkMetadataForExtensions + the `extensions` option), which the schema needs to exist.
 */
import type { EntityMetadata } from 'typeorm';
import { compareStrings, type Extension } from '../schema/model';
import { EXTENSION_TYPES, typeOrmTypeName } from './types';

export interface ExtensionSettings {
  /** DataSourceOptions.uuidExtension: 'uuid-ossp' (default) or 'pgcrypto'. */
  uuidExtension?: string;
  /** DataSourceOptions.extensions: installed as given. */
  extensions?: string[];
  /** CREATE EXTENSION without SCHEMA lands in the connection's current schema. */
  schema: string;
}

export function requiredExtensions(metadatas: EntityMetadata[], settings: ExtensionSettings): Extension[] {
  const names = new Set<string>();
  for (const metadata of metadatas) {
    if (metadata.generatedColumns.some((c) => c.generationStrategy === 'uuid')) names.add(settings.uuidExtension ?? 'uuid-ossp');
    for (const column of metadata.columns) {
      const type = typeof column.type === 'string' ? typeOrmTypeName(column.type) : undefined;
      if (type && EXTENSION_TYPES[type]) names.add(EXTENSION_TYPES[type]);
    }
    if (metadata.exclusions.length > 0) names.add('btree_gist');
  }
  for (const name of settings.extensions ?? []) names.add(name);
  return [...names].sort(compareStrings).map((name) => ({ name, schema: settings.schema }));
}
