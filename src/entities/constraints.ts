/**
 * Keys, checks, exclusions and indexes of one entity table, named exactly as TypeORM names them
 * (the metadata already carries every name the naming strategy gave, except the primary key's).
 */
import type { EntityMetadata } from 'typeorm';
import type { Check, Exclusion, ForeignKey, Index, PrimaryKey, ReferentialAction, UniqueConstraint } from '../schema/model';
import { tableColumns } from './columns';
import { primaryKeyName, tableSchema } from './naming';

type Deferrable = ForeignKey['deferrable'];

/** TypeORM's DeferrableType ('INITIALLY DEFERRED' …) → the model's full clause. */
export function deferrable(value: string | undefined): Deferrable {
  if (value === 'INITIALLY DEFERRED') return 'DEFERRABLE INITIALLY DEFERRED';
  if (value === 'INITIALLY IMMEDIATE') return 'DEFERRABLE INITIALLY IMMEDIATE';
  return 'NOT DEFERRABLE';
}

const ACTIONS: ReferentialAction[] = ['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT'];

export function referentialAction(value: string | undefined, where: string): ReferentialAction {
  const action = (value ?? 'NO ACTION').toUpperCase() as ReferentialAction;
  // TypeORM accepts 'DEFAULT' too, but Postgres rejects `ON DELETE DEFAULT`, so no schema has it.
  if (!ACTIONS.includes(action)) throw new Error(`${where}: referential action ${JSON.stringify(value)} is not valid in PostgreSQL`);
  return action;
}

export function primaryKey(metadata: EntityMetadata): PrimaryKey | undefined {
  const columns = tableColumns(metadata)
    .filter((c) => c.isPrimary)
    .map((c) => c.databaseName);
  return columns.length === 0 ? undefined : { name: primaryKeyName(metadata, columns), columns };
}

export function uniques(metadata: EntityMetadata): UniqueConstraint[] {
  return metadata.uniques.map((u) => ({
    name: u.name,
    columns: u.columns.map((c) => c.databaseName),
    nullsNotDistinct: false,
    deferrable: deferrable(u.deferrable),
  }));
}

/** The raw expression in the parentheses TypeORM writes around it; src/normalize canonicalizes it. */
export function checks(metadata: EntityMetadata): Check[] {
  return metadata.checks.map((c) => ({ name: c.name, expression: `(${c.expression})` }));
}

/**
 * The model keeps an exclusion's deferrability inside its definition, spelled as pg_get_constraintdef
 * does: ` DEFERRABLE`, plus ` INITIALLY DEFERRED` when deferred (INITIALLY IMMEDIATE is the default).
 */
export function exclusions(metadata: EntityMetadata): Exclusion[] {
  return metadata.exclusions.map((e) => {
    const clause = deferrable(e.deferrable);
    const suffix = clause === 'NOT DEFERRABLE' ? '' : clause === 'DEFERRABLE INITIALLY DEFERRED' ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
    return { name: e.name, definition: e.expression! + suffix };
  });
}

export function foreignKeys(metadata: EntityMetadata, defaultSchema: string): ForeignKey[] {
  return metadata.foreignKeys.map((fk) => {
    const where = `foreign key ${fk.name} of ${metadata.name}`;
    const target = fk.referencedEntityMetadata;
    return {
      name: fk.name,
      columns: [...fk.columnNames],
      references: { schema: tableSchema(target, defaultSchema), name: target.tableName, columns: [...fk.referencedColumnNames] },
      onDelete: referentialAction(fk.onDelete, where),
      onUpdate: referentialAction(fk.onUpdate, where),
      deferrable: deferrable(fk.deferrable),
      match: 'SIMPLE',
    };
  });
}

/** Indexes TypeORM creates (synchronize: true); a spatial index is a GiST index. */
export function indexes(metadata: EntityMetadata): Index[] {
  return metadata.indices
    .filter((i) => i.synchronize === true)
    .map((i) => {
      const index: Index = {
        name: i.name,
        unique: i.isUnique,
        method: i.isSpatial ? 'gist' : (i.type ?? 'btree').toLowerCase(),
        elements: i.columns.map((c) => ({ kind: 'column', value: c.databaseName, descending: false })),
        include: [],
        nullsNotDistinct: false,
      };
      if (i.where) index.where = i.where;
      return index;
    });
}

/** Named indexes TypeORM leaves alone (synchronize: false); an unnamed one matches nothing. */
export function ignoredIndexNames(metadata: EntityMetadata): string[] {
  return metadata.indices.filter((i) => i.synchronize === false && !!i.name).map((i) => i.name);
}
