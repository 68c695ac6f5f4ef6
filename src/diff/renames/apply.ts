/**
 * A model as it will be once a rename has run: the diff compares this with the desired model, so
 * what is left after a rename (a type change, a new constraint name) is planned on top of it. Each
 * function rewrites every reference Postgres would carry along by itself.
 */
import type { Column, ForeignKey, Index, QualifiedName, Schema, Table } from '../../schema/model';
import { formatQualified, quoteLiteral } from '../../sql/quote';
import { renameEnumLiteral, renameIdentifier, renameQualified } from '../expressions';

const same = (a: QualifiedName, b: QualifiedName): boolean => a.schema === b.schema && a.name === b.name;

/** Every expression of a table (defaults, generated columns, CHECKs, index expressions and predicates, exclusions). */
function mapExpressions(t: Table, f: (expr: string) => string): Table {
  const column = (c: Column): Column =>
    c.valueSource.kind === 'default' || c.valueSource.kind === 'generated'
      ? { ...c, valueSource: { ...c.valueSource, expression: f(c.valueSource.expression) } }
      : c;
  const index = (i: Index): Index => ({
    ...i,
    elements: i.elements.map((e) => (e.kind === 'expression' ? { ...e, value: f(e.value) } : e)),
    ...(i.where !== undefined ? { where: f(i.where) } : {}),
  });
  return {
    ...t,
    columns: t.columns.map(column),
    checks: t.checks.map((c) => ({ ...c, expression: f(c.expression) })),
    exclusions: t.exclusions.map((x) => ({ ...x, definition: f(x.definition) })),
    indexes: t.indexes.map(index),
  };
}

export function applyTypeRename(schema: Schema, typeSchema: string, from: string, to: string): Schema {
  const old = { schema: typeSchema, name: from };
  const next = { schema: typeSchema, name: to };
  const oldText = formatQualified(old);
  const nextText = formatQualified(next);
  const column = (c: Column): Column =>
    c.enumType && same(c.enumType, old) ? { ...c, enumType: next, dataType: nextText } : c;
  return {
    ...schema,
    enums: schema.enums.map((e) => (same(e, old) ? { ...e, name: to } : e)),
    domains: schema.domains.map((d) => (d.dataType === oldText ? { ...d, dataType: nextText } : d)),
    tables: schema.tables.map((t) =>
      mapExpressions({ ...t, columns: t.columns.map(column) }, (e) => renameQualified(e, oldText, nextText)),
    ),
  };
}

export function applyEnumValueRename(schema: Schema, type: QualifiedName, from: string, to: string): Schema {
  const typeText = formatQualified(type);
  const literal = (e: string) => renameEnumLiteral(e, typeText, quoteLiteral(from), quoteLiteral(to));
  return {
    ...schema,
    enums: schema.enums.map((e) => (same(e, type) ? { ...e, values: e.values.map((v) => (v === from ? to : v)) } : e)),
    tables: schema.tables.map((t) => mapExpressions(t, literal)),
  };
}

export function applyTableRename(schema: Schema, tableSchema: string, from: string, to: string): Schema {
  const old = { schema: tableSchema, name: from };
  const fk = (f: ForeignKey): ForeignKey => (same(f.references, old) ? { ...f, references: { ...f.references, name: to } } : f);
  return {
    ...schema,
    tables: schema.tables.map((t) => ({ ...(same(t, old) ? { ...t, name: to } : t), foreignKeys: t.foreignKeys.map(fk) })),
    sequences: schema.sequences.map((s) =>
      s.ownedBy && same(s.ownedBy.table, old) ? { ...s, ownedBy: { ...s.ownedBy, table: { schema: tableSchema, name: to } } } : s,
    ),
  };
}

export function applyColumnRename(schema: Schema, table: QualifiedName, from: string, to: string): Schema {
  const rename = (names: string[]): string[] => names.map((n) => (n === from ? to : n));
  const renameIn = (t: Table): Table => {
    const renamed: Table = {
      ...t,
      columns: t.columns.map((c) => (c.name === from ? { ...c, name: to } : c)),
      ...(t.primaryKey ? { primaryKey: { ...t.primaryKey, columns: rename(t.primaryKey.columns) } } : {}),
      foreignKeys: t.foreignKeys.map((f) => ({ ...f, columns: rename(f.columns) })),
      uniques: t.uniques.map((u) => ({ ...u, columns: rename(u.columns) })),
      indexes: t.indexes.map((i) => ({
        ...i,
        elements: i.elements.map((e) => (e.kind === 'column' && e.value === from ? { ...e, value: to } : e)),
        include: rename(i.include),
      })),
    };
    return mapExpressions(renamed, (e) => renameIdentifier(e, from, to));
  };
  const referencing = (f: ForeignKey): ForeignKey =>
    same(f.references, table) ? { ...f, references: { ...f.references, columns: rename(f.references.columns) } } : f;
  return {
    ...schema,
    tables: schema.tables.map((t) => {
      const own = same(t, table) ? renameIn(t) : t;
      return { ...own, foreignKeys: own.foreignKeys.map(referencing) };
    }),
    sequences: schema.sequences.map((s) =>
      s.ownedBy && same(s.ownedBy.table, table) && s.ownedBy.column === from ? { ...s, ownedBy: { ...s.ownedBy, column: to } } : s,
    ),
  };
}
