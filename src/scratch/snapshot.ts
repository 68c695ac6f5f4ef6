/**
 * A whole database as the model sees it, every user schema included, to tell whether two moments of
 * one scratch database hold the same schema (verify's up → down → up). Objects the model does not
 * diff (views, functions, triggers…) are compared by kind and name.
 */
import type { Client } from 'pg';
import { diffSchemas } from '../diff/diff';
import { changeObject } from '../diff/describe';
import { introspect, type IntrospectOptions } from '../introspect';
import type { Schema, UnmanagedObject } from '../schema/model';

const USER_SCHEMAS = `
  SELECT nspname FROM pg_catalog.pg_namespace
  WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
  ORDER BY nspname`;

/**
 * `ignoreTables`: bookkeeping tables of the project's naming (TypeORM's `metadataTableName`). `read`:
 * how to read (introspect's `uses` and `prepared`: a replay reads each step's schema without the uses,
 * again and again on one connection).
 */
export async function snapshot(client: Client, ignoreTables: readonly string[] = [], read: Pick<IntrospectOptions, 'uses' | 'prepared'> = {}): Promise<Schema> {
  const { rows } = await client.query<{ nspname: string }>(read.prepared ? { name: 'ormdiff_user_schemas', text: USER_SCHEMAS } : USER_SCHEMAS);
  return (await introspect(client, { schemas: rows.map((r) => r.nspname), ignoreTables, ...read })).schema;
}

const unmanagedKey = (o: UnmanagedObject): string => `${o.kind} ${o.schema}.${o.table ? `${o.table}.` : ''}${o.name}`;

/** The objects that differ between two snapshots, sorted; empty when they hold the same schema. Pure. */
export function differingObjects(a: Schema, b: Schema): string[] {
  const objects = new Set(diffSchemas(a, b).map(changeObject));
  const inA = new Set(a.unmanaged.map(unmanagedKey));
  const inB = new Set(b.unmanaged.map(unmanagedKey));
  for (const key of inA) if (!inB.has(key)) objects.add(key);
  for (const key of inB) if (!inA.has(key)) objects.add(key);
  return [...objects].sort();
}
