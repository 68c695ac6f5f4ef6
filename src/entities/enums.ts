/**
 * Enum types as PostgresQueryRunner.createTable creates them: one per (schema, type name), created by
 * the first table in synchronization order that uses it, with that column's values in declared order.
 * Columns sharing an `enumName` therefore share one type, and later declarations do not change it.
 */
import type { EntityMetadata } from 'typeorm';
import type { EnumType } from '../schema/model';
import { columnEnumType, tableColumns } from './columns';

/** `tables` in TypeORM's synchronization order, each with the schema it is created in. */
export function collectEnums(tables: { metadata: EntityMetadata; schema: string }[]): EnumType[] {
  const found = new Map<string, EnumType>();
  for (const { metadata, schema } of tables) {
    for (const column of tableColumns(metadata)) {
      const type = columnEnumType(column, { schema, tableName: metadata.tableName });
      // A column naming an enum without values only refers to a type that must already exist.
      if (!type || !column.enum) continue;
      const key = JSON.stringify([type.schema, type.name]);
      if (!found.has(key)) found.set(key, { ...type, values: column.enum.map((v) => String(v)) });
    }
  }
  return [...found.values()];
}
