/**
 * The core pipeline from the edges in: entities → model, database → model, both restricted to the
 * managed set, desired expressions put in Postgres' own spelling, then the pure diff and plan.
 */
import type { Client } from 'pg';
import { withConnection } from '../db/connect';
import { diffSchemas } from '../diff/diff';
import type { Change } from '../diff/changes';
import { readEntities } from '../entities/read';
import { introspect } from '../introspect';
import { normalizeDesired } from '../normalize/normalize';
import { planChanges, type Plan } from '../plan/plan';
import type { QualifiedName, Schema } from '../schema/model';
import { adoptUnmodelled, restrictToScope, type Scope } from '../schema/scope';
import { requireUrl, type Project } from './project';

export interface Comparison {
  /** The database as read, restricted to the managed set. */
  actual: Schema;
  /** The entities' model in Postgres' own spelling, restricted to the managed set. */
  desired: Schema;
  changes: Change[];
  plan: Plan;
  /** Catalog queries the introspector issued (fixed, whatever the table count). */
  catalogQueries: number;
  /** Tables the entities mark `synchronize: false`: left alone. */
  ignoredTables: QualifiedName[];
}

export interface DesiredModel {
  schema: Schema;
  scope: Scope;
  ignoredIndexes: { table: QualifiedName; name: string }[];
}

export async function readDesired(project: Project): Promise<DesiredModel> {
  const read = await readEntities(project.dataSourceOptions);
  const schemas = [...new Set([...read.schema.schemas, ...project.schemas])].sort();
  const scope: Scope = { schemas, include: project.include, exclude: project.exclude, ignoredTables: read.ignoredTables };
  return { schema: restrictToScope(read.schema, scope), scope, ignoredIndexes: read.ignoredIndexes };
}

/** Indexes an entity marks `synchronize: false` exist in the database but are nobody's to drop. */
function withoutIgnoredIndexes(schema: Schema, ignored: DesiredModel['ignoredIndexes']): Schema {
  if (ignored.length === 0) return schema;
  const skip = new Set(ignored.map((i) => `${i.table.schema}.${i.table.name}.${i.name}`));
  return {
    ...schema,
    tables: schema.tables.map((t) => ({
      ...t,
      indexes: t.indexes.filter((i) => !skip.has(`${t.schema}.${t.name}.${i.name}`)),
    })),
  };
}

/** Compares a desired model with what a connected database holds. */
export async function compareWithClient(client: Client, desiredModel: DesiredModel): Promise<Comparison> {
  const { scope } = desiredModel;
  const read = await introspect(client, { schemas: scope.schemas });
  const actual = withoutIgnoredIndexes(restrictToScope(read.schema, scope), desiredModel.ignoredIndexes);
  const normalized = await normalizeDesired(client, desiredModel.schema, actual);
  const desired = adoptUnmodelled(actual, normalized.schema);
  const changes = diffSchemas(actual, desired);
  return {
    actual,
    desired,
    changes,
    plan: planChanges(changes),
    catalogQueries: read.queryCount,
    ignoredTables: scope.ignoredTables,
  };
}

export async function compareEntitiesWithDatabase(project: Project): Promise<Comparison> {
  const desired = await readDesired(project);
  return withConnection(requireUrl(project), (client) => compareWithClient(client, desired));
}
