/**
 * Puts the entity model's expressions (defaults, generated columns, CHECK bodies, exclusion and index
 * definitions) and column types into the exact text Postgres stores, by letting Postgres do it: the
 * tables that need it are created, without keys, in a throw-away schema inside a transaction that is
 * rolled back, and read back with the introspector's own catalog queries. TypeScript rules could never
 * match Postgres' deparser on every expression; this matches it by construction.
 */
import type { Change } from '../diff/changes';
import { introspect, type Queryable } from '../introspect';
import { renderChange } from '../ddl/sql';
import type { Column, EnumType, Schema, Table } from '../schema/model';
import { qualifiedKey, qualifiedText } from '../schema/model';
import { quoteIdent } from '../sql/quote';
import { UsageError } from '../errors';
import { messageOf } from '../db/connect';
import { needsNormalizing, withStoredExpressions } from './needs';

const WORK_SCHEMA = 'ormdiff_normalize';

/** Keys, serial and identity do not change how expressions print, and would only add objects to create. */
function scratchCopy(table: Table, position: number): Table {
  const plainSource = (column: Column): Column =>
    column.valueSource.kind === 'serial' || column.valueSource.kind === 'identity'
      ? { ...column, valueSource: { kind: 'none' } }
      : column;
  return {
    ...table,
    schema: WORK_SCHEMA,
    name: `t${position}`,
    columns: table.columns.map(plainSource),
    primaryKey: undefined,
    foreignKeys: [],
    uniques: [],
    checks: table.checks.map((c, i) => ({ ...c, name: `t${position}_c${i}` })),
    exclusions: table.exclusions.map((x, i) => ({ ...x, name: `t${position}_x${i}` })),
    indexes: table.indexes.map((index, i) => ({ ...index, name: `t${position}_i${i}` })),
    comment: undefined,
  };
}

/** Copies what Postgres printed back onto the desired table, matching by position. */
function readBack(desired: Table, printed: Table): Table {
  const printedColumns = new Map(printed.columns.map((c) => [c.name, c]));
  return {
    ...desired,
    columns: desired.columns.map((column) => {
      const back = printedColumns.get(column.name)!;
      const valueSource =
        column.valueSource.kind === 'default' || column.valueSource.kind === 'generated' ? back.valueSource : column.valueSource;
      return { ...column, dataType: back.dataType, arrayDims: back.arrayDims, valueSource };
    }),
    checks: desired.checks.map((check, i) => ({ ...check, expression: printed.checks.find((c) => c.name.endsWith(`_c${i}`))!.expression })),
    exclusions: desired.exclusions.map((x, i) => ({
      ...x,
      definition: printed.exclusions.find((p) => p.name.endsWith(`_x${i}`))!.definition,
    })),
    indexes: desired.indexes.map((index, i) => {
      const back = printed.indexes.find((p) => p.name.endsWith(`_i${i}`))!;
      return { ...index, elements: back.elements, where: back.where };
    }),
  };
}

/** Types, schemas and extensions the scratch tables need that the database does not have yet. */
function prerequisites(desired: Schema, actual: Schema): Change[] {
  const haveEnums = new Set(actual.enums.map(qualifiedKey));
  const haveExtensions = new Set(actual.extensions.map((e) => e.name));
  const missingEnums: EnumType[] = desired.enums.filter((e) => !haveEnums.has(qualifiedKey(e)));
  const schemas = [...new Set(missingEnums.map((e) => e.schema))];
  return [
    ...desired.extensions.filter((e) => !haveExtensions.has(e.name)).map((extension): Change => ({ kind: 'createExtension', extension })),
    ...schemas.map((schema): Change => ({ kind: 'createSchema', schema })),
    ...missingEnums.map((e): Change => ({ kind: 'createEnum', enum: e })),
  ];
}

export interface NormalizeResult {
  schema: Schema;
  /** How many tables had to be created in the scratch schema. */
  normalizedTables: number;
}

export async function normalizeDesired(db: Queryable, desired: Schema, actual: Schema): Promise<NormalizeResult> {
  const actualTables = new Map(actual.tables.map((t) => [qualifiedKey(t), t]));
  const pending = desired.tables
    .map((table, position) => ({ table, position }))
    .filter(({ table }) => needsNormalizing(table, actualTables.get(qualifiedKey(table))));
  // Tables left out keep the database's spelling of the expressions needsNormalizing matched loosely.
  const pendingKeys = new Set(pending.map(({ table }) => qualifiedKey(table)));
  const inStep = (t: Table): Table => {
    const current = actualTables.get(qualifiedKey(t));
    return current && !pendingKeys.has(qualifiedKey(t)) ? withStoredExpressions(t, current) : t;
  };
  if (pending.length === 0) return { schema: { ...desired, tables: desired.tables.map(inStep) }, normalizedTables: 0 };

  await db.query('BEGIN');
  try {
    // Expressions are evaluated with the session's own search_path, as TypeORM's CREATE TABLE would be
    // (`uuid_generate_v4()` resolves through public); the introspector prints them with an empty one.
    for (const change of prerequisites(desired, actual)) {
      const statements = renderChange(change);
      for (const sql of statements) {
        // Schemas and extensions may exist outside the scope that was read; IF NOT EXISTS keeps this idempotent
        // (extensions are rendered with it already).
        await db.query(sql.replace(/^CREATE SCHEMA /, 'CREATE SCHEMA IF NOT EXISTS '));
      }
    }
    await db.query(`CREATE SCHEMA ${quoteIdent(WORK_SCHEMA)}`);
    for (const { table, position } of pending) {
      const copy = scratchCopy(table, position);
      const statements = renderChange({ kind: 'createTable', table: copy });
      try {
        for (const sql of statements) await db.query(sql);
      } catch (error) {
        throw new UsageError(`entity table ${qualifiedText(table)}: Postgres rejects its definition: ${messageOf(error)}`, {
          cause: error,
        });
      }
    }
    const { schema: printed } = await introspect(db, { schemas: [WORK_SCHEMA], inTransaction: true });
    const printedTables = new Map(printed.tables.map((t) => [t.name, t]));
    // Postgres' spelling can still differ from the database's for one value (`now()` and a stored
    // `CURRENT_TIMESTAMP`): the database's is kept wherever storedExpression vouches for it.
    const normalized = new Map(
      pending.map(({ table, position }) => {
        const back = readBack(table, printedTables.get(`t${position}`)!);
        const current = actualTables.get(qualifiedKey(table));
        return [qualifiedKey(table), current ? withStoredExpressions(back, current) : back];
      }),
    );
    return {
      schema: { ...desired, tables: desired.tables.map((t) => normalized.get(qualifiedKey(t)) ?? inStep(t)) },
      normalizedTables: pending.length,
    };
  } finally {
    await db.query('ROLLBACK');
  }
}
