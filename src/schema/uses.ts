/**
 * What uses what, as the catalog records it (pg_depend, normal dependencies only): the objects that
 * make Postgres refuse a DROP without CASCADE. Read beside the model, not in it: the entities cannot
 * say what else in the database uses a type, so both sources still give identical models.
 */
import type { QualifiedName, Schema } from './model';
import { qualifiedKey } from './model';

/**
 * An object in scope that a plan might drop; `column` set when a table is used by one of its columns.
 * An index is named by its schema and name (the constraint's, for a primary key or unique constraint).
 */
export interface UsedObject {
  kind: 'type' | 'sequence' | 'table' | 'index' | 'extension';
  /** For an extension, the schema it is installed in. */
  schema: string;
  name: string;
  column?: string;
}

/** The object that uses it, at the level a reader knows it: a default or constraint is its table's. */
export interface ObjectUser {
  /** 'table', 'view', 'partitioned table', 'partition', 'function', 'domain', … */
  kind: string;
  schema: string | null;
  name: string;
  /** The relation's column the use comes from (its type or its default), when it is a column. */
  column?: string;
  /** Which part of the relation uses it (absent for the relation itself and for other objects). */
  part?: 'column' | 'default' | 'constraint' | 'index' | 'rule' | 'trigger' | 'policy';
  /** What the catalog calls the using object (pg_describe_object), e.g. `default value for column id of table public.events`. */
  description: string;
}

export interface ObjectUse {
  used: UsedObject;
  user: ObjectUser;
}

const userKey = (u: ObjectUser): string => JSON.stringify([u.kind, u.schema, u.name]);

/** Parts of a managed table that ormdiff does not model either: it never drops them with a column. */
const UNMODELLED_PARTS: readonly string[] = ['rule', 'trigger', 'policy'];

/**
 * The uses that come from outside the managed set, which a plan cannot make go away: everything but
 * the managed tables of `actual` and the parts of them it models (columns, defaults, constraints,
 * indexes). Pure.
 */
export function usesOutside(uses: readonly ObjectUse[], actual: Pick<Schema, 'tables'>): ObjectUse[] {
  const managed = new Set(actual.tables.map((t) => userKey({ kind: 'table', schema: t.schema, name: t.name, description: '' })));
  return uses.filter((u) => !managed.has(userKey(u.user)) || UNMODELLED_PARTS.includes(u.user.part ?? ''));
}

/** The uses of one object (for a table: of the table or any of its columns). */
export function usesOf(uses: readonly ObjectUse[], kind: UsedObject['kind'], object: QualifiedName | { name: string }): ObjectUse[] {
  return uses.filter(
    (u) =>
      u.used.kind === kind &&
      u.used.name === object.name &&
      (kind === 'extension' || !('schema' in object) || qualifiedKey(u.used) === qualifiedKey(object as QualifiedName)),
  );
}
