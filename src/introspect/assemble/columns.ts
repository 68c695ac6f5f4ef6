/** Columns: type, nullability, collation, comment, and where the value comes from. */
import type { Column, ColumnValueSource } from '../../schema/model';
import type { ColumnRow, SequenceRow } from '../rows';
import { arrayDims, catalogObjectName, elementType } from './common';
import { type OwnedSequences, sequenceOptions } from './sequences';

/** The default a serial column gets: `nextval('<seq>'::regclass)`, the literal quoted as ruleutils does. */
export function serialDefault(sequenceRegclass: string): string {
  return `nextval('${sequenceRegclass.replace(/'/g, "''")}'::regclass)`;
}

/**
 * The one value source of a column. A default counts as serial only when it is exactly the nextval()
 * of a sequence OWNED BY this very column; any other nextval() default stays a plain default.
 * Returns the serial sequence too, so the caller can leave it out of the free-standing sequences.
 */
export function valueSource(
  row: ColumnRow,
  owned: OwnedSequences,
): { source: ColumnValueSource; serial?: SequenceRow } {
  if (row.identity === 'a' || row.identity === 'd') {
    const seq = owned.identity(row.schema, row.table, row.name);
    if (!seq)
      throw new Error(`identity column ${row.schema}.${row.table}.${row.name} has no identity sequence in the catalog`);
    return {
      source: {
        kind: 'identity',
        generation: row.identity === 'a' ? 'ALWAYS' : 'BY DEFAULT',
        sequence: { schema: seq.schema, name: seq.name, ...sequenceOptions(seq) },
      },
    };
  }
  if (row.generated !== '' && row.default_expr !== null) {
    return { source: { kind: 'generated', expression: row.default_expr } };
  }
  if (row.default_expr === null) return { source: { kind: 'none' } };
  const serial = owned
    .ownedBy(row.schema, row.table, row.name)
    .find((s) => row.default_expr === serialDefault(s.regclass));
  if (serial) return { source: { kind: 'serial', sequence: { schema: serial.schema, name: serial.name } }, serial };
  return { source: { kind: 'default', expression: row.default_expr } };
}

export function toColumn(row: ColumnRow, source: ColumnValueSource): Column {
  const column: Column = {
    name: row.name,
    dataType: elementType(row.data_type),
    arrayDims: arrayDims(row.is_array),
    nullable: !row.not_null,
    valueSource: source,
  };
  if (row.enum_schema !== null && row.enum_name !== null)
    column.enumType = { schema: row.enum_schema, name: row.enum_name };
  if (row.collation !== null) column.collation = catalogObjectName(row.collation_schema, row.collation);
  if (row.comment !== null) column.comment = row.comment;
  return column;
}
