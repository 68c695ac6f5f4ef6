/** Free-standing indexes (those not backing a constraint). */
import type { Index, IndexElement } from '../../schema/model';
import type { IndexElementRow, IndexRow } from '../rows';
import { catalogObjectName } from './common';

const DESC = 1;
const NULLS_FIRST = 2;

export function toIndexElement(row: IndexElementRow): IndexElement {
  const option = row.option ?? 0;
  const descending = (option & DESC) !== 0;
  const nullsFirst = (option & NULLS_FIRST) !== 0;
  const element: IndexElement =
    row.column !== null
      ? { kind: 'column', value: row.column, descending }
      : { kind: 'expression', value: row.expression ?? '', descending };
  if (row.collation !== null) element.collation = catalogObjectName(row.collationSchema, row.collation);
  if (row.opclass !== null) element.opclass = catalogObjectName(row.opclassSchema, row.opclass);
  // Postgres's default is NULLS LAST for ASC and NULLS FIRST for DESC; only a departure is recorded.
  if (nullsFirst !== descending) element.nullsFirst = nullsFirst;
  return element;
}

export function toIndex(row: IndexRow): Index {
  const keys = row.elements.slice(0, row.key_count);
  const included = row.elements.slice(row.key_count);
  const index: Index = {
    name: row.name,
    unique: row.unique,
    method: row.method,
    elements: keys.map(toIndexElement),
    include: included.map((e) => {
      if (e.column === null) throw new Error(`index ${row.schema}.${row.name} includes an expression`);
      return e.column;
    }),
    nullsNotDistinct: row.nulls_not_distinct === true,
  };
  if (row.predicate !== null) index.where = row.predicate;
  return index;
}
