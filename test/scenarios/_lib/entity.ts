/**
 * The vocabulary scenario files are written in: TypeORM EntitySchema objects, one per table, so a
 * scenario's before.ts / after.ts read as data.
 */
import { EntitySchema, type EntitySchemaColumnOptions, type EntitySchemaOptions } from 'typeorm';

export type Columns = Record<string, EntitySchemaColumnOptions>;
export type TableOptions = Omit<EntitySchemaOptions<unknown>, 'name' | 'columns'>;

/** A table named `name` (entity and table alike) with an `id integer` primary key first. */
export function table(name: string, columns: Columns, options: TableOptions = {}): EntitySchema {
  return new EntitySchema({
    name,
    tableName: name,
    columns: { id: { type: 'integer', primary: true }, ...columns },
    ...options,
  });
}

export const varchar = (length: number, extra: Partial<EntitySchemaColumnOptions> = {}): EntitySchemaColumnOptions => ({
  type: 'varchar',
  length,
  nullable: true,
  ...extra,
});

export const col = (type: EntitySchemaColumnOptions['type'], extra: Partial<EntitySchemaColumnOptions> = {}): EntitySchemaColumnOptions => ({
  type,
  nullable: true,
  ...extra,
});
