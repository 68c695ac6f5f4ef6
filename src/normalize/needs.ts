/**
 * Which desired tables need Postgres to canonicalize their expressions. A table whose every expression
 * and column type already appears, as text, in the database's copy of it is left alone, so a database
 * that is in step with the entities costs no extra round trip.
 */
import type { Column, Table } from '../schema/model';

const expressionOf = (column: Column): string | undefined =>
  column.valueSource.kind === 'default' || column.valueSource.kind === 'generated' ? column.valueSource.expression : undefined;

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
    if (expressionOf(column) !== undefined && expressionOf(column) !== expressionOf(current)) return true;
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
