/**
 * Item keys name entries of the normalization cache on disk (.ormdiff/normalize-cache.json), so the
 * key written directly for a plain column must be the very text itemKey writes for its item, or every
 * cached spelling would be asked of Postgres again.
 */
import { collectItems, columnItemKey, itemKey, type Item } from '../../src/normalize/items';
import type { Column, Table } from '../../src/schema/model';

const column = (extra: Partial<Column>): Column => ({ name: 'c', dataType: 'integer', arrayDims: 0, nullable: true, valueSource: { kind: 'none' }, ...extra });

const COLUMNS: Column[] = [
  column({}),
  column({ dataType: 'character varying(120)', arrayDims: 2, valueSource: { kind: 'default', expression: "''" } }),
  column({ dataType: 'text', collation: 'C', valueSource: { kind: 'default', expression: `'it''s "quoted" \\ ✓'` } }),
  column({ dataType: 'public."Mood"', enumType: { schema: 'public', name: 'Mood' }, valueSource: { kind: 'default', expression: "'happy'" } }),
  column({ dataType: 'uuid', nullable: false, comment: 'not part of the key', valueSource: { kind: 'default', expression: 'uuid_generate_v4()' } }),
];

const table = (columns: Column[]): Table => ({ schema: 'public', name: 't', columns, foreignKeys: [], uniques: [], checks: [], exclusions: [], indexes: [] });

test.each(COLUMNS.map((c) => [c]))('columnItemKey(%j) is itemKey of its item', (c) => {
  const expression = c.valueSource.kind === 'default' ? c.valueSource.expression : undefined;
  const item: Item = {
    kind: 'column',
    column: {
      dataType: c.dataType,
      arrayDims: c.arrayDims,
      ...(c.collation !== undefined ? { collation: c.collation } : {}),
      ...(c.enumType !== undefined ? { enumType: c.enumType } : {}),
    },
    ...(expression !== undefined ? { expression } : {}),
  };
  expect(columnItemKey(c, expression)).toBe(itemKey(item));
});

test('collectItems keeps one item per distinct column shape, under its itemKey', () => {
  const items = new Map<string, Item>();
  const found = collectItems(table([...COLUMNS, { ...COLUMNS[1], name: 'twin' }]), items);
  expect(items.size).toBe(COLUMNS.length);
  for (const [key, item] of items) expect(itemKey(item)).toBe(key);
  expect(found.columns[COLUMNS.length].key).toBe(found.columns[1].key);
});
