/**
 * The entity reader: TypeORM's own metadata builder (naming strategies, embeddeds, inheritance, trees,
 * junction tables all resolved by TypeORM itself), then a pure conversion to the model.
 */
import 'reflect-metadata';
import type { DataSource, DataSourceOptions } from 'typeorm';
import { typeorm } from '../typeorm';
import { installsListedExtensions } from './compat';
import { connectExtensions } from './extensions';
import { withFastInheritance } from './fast-inheritance';
import { withIndexedLookups } from './indexed-storage';
import { type EntityReadResult, metadataToSchema } from './schema';

export type { EntityReadResult } from './schema';

/**
 * Builds the metadata without connecting. Migrations, subscribers and the query cache play no part in
 * the schema of the entities, and loading them could need files or packages, so they are left out.
 */
export async function buildEntityMetadatas(options: DataSourceOptions): Promise<DataSource> {
  if (options.type !== 'postgres') throw new Error(`ormdiff supports only PostgreSQL, not ${JSON.stringify(options.type)}`);
  const { DataSource: TypeormDataSource, getMetadataArgsStorage } = typeorm();
  const ds = new TypeormDataSource({ ...options, migrations: [], subscribers: [], cache: false });
  // Entity files are loaded inside buildMetadatas, and so is the storage their decorators fill.
  const storage = getMetadataArgsStorage();
  const build = () => (ds as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  await withIndexedLookups(storage, () => withFastInheritance(() => storage.tables, build));
  return ds;
}

/**
 * One metadata build per options object: `check` and `revision --autogenerate` ask for the connect-time
 * extensions (before replaying migrations) and then for the model, and the build is most of the cost of
 * reading a large model.
 */
const built = new WeakMap<DataSourceOptions, Promise<DataSource>>();
function metadatasOf(options: DataSourceOptions): Promise<DataSource> {
  let ds = built.get(options);
  if (!ds) {
    ds = buildEntityMetadatas(options);
    built.set(options, ds);
    ds.catch(() => built.delete(options));
  }
  return ds;
}

export async function readEntities(options: DataSourceOptions): Promise<EntityReadResult> {
  const ds = await metadatasOf(options);
  const pg = options as Extract<DataSourceOptions, { type: 'postgres' }>;
  return metadataToSchema(ds.entityMetadatas, {
    defaultSchema: pg.schema ?? 'public',
    uuidExtension: pg.uuidExtension,
    extensions: installsListedExtensions(ds) ? pg.extensions : undefined,
    installExtensions: pg.installExtensions,
  });
}

/**
 * The extensions a DataSource of these options creates when it connects (PostgresDriver.afterConnect),
 * which a TypeORM project's migrations may take for granted. The 1.x driver leaves those listed in
 * `extensions` that the server does not offer alone; ormdiff tries them and reports what fails.
 */
export async function connectExtensionsOf(options: DataSourceOptions): Promise<string[]> {
  const ds = await metadatasOf(options);
  const pg = options as Extract<DataSourceOptions, { type: 'postgres' }>;
  return connectExtensions(ds.entityMetadatas, {
    uuidExtension: pg.uuidExtension,
    extensions: installsListedExtensions(ds) ? pg.extensions : undefined,
    installExtensions: pg.installExtensions,
  });
}
