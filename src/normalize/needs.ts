/**
 * Which desired tables need Postgres to canonicalize their expressions. A table whose every expression
 * and column type already appears, as text, in the database's copy of it is left alone, so a database
 * that is in step with the entities costs no extra round trip.
 */
import { sameDatetimeValue } from '../entities/defaults';
import type { Column, Table } from '../schema/model';

const expressionOf = (column: Column): string | undefined =>
  column.valueSource.kind === 'default' || column.valueSource.kind === 'generated' ? column.valueSource.expression : undefined;

/** One quoted literal, as an entity writes a plain default (`'draft'`, `'it''s'`). */
const QUOTED_LITERAL = /^'(?:[^']|'')*'$/;

/**
 * The database's spelling of the desired column's expression, when it is known to be what Postgres
 * would print for it: the same text, or a literal default that Postgres stores with a cast to the
 * column's own (same) type — `DEFAULT 'draft'` on an enum column reads back as
 * `'draft'::public.status_enum`; or the same datetime value in another spelling (`now()` for a stored
 * `CURRENT_TIMESTAMP`, which Postgres itself never turns into one another). Undefined when only
 * Postgres can tell.
 */
export function storedExpression(desired: Column, current: Column): string | undefined {
  const wanted = expressionOf(desired);
  const have = expressionOf(current);
  if (wanted === undefined || have === undefined) return undefined;
  if (wanted === have) return have;
  const bothDefaults = desired.valueSource.kind === 'default' && current.valueSource.kind === 'default';
  if (bothDefaults && sameDatetimeValue(wanted, have)) return have;
  const literalDefault =
    desired.valueSource.kind === 'default' &&
    current.valueSource.kind === 'default' &&
    desired.dataType === current.dataType &&
    desired.arrayDims === 0 &&
    current.arrayDims === 0 &&
    QUOTED_LITERAL.test(wanted);
  return literalDefault && have === `${wanted}::${current.dataType}` ? have : undefined;
}

/** The desired table with the database's spelling of expressions that `storedExpression` vouches for. */
export function withStoredExpressions(desired: Table, actual: Table): Table {
  const actualColumns = new Map(actual.columns.map((c) => [c.name, c]));
  let changed = false;
  const columns = desired.columns.map((column) => {
    const current = actualColumns.get(column.name);
    if (!current || column.valueSource.kind !== 'default' || current.valueSource.kind !== 'default') return column;
    const stored = storedExpression(column, current);
    if (stored === undefined || stored === column.valueSource.expression) return column;
    changed = true;
    return { ...column, valueSource: { ...column.valueSource, expression: stored } };
  });
  return changed ? { ...desired, columns } : desired;
}

const indexExpressions = (table: Table): string[] =>
  table.indexes.flatMap((index) => [
    ...(index.where !== undefined ? [`where:${index.where}`] : []),
    ...index.elements.filter((e) => e.kind === 'expression').map((e) => `expr:${e.value}`),
  ]);

export function needsNormalizing(desired: Table, actual: Table | undefined): boolean {
  if (!actual) return true;
  const actualColumns = new Map(actual.columns.map((c) => [c.name, c]));
  for (const column of desired.columns) {
    const current = actualColumns.get(column.name);
    if (!current) return true;
    if (current.dataType !== column.dataType) return true;
    if (expressionOf(column) !== undefined && storedExpression(column, current) === undefined) return true;
  }
  const known = new Set([
    ...actual.checks.map((c) => `check:${c.expression}`),
    ...actual.exclusions.map((x) => `exclude:${x.definition}`),
    ...indexExpressions(actual),
  ]);
  const wanted = [
    ...desired.checks.map((c) => `check:${c.expression}`),
    ...desired.exclusions.map((x) => `exclude:${x.definition}`),
    ...indexExpressions(desired),
  ];
  return wanted.some((w) => !known.has(w));
}
