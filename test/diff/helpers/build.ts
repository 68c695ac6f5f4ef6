/** Terse builders for hand-written schema models in tests. */
import type {
  Column,
  ColumnValueSource,
  Index,
  IndexElement,
  QualifiedName,
  Schema,
  SequenceOptions,
  Table,
} from '../../../src/schema/model';
import { emptySchema } from '../../../src/schema/model';

export const column = (name: string, dataType: string, parts: Partial<Column> = {}): Column => ({
  name,
  dataType,
  arrayDims: 0,
  nullable: true,
  valueSource: { kind: 'none' },
  ...parts,
});

export const table = (schema: string, name: string, parts: Partial<Table> = {}): Table => ({
  schema,
  name,
  columns: [],
  foreignKeys: [],
  uniques: [],
  checks: [],
  exclusions: [],
  indexes: [],
  ...parts,
});

export const schema = (parts: Partial<Schema> = {}): Schema => ({ ...emptySchema(['public']), ...parts });

export const defaultOf = (expression: string): ColumnValueSource => ({ kind: 'default', expression });

export const sequenceOptions = (dataType: string, parts: Partial<SequenceOptions> = {}): SequenceOptions => {
  const max =
    { smallint: '32767', integer: '2147483647', bigint: '9223372036854775807' }[dataType] ?? '9223372036854775807';
  return { dataType, start: '1', increment: '1', min: '1', max, cache: '1', cycle: false, ...parts };
};

export const identity = (
  seq: QualifiedName,
  dataType: string,
  generation: 'ALWAYS' | 'BY DEFAULT' = 'BY DEFAULT',
  options: Partial<SequenceOptions> = {},
): ColumnValueSource => ({ kind: 'identity', generation, sequence: { ...seq, ...sequenceOptions(dataType, options) } });

export const col = (value: string, parts: Partial<IndexElement> = {}): IndexElement => ({
  kind: 'column',
  value,
  descending: false,
  ...parts,
});
export const expr = (value: string, parts: Partial<IndexElement> = {}): IndexElement => ({
  kind: 'expression',
  value,
  descending: false,
  ...parts,
});

export const index = (name: string, elements: IndexElement[], parts: Partial<Index> = {}): Index => ({
  name,
  unique: false,
  method: 'btree',
  elements,
  include: [],
  nullsNotDistinct: false,
  ...parts,
});
