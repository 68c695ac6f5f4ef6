/** User-defined types the model holds: enums and domains. */
import type { Domain, EnumType } from '../../schema/model';
import type { DomainRow, EnumRow } from '../rows';
import { arrayDims, byName, catalogObjectName, elementType } from './common';
import { toCheck } from './constraints';

export function toEnum(row: EnumRow): EnumType {
  const type: EnumType = { schema: row.schema, name: row.name, values: row.values };
  if (row.comment !== null) type.comment = row.comment;
  return type;
}

export function toDomain(row: DomainRow): Domain {
  const domain: Domain = {
    schema: row.schema,
    name: row.name,
    dataType: elementType(row.data_type),
    arrayDims: arrayDims(row.is_array),
    notNull: row.not_null,
    checks: (row.checks ?? []).map((c) => toCheck(c)).sort(byName),
  };
  if (row.default_expr !== null) domain.default = row.default_expr;
  if (row.collation !== null) domain.collation = catalogObjectName(row.collation_schema, row.collation);
  if (row.comment !== null) domain.comment = row.comment;
  return domain;
}
