/** Small pure helpers shared by the assembly modules. */
import { formatIdent, formatQualified } from '../../sql/quote';

export { byName, byQualifiedName, compareStrings } from '../../schema/model';

/**
 * A map key for (schema, name), within one assembly. Joined by NUL, which no Postgres name can hold:
 * as unique as qualifiedKey's JSON, without a JSON.stringify per catalog row.
 */
export const tableKey = (schema: string, name: string): string => `${schema}\u0000${name}`;

/** A map key for (schema, table, column), as tableKey. */
export const columnKey = (schema: string, table: string, column: string): string => `${schema}\u0000${table}\u0000${column}`;

/**
 * A catalog object (collation, operator class) named as pg_get_indexdef / format_type print it
 * with `search_path = ''`: bare for pg_catalog, schema-qualified otherwise, quoted only where needed.
 */
export function catalogObjectName(schema: string | null, name: string): string {
  return schema === null || schema === 'pg_catalog' ? formatIdent(name) : formatQualified({ schema, name });
}

/** format_type prints one `[]` whatever the dimensions; the model keeps the element type. */
export function elementType(formatted: string): string {
  return formatted.replace(/(\[\])+$/, '');
}

/**
 * The model's dimension count: Postgres does not enforce declared dimensions (attndims), pg_dump does not
 * keep them (format_type prints one `[]`), and CREATE TABLE AS loses them, so any array reads as 1.
 */
export function arrayDims(isArray: boolean): number {
  return isArray ? 1 : 0;
}

/**
 * The boolean expression of a `CHECK (…)` constraint definition: the text after `CHECK `, without the
 * trailing markers pg_get_constraintdef appends (` NO INHERIT`, then ` NOT VALID`), which the model
 * holds elsewhere or not at all.
 */
export function checkExpression(definition: string): string {
  let body = definition.startsWith('CHECK ') ? definition.slice('CHECK '.length) : definition;
  if (body.endsWith(' NOT VALID')) body = body.slice(0, -' NOT VALID'.length);
  if (body.endsWith(' NO INHERIT')) body = body.slice(0, -' NO INHERIT'.length);
  return body;
}
