/** The entity model's tables cut to the identifiers the catalog will hold (see identifiers.ts). */
import { qualifiedKey } from '../schema/model';
import type { Column, EnumType, QualifiedName, Table } from '../schema/model';
import { formatQualified } from '../sql/quote';
import { Namespace, type Namespaces, truncateIdentifier, truncateQualified } from './identifiers';
import { sequenceName } from './naming';

/**
 * The table as the catalog will hold it: every identifier cut, the serial and identity sequences
 * named from the cut names (Postgres names them after parsing), enum columns spelled with the cut type
 * name. Reports two columns, or two constraints, of the table that become one name; `owner` names the
 * entity in that message. Index names share a namespace with tables (per schema), checked by the caller.
 */
export function truncateTable(table: Table, owner: string): Table {
  const columns = new Namespace(`${owner}: columns`);
  const constraints = new Namespace(`${owner}: constraints`);
  const name = truncateIdentifier(table.name);
  const schema = truncateIdentifier(table.schema);
  const col = (c: string): string => truncateIdentifier(c);

  const truncated: Table = {
    ...table,
    schema,
    name,
    columns: table.columns.map((c) => truncateColumn(c, columns.claim(c.name), { schema, name })),
    foreignKeys: table.foreignKeys.map((fk) => ({
      ...fk,
      name: constraints.claim(fk.name),
      columns: fk.columns.map(col),
      references: { ...truncateQualified(fk.references), columns: fk.references.columns.map(col) },
    })),
    uniques: table.uniques.map((u) => ({ ...u, name: constraints.claim(u.name), columns: u.columns.map(col) })),
    checks: table.checks.map((c) => ({ ...c, name: constraints.claim(c.name) })),
    exclusions: table.exclusions.map((e) => ({ ...e, name: constraints.claim(e.name) })),
    indexes: table.indexes.map((i) => ({
      ...i,
      name: truncateIdentifier(i.name),
      elements: i.elements.map((e) => (e.kind === 'column' ? { ...e, value: col(e.value) } : e)),
      include: i.include.map(col),
    })),
  };
  if (table.primaryKey) truncated.primaryKey = { name: constraints.claim(table.primaryKey.name), columns: table.primaryKey.columns.map(col) };
  return truncated;
}

function truncateColumn(column: Column, name: string, table: QualifiedName): Column {
  const result: Column = { ...column, name };
  if (column.enumType) {
    result.enumType = truncateQualified(column.enumType);
    result.dataType = formatQualified(result.enumType);
  }
  const source = column.valueSource;
  if (source.kind === 'serial' || source.kind === 'identity') {
    const sequence = { schema: table.schema, name: sequenceName(table.name, name) };
    result.valueSource = source.kind === 'serial' ? { kind: 'serial', sequence } : { ...source, sequence: { ...source.sequence, ...sequence } };
  }
  return result;
}

/** Enum types under their cut names; the first type created under a name is the one that exists. */
export function truncateEnums(enums: EnumType[], types: Namespaces): EnumType[] {
  const found = new Map<string, EnumType>();
  for (const type of enums) {
    const cut = truncateQualified(type);
    types.of(cut.schema).claim(type.name, 'enum type');
    if (!found.has(qualifiedKey(cut))) found.set(qualifiedKey(cut), cut);
  }
  return [...found.values()];
}

