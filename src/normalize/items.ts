/**
 * What Postgres has to spell for a table, broken into items that do not depend on the table they come
 * from, so that each distinct one is spelled once however many tables share it (a thousand entities
 * with `default: 0` on an int column are one item):
 * - a column: its type (and default), which Postgres prints without looking at the rest of the table
 *   (a default may not reference columns);
 * - a generated column, CHECK, exclusion or index: text that references columns, spelled against just
 *   the columns whose names it mentions (their types decide the casts Postgres adds).
 * Each item has a key: the same key means the same text Postgres prints, given the server.
 */
import { type Column, type ColumnValueSource, type Index, type IndexElement, jsonString, type Table } from '../schema/model';

/** A column as it affects how Postgres prints types and expressions: no name, comment or key role. */
type ColumnShape = Pick<Column, 'dataType' | 'arrayDims' | 'collation' | 'enumType'>;

export type Item =
  | { kind: 'column'; column: ColumnShape; expression?: string }
  | { kind: 'generated'; column: ColumnShape; expression: string; context: Column[] }
  | { kind: 'check'; expression: string; noInherit: boolean; context: Column[] }
  | { kind: 'exclusion'; definition: string; context: Column[] }
  | { kind: 'index'; index: Omit<Index, 'name'>; context: Column[] };

/** What Postgres printed for an item, ready to be put back on any table that has it. */
export type Printed =
  /** `valueSource` as read back: a `DEFAULT NULL` is no default at all. */
  | { kind: 'column'; dataType: string; arrayDims: number; valueSource: ColumnValueSource }
  | { kind: 'check'; expression: string }
  | { kind: 'exclusion'; definition: string }
  | { kind: 'index'; elements: IndexElement[]; where?: string };

const shapeOf = (c: Column): ColumnShape => ({
  dataType: c.dataType,
  arrayDims: c.arrayDims,
  ...(c.collation !== undefined ? { collation: c.collation } : {}),
  ...(c.enumType !== undefined ? { enumType: c.enumType } : {}),
});

/** The column as the scratch table declares it: only what changes how referencing text prints. */
const contextColumn = (c: Column): Column => ({ name: c.name, ...shapeOf(c), nullable: true, valueSource: { kind: 'none' } });

/**
 * The columns `text` may reference: those whose name occurs in it, ignoring case (an unquoted name is
 * folded, a quoted one kept). Taking too many only makes the scratch table wider; a column missed would
 * make Postgres reject the text, so the test errs on the side of inclusion.
 */
function referenced(table: Table, texts: string[], names: string[] = []): Column[] {
  const haystack = texts.join('\n').toLowerCase();
  const named = new Set(names);
  return table.columns
    .filter((c) => named.has(c.name) || haystack.includes(c.name.toLowerCase()))
    .map(contextColumn)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The key of an item: same key, same printed text on the same server. */
export const itemKey = (item: Item): string => JSON.stringify(item);

/** `,"name":value` as JSON.stringify writes an object member, nothing for an undefined one. */
const member = (name: string, value: unknown): string => {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? jsonString(value) : typeof value === 'number' && Number.isFinite(value) ? String(value) : JSON.stringify(value);
  return `,"${name}":${text}`;
};

/**
 * itemKey of a plain column's item, written without making the item: there is one per column of every
 * pending table, and most are items seen already (a thousand tables share a few dozen column shapes).
 */
export function columnItemKey(column: Column, expression: string | undefined): string {
  const shape =
    `{"dataType":${jsonString(column.dataType)}${member('arrayDims', column.arrayDims)}` +
    `${member('collation', column.collation)}${member('enumType', column.enumType)}}`;
  return `{"kind":"column","column":${shape}${member('expression', expression)}}`;
}

/** Where each item of a table goes back: by position among columns, checks, exclusions, indexes. */
export interface TableItems {
  columns: { name: string; key: string }[];
  checks: string[];
  exclusions: string[];
  indexes: string[];
}

/** The items a table needs spelled, added to `items` by key (each distinct one kept once). */
export function collectItems(table: Table, items: Map<string, Item>): TableItems {
  const add = (item: Item): string => {
    const key = itemKey(item);
    if (!items.has(key)) items.set(key, item);
    return key;
  };
  const columns = table.columns.map((column) => {
    const source = column.valueSource;
    if (source.kind === 'generated') {
      const item: Item = { kind: 'generated', column: shapeOf(column), expression: source.expression, context: referenced(table, [source.expression]) };
      return { name: column.name, key: add(item) };
    }
    const expression = source.kind === 'default' ? source.expression : undefined;
    const key = columnItemKey(column, expression);
    if (!items.has(key)) items.set(key, { kind: 'column', column: shapeOf(column), ...(expression !== undefined ? { expression } : {}) });
    return { name: column.name, key };
  });
  const checks = table.checks.map((check) =>
    add({ kind: 'check', expression: check.expression, noInherit: check.noInherit ?? false, context: referenced(table, [check.expression]) }),
  );
  const exclusions = table.exclusions.map((x) =>
    add({ kind: 'exclusion', definition: x.definition, context: referenced(table, [x.definition]) }),
  );
  const indexes = table.indexes.map(({ name: _name, ...index }) => {
    const texts = [...index.elements.filter((e) => e.kind === 'expression').map((e) => e.value), ...(index.where !== undefined ? [index.where] : [])];
    const names = [...index.elements.filter((e) => e.kind === 'column').map((e) => e.value), ...index.include];
    return add({ kind: 'index', index, context: referenced(table, texts, names) });
  });
  return { columns, checks, exclusions, indexes };
}

/** The table with every item replaced by what Postgres printed for it (as the old per-table read-back did). */
export function applyPrinted(table: Table, items: TableItems, printed: ReadonlyMap<string, Printed>): Table {
  const get = <K extends Printed['kind']>(key: string, kind: K): Extract<Printed, { kind: K }> => {
    const p = printed.get(key);
    if (!p || p.kind !== kind) throw new Error(`internal: no ${kind} printed for ${key}`);
    return p as Extract<Printed, { kind: K }>;
  };
  return {
    ...table,
    columns: table.columns.map((column, i) => {
      const back = get(items.columns[i].key, 'column');
      const source = column.valueSource;
      const valueSource = source.kind === 'default' || source.kind === 'generated' ? back.valueSource : source;
      // Models are never changed in place, so a column Postgres spells as it is stays the same object.
      if (valueSource === source && back.dataType === column.dataType && back.arrayDims === column.arrayDims) return column;
      return { ...column, dataType: back.dataType, arrayDims: back.arrayDims, valueSource };
    }),
    checks: table.checks.map((check, i) => ({ ...check, expression: get(items.checks[i], 'check').expression })),
    exclusions: table.exclusions.map((x, i) => ({ ...x, definition: get(items.exclusions[i], 'exclusion').definition })),
    indexes: table.indexes.map((index, i) => {
      const back = get(items.indexes[i], 'index');
      return { ...index, elements: back.elements, where: back.where };
    }),
  };
}
