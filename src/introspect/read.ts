/**
 * The only module of the introspector that talks to the database: runs each catalog query once for
 * the schemas in scope and hands back the raw rows.
 */
import type { CatalogRows, DependencyRow, DomainRow, IndexRow, RelationRow, UnmanagedRow } from './rows';
import {
  COLUMNS_SQL,
  CONSTRAINTS_SQL,
  DOMAINS_SQL,
  ENUMS_SQL,
  EXTENSIONS_SQL,
  INDEXES_SQL,
  RELATIONS_SQL,
  SCHEMAS_SQL,
  SEQUENCES_SQL,
  UNMANAGED_SQL,
  USES_SQL,
} from './sql';
import { portableLiterals } from '../sql/quote';

/** A pg Client or PoolClient (or anything with its query signature). */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: any[] }>;
}

/** SQL the catalog printed, in the spelling that means the same whatever standard_conforming_strings is. */
const portable = (sql: string | null): string | null => (sql === null ? null : portableLiterals(sql));

/** Drivers other than pg may hand json columns back as text. */
function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * Reads every object kind with one query each. The caller has already set `search_path = ''` and
 * `standard_conforming_strings = on` and, for a consistent picture, opened a snapshot. Returns the rows and how many queries it ran.
 */
export async function readCatalog(
  db: Queryable,
  schemas: string[],
): Promise<{ rows: CatalogRows; queryCount: number }> {
  let queryCount = 0;
  const run = async <R>(sql: string, params: unknown[] = [schemas]): Promise<R[]> => {
    queryCount++;
    return (await db.query(sql, params)).rows as R[];
  };
  // Sequential on purpose: one connection runs one query at a time anyway.
  const relations = (await run<RelationRow>(RELATIONS_SQL)).map((r) => ({
    ...r,
    depends_on: json<DependencyRow[] | null>(r.depends_on),
  }));
  const columns = (await run<CatalogRows['columns'][number]>(COLUMNS_SQL)).map((r) => ({ ...r, default_expr: portable(r.default_expr) }));
  const constraints = (await run<CatalogRows['constraints'][number]>(CONSTRAINTS_SQL)).map((r) => ({ ...r, definition: portableLiterals(r.definition) }));
  const indexes = (await run<IndexRow>(INDEXES_SQL)).map((r) => ({
    ...r,
    predicate: portable(r.predicate),
    elements: json<IndexRow['elements']>(r.elements)?.map((e) => ({ ...e, expression: portable(e.expression) })),
  }));
  const enums = await run<CatalogRows['enums'][number]>(ENUMS_SQL);
  const domains = (await run<DomainRow>(DOMAINS_SQL)).map((r) => ({
    ...r,
    default_expr: portable(r.default_expr),
    checks: json<DomainRow['checks']>(r.checks)?.map((c) => ({ ...c, definition: portableLiterals(c.definition) })) ?? null,
  }));
  const sequences = await run<CatalogRows['sequences'][number]>(SEQUENCES_SQL);
  const extensions = await run<CatalogRows['extensions'][number]>(EXTENSIONS_SQL, []);
  const existingSchemas = await run<{ name: string }>(SCHEMAS_SQL);
  const unmanaged = (await run<UnmanagedRow>(UNMANAGED_SQL)).map((r) => ({
    ...r,
    depends_on: json<DependencyRow[] | null>(r.depends_on),
  }));
  const uses = await run<CatalogRows['uses'][number]>(USES_SQL);
  return {
    rows: { relations, columns, constraints, indexes, enums, domains, sequences, extensions, unmanaged, uses, schemas: existingSchemas },
    queryCount,
  };
}
