/**
 * The extensions the entities' schema needs, modelled on what TypeORM's PostgresDriver.afterConnect
 * installs (checkMetadataForExtensions, enableExtensions and, from 1.0, the `extensions` option), but
 * only where the schema really uses one:
 * - `installExtensions: false` means the user installs extensions: none is asked for (0.3 and 1.x
 *   both skip every CREATE EXTENSION then, the `extensions` option's too).
 * - A generated uuid column needs its generator's extension only when the generator is written, i.e.
 *   the column has no default of its own. The generator is `gen_random_uuid()` with
 *   `uuidExtension: 'pgcrypto'`, built into PostgreSQL 13 and later (pgcrypto is needed only before),
 *   else `uuid_generate_v4()` of uuid-ossp.
 * - citext, hstore, ltree, cube, PostGIS and vector columns need their type's extension; exclusion
 *   constraints btree_gist, as TypeORM assumes.
 * Only tables the model creates count: TypeORM installs for views and `synchronize: false` entities
 * too, but nothing ormdiff plans uses those.
 * What afterConnect itself creates, whatever the schema uses, is connectExtensions: the runner creates
 * those before running migrations, which a TypeORM project's migrations may take for granted.
 */
import type { EntityMetadata } from 'typeorm';
import { compareStrings, type Extension } from '../schema/model';
import { EXTENSION_TYPES, typeOrmTypeName } from './types';

export interface ExtensionSettings {
  /** DataSourceOptions.uuidExtension: 'uuid-ossp' (default) or 'pgcrypto'. */
  uuidExtension?: string;
  /** DataSourceOptions.extensions (1.x): installed as given. */
  extensions?: string[];
  /** DataSourceOptions.installExtensions: false turns every extension off. */
  installExtensions?: boolean;
  /** The server's version (server_version_num), when known; PostgreSQL 13 or later is assumed otherwise (ormdiff's minimum). */
  serverVersion?: number;
  /** CREATE EXTENSION without SCHEMA lands in the connection's current schema. */
  schema: string;
}

/** gen_random_uuid() is in core from PostgreSQL 13. */
const CORE_GEN_RANDOM_UUID = 130000;

/** The extension the uuid generator TypeORM writes needs, if any. */
export function uuidGeneratorExtension(settings: Pick<ExtensionSettings, 'uuidExtension' | 'serverVersion'>): string | undefined {
  if (settings.uuidExtension === 'pgcrypto') {
    return settings.serverVersion !== undefined && settings.serverVersion < CORE_GEN_RANDOM_UUID ? 'pgcrypto' : undefined;
  }
  return settings.uuidExtension ?? 'uuid-ossp';
}

/** The metadatas whose tables the model creates (not STI children, views or synchronize: false). */
const createsTable = (m: EntityMetadata): boolean => m.tableType !== 'entity-child' && m.tableType !== 'view' && m.synchronize;

/**
 * The extensions the columns and exclusions of `metadatas` call for, and `uuid` where `needsUuid` says
 * a metadata's generated uuid needs it: the one walk both questions below share.
 */
function featureExtensions(metadatas: EntityMetadata[], uuid: string | undefined, needsUuid: (m: EntityMetadata) => boolean): Set<string> {
  const names = new Set<string>();
  for (const metadata of metadatas) {
    if (uuid && needsUuid(metadata)) names.add(uuid);
    for (const column of metadata.columns) {
      const type = typeof column.type === 'string' ? typeOrmTypeName(column.type) : undefined;
      if (type && EXTENSION_TYPES[type]) names.add(EXTENSION_TYPES[type]);
    }
    if (metadata.exclusions.length > 0) names.add('btree_gist');
  }
  return names;
}

export function requiredExtensions(metadatas: EntityMetadata[], settings: ExtensionSettings): Extension[] {
  if (settings.installExtensions === false) return [];
  const writesGenerator = (m: EntityMetadata) => m.generatedColumns.some((c) => c.generationStrategy === 'uuid' && !c.default);
  const names = featureExtensions(metadatas.filter(createsTable), uuidGeneratorExtension(settings), writesGenerator);
  for (const name of settings.extensions ?? []) names.add(name);
  return [...names].sort(compareStrings).map((name) => ({ name, schema: settings.schema }));
}

/**
 * What TypeORM's PostgresDriver.afterConnect runs CREATE EXTENSION IF NOT EXISTS for, in its order
 * (the features' extensions, then the `extensions` option as given): the database as any TypeORM
 * application finds it once connected, whether or not the schema uses them. Unlike
 * requiredExtensions: every metadata counts (views, STI children, synchronize: false), and any
 * generated uuid column asks for `uuidExtension` itself, whatever its default and the server version.
 */
export function connectExtensions(metadatas: EntityMetadata[], settings: Omit<ExtensionSettings, 'schema' | 'serverVersion'>): string[] {
  if (settings.installExtensions === false) return [];
  const hasUuid = (m: EntityMetadata) => m.generatedColumns.some((c) => c.generationStrategy === 'uuid');
  const features = [...featureExtensions(metadatas, settings.uuidExtension || 'uuid-ossp', hasUuid)].sort(compareStrings);
  return [...new Set([...features, ...(settings.extensions ?? [])])];
}
