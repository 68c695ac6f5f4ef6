/**
 * ColumnMetadata → model Column, following PostgresQueryRunner.buildCreateColumnSql of TypeORM 1.1 (and of
 * the installed release where it differs, see compat.ts):
 * SERIAL/SMALLSERIAL/BIGSERIAL for increment, `GENERATED … AS IDENTITY` for identity, the uuid
 * generator default for uuid, `GENERATED ALWAYS AS (…) STORED` for STORED expressions.
 */
import type { EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { Column, ColumnValueSource, QualifiedName } from '../schema/model';
import { formatIdent, formatQualified } from '../sql/quote';
import { type DriverBehaviour, driverBehaviour } from './compat';
import { defaultExpression } from './defaults';
import { enumTypeName, sequenceName } from './naming';
import { INTEGER_MAX, canonicalType, typeOrmTypeName } from './types';

export interface TableContext {
  schema: string;
  tableName: string;
  /** `uuid_generate_v4()` or `gen_random_uuid()`, as PostgresDriver.uuidGenerator picks it. */
  uuidGenerator: string;
  extensionSchema: string;
}

/** The columns TypeORM puts in CREATE TABLE, in its order (Table.create skips virtual properties). */
export function tableColumns(metadata: EntityMetadata): ColumnMetadata[] {
  return metadata.columns.filter((c) => c && !c.isVirtualProperty);
}

export function isEnumColumn(column: Pick<ColumnMetadata, 'type'>): boolean {
  return typeOrmTypeName(column.type) === 'enum';
}

export function columnEnumType(column: ColumnMetadata, ctx: Pick<TableContext, 'schema' | 'tableName'>): QualifiedName | undefined {
  return isEnumColumn(column) ? { schema: ctx.schema, name: enumTypeName(ctx.tableName, column) } : undefined;
}

/** Comments lose NUL bytes (escapeComment), and an empty one is no comment at all. */
export function cleanComment(comment: string | undefined): string | undefined {
  const cleaned = comment?.replace(/\u0000/g, '');
  return cleaned ? cleaned : undefined;
}

function valueSource(column: ColumnMetadata, dataType: string, ctx: TableContext, behaviour: DriverBehaviour): ColumnValueSource {
  const strategy: string | undefined = column.generationStrategy;
  if (column.isGenerated && strategy !== 'uuid') {
    const sequence = { schema: ctx.schema, name: sequenceName(ctx.tableName, column.databaseName) };
    if (strategy === 'identity') {
      return {
        kind: 'identity',
        generation: column.generatedIdentity ?? 'BY DEFAULT',
        // What Postgres gives an identity column created without sequence options.
        sequence: { ...sequence, dataType, start: '1', increment: '1', min: '1', max: INTEGER_MAX[dataType] ?? '9223372036854775807', cache: '1', cycle: false },
      };
    }
    if (INTEGER_MAX[dataType]) return { kind: 'serial', sequence };
  }
  if (column.generatedType === 'STORED' && column.asExpression) return { kind: 'generated', expression: column.asExpression };
  const expression = defaultExpression({
    default: column.default,
    isArray: column.isArray,
    isEnum: isEnumColumn(column),
    datetimeFunction: behaviour.datetimeFunction,
  });
  if (expression !== undefined) return { kind: 'default', expression };
  if (column.isGenerated && strategy === 'uuid') return { kind: 'default', expression: ctx.uuidGenerator };
  return { kind: 'none' };
}

export function toColumn(column: ColumnMetadata, ctx: TableContext): Column {
  const behaviour = driverBehaviour(column.entityMetadata);
  // Early 0.3 releases write a STORED generated column without NOT NULL and COLLATE.
  const bare = column.generatedType === 'STORED' && !!column.asExpression && !behaviour.storedColumnConstraints;
  const enumType = columnEnumType(column, ctx);
  const dataType = enumType
    ? formatQualified(enumType)
    : canonicalType(
        {
          type: column.type as string,
          length: column.length,
          precision: column.precision,
          scale: column.scale,
          spatialFeatureType: column.spatialFeatureType,
          srid: column.srid,
        },
        ctx.extensionSchema,
      );
  const result: Column = {
    name: column.databaseName,
    dataType,
    arrayDims: column.isArray ? 1 : 0,
    // A primary key column is NOT NULL whatever the entity says.
    nullable: (column.isNullable === true || bare) && !column.isPrimary,
    valueSource: valueSource(column, dataType, ctx, behaviour),
  };
  if (enumType) result.enumType = enumType;
  // TypeORM writes COLLATE "<name>": one identifier, found on the search path (pg_catalog first).
  if (column.collation && !bare) result.collation = formatIdent(column.collation);
  const comment = cleanComment(column.comment);
  if (comment !== undefined) result.comment = comment;
  return result;
}
