/**
 * The managed set: which tables ormdiff may create, alter and drop. A table outside it is invisible to
 * the diff, so it is never proposed for dropping. By default the set is every table in the schemas the
 * entities cover; include/exclude patterns (`schema.table`, `*` wildcards, a bare `table` meaning any
 * schema) narrow it, and entities marked `synchronize: false` leave their tables out.
 */
import type { QualifiedName, Schema, Table } from './model';
import { byName, byQualifiedName, qualifiedKey, qualifiedText } from './model';

export interface Scope {
  schemas: string[];
  include: string[];
  exclude: string[];
  /** Tables the entities declare with `synchronize: false`. */
  ignoredTables: QualifiedName[];
}

function patternToRegExp(pattern: string): RegExp {
  const qualified = pattern.includes('.') ? pattern : `*.${pattern}`;
  const body = qualified
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

export function tableMatcher(scope: Scope): (table: QualifiedName) => boolean {
  const includes = scope.include.map(patternToRegExp);
  const excludes = scope.exclude.map(patternToRegExp);
  const ignored = new Set(scope.ignoredTables.map(qualifiedKey));
  const schemas = new Set(scope.schemas);
  return (table) => {
    const key = qualifiedText(table);
    if (!schemas.has(table.schema) || ignored.has(qualifiedKey(table))) return false;
    if (includes.length > 0 && !includes.some((re) => re.test(key))) return false;
    return !excludes.some((re) => re.test(key));
  };
}

/** Keeps only the managed tables (and objects in managed schemas); pure. */
export function restrictToScope(schema: Schema, scope: Scope): Schema {
  const managed = tableMatcher(scope);
  const inSchemas = (o: { schema: string }) => scope.schemas.includes(o.schema);
  const tables: Table[] = schema.tables.filter(managed);
  return {
    ...schema,
    schemas: schema.schemas.filter((s) => scope.schemas.includes(s)),
    enums: schema.enums.filter(inSchemas),
    domains: schema.domains.filter(inSchemas),
    sequences: schema.sequences.filter(
      (s) => inSchemas(s) && (!s.ownedBy || managed(s.ownedBy.table)),
    ),
    tables,
    unmanaged: schema.unmanaged,
  };
}

/**
 * Entities cannot declare domains, free-standing sequences or extensions they do not use, so the
 * desired model takes the database's own: ormdiff adds what the entities need and removes nothing
 * of these kinds (dropping them is a hand-written migration's job).
 */
export function adoptUnmodelled(actual: Schema, desired: Schema): Schema {
  const byKey = <T extends { schema: string; name: string }>(items: T[]) => new Map(items.map((i) => [qualifiedKey(i), i]));
  const desiredSequences = byKey(desired.sequences);
  const desiredTables = new Set(desired.tables.map(qualifiedKey));
  const ownedByDroppedTable = (s: Schema['sequences'][number]) => s.ownedBy !== undefined && !desiredTables.has(qualifiedKey(s.ownedBy.table));
  const extensions = new Map(actual.extensions.map((e) => [e.name, e]));
  for (const e of desired.extensions) if (!extensions.has(e.name)) extensions.set(e.name, e);
  return {
    ...desired,
    domains: [...byKey([...actual.domains, ...desired.domains]).values()].sort(byQualifiedName),
    sequences: [
      ...desired.sequences,
      ...actual.sequences.filter((s) => !desiredSequences.has(qualifiedKey(s)) && !ownedByDroppedTable(s)),
    ].sort(byQualifiedName),
    extensions: [...extensions.values()].sort(byName),
  };
}
