/**
 * TypeORM's metadata table as a project's DataSource places it, the generated-column expressions the
 * entities declare, and the rows the table holds now: what the plan needs to keep the table in step.
 */
import type { DataSourceOptions } from 'typeorm';
import { columnKey } from '../diff/keys';
import type { Queryable } from '../introspect';
import type { TypeormMetadata } from '../plan/typeorm-metadata';
import type { QualifiedName, Schema } from '../schema/model';
import { quoteQualified } from '../sql/quote';
import { GENERATED_COLUMN } from '../ddl/typeorm-metadata';

/**
 * `metadataTableName` (TypeORM's default `typeorm_metadata`) in the DataSource's `schema`; without
 * one, TypeORM uses the connection's current schema, which ormdiff takes to be public as it does for
 * the entities themselves.
 */
export function metadataTableOf(options: DataSourceOptions): QualifiedName {
  const schema = (options as { schema?: string }).schema ?? 'public';
  return { schema, name: options.metadataTableName || 'typeorm_metadata' };
}

/** The entities' generated columns with their `asExpression` as written: the text TypeORM stores and compares. */
export function declaredExpressions(entities: Schema): Map<string, string> {
  const expressions = new Map<string, string>();
  for (const table of entities.tables) {
    for (const column of table.columns) {
      if (column.valueSource.kind === 'generated') expressions.set(columnKey(table, column.name), column.valueSource.expression);
    }
  }
  return expressions;
}

/**
 * The generated-column rows the table holds, none if there is no table. Rows written for another
 * database name (a TypeORM migration generated elsewhere, a restored dump) still say what the column
 * was created with; those of the current database win where both exist.
 */
export async function readMetadataRows(db: Queryable, table: QualifiedName): Promise<{ exists: boolean; rows: Map<string, string> }> {
  const found = await db.query('SELECT pg_catalog.to_regclass($1) IS NOT NULL AS "exists"', [quoteQualified(table)]);
  if (!found.rows[0].exists) return { exists: false, rows: new Map() };
  const { rows } = await db.query(
    `SELECT "schema", "table", "name", "value" FROM ${quoteQualified(table)} ` +
      `WHERE "type" = $1 AND "schema" IS NOT NULL AND "table" IS NOT NULL AND "name" IS NOT NULL AND "value" IS NOT NULL ` +
      `ORDER BY "database" IS NOT DISTINCT FROM pg_catalog.current_database()`,
    [GENERATED_COLUMN],
  );
  return {
    exists: true,
    rows: new Map(
      rows.map((r: { schema: string; table: string; name: string; value: string }) => [
        columnKey({ schema: r.schema, name: r.table }, r.name),
        r.value,
      ]),
    ),
  };
}

export async function typeormMetadataOf(db: Queryable, table: QualifiedName, desired: ReadonlyMap<string, string>): Promise<TypeormMetadata> {
  const read = await readMetadataRows(db, table);
  return { table, exists: read.exists, actual: read.rows, desired };
}
