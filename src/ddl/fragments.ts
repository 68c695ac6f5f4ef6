/**
 * SQL fragments for the objects of the model. Names and literals go through src/sql/quote.ts only;
 * data types, collations, operator classes and expressions are SQL already (see the model header).
 */
import type {
  Check,
  Column,
  Domain,
  EnumType,
  Exclusion,
  ForeignKey,
  Index,
  IndexElement,
  PrimaryKey,
  QualifiedName,
  Sequence,
  UniqueConstraint,
} from '../schema/model';
import type { IdentitySource } from '../diff/changes';
import { quoteIdent, quoteLiteral, quoteQualified } from '../sql/quote';
import { isDefaultSequence, sequenceOptionClauses } from './sequences';

export const alterTable = (table: QualifiedName): string => `ALTER TABLE ${quoteQualified(table)}`;
export const alterColumn = (table: QualifiedName, column: string): string =>
  `${alterTable(table)} ALTER COLUMN ${quoteIdent(column)}`;

const list = (names: string[]): string => names.map(quoteIdent).join(', ');

export const columnType = (c: { dataType: string; arrayDims: number }): string => c.dataType + '[]'.repeat(c.arrayDims);

export const comment = (target: string, text: string | undefined): string =>
  `COMMENT ON ${target} IS ${text === undefined ? 'NULL' : quoteLiteral(text)}`;

export const commentTarget = {
  table: (t: QualifiedName): string => `TABLE ${quoteQualified(t)}`,
  column: (t: QualifiedName, c: string): string => `COLUMN ${quoteQualified(t)}.${quoteIdent(c)}`,
  type: (t: QualifiedName): string => `TYPE ${quoteQualified(t)}`,
  domain: (t: QualifiedName): string => `DOMAIN ${quoteQualified(t)}`,
  sequence: (t: QualifiedName): string => `SEQUENCE ${quoteQualified(t)}`,
};

/** `nextval('"s"."seq"'::regclass)`: a serial column's default. */
export const nextval = (sequence: QualifiedName): string =>
  `nextval(${quoteLiteral(quoteQualified(sequence))}::regclass)`;

const SERIAL_TYPES: Record<string, string> = { smallint: 'smallserial', integer: 'serial', bigint: 'bigserial' };

export function identityClause(table: QualifiedName, column: string, identity: IdentitySource): string {
  const seq = identity.sequence;
  const options = [
    ...(isDefaultSequence(table, column, seq) ? [] : [`SEQUENCE NAME ${quoteQualified(seq)}`]),
    ...sequenceOptionClauses(seq),
  ];
  return `GENERATED ${identity.generation} AS IDENTITY${options.length > 0 ? ` (${options.join(' ')})` : ''}`;
}

/** A column definition, with what must run before and after the statement it is part of. */
export interface ColumnDefinition {
  sql: string;
  before: string[];
  after: string[];
}

/**
 * `serial` only when Postgres would name the sequence as the model does; otherwise the sequence is
 * created, used as the default and attached to the column explicitly, which leaves the same catalog.
 */
export function columnDefinition(table: QualifiedName, column: Column): ColumnDefinition {
  const source = column.valueSource;
  const before: string[] = [];
  const after: string[] = [];
  const serialType = source.kind === 'serial' && column.arrayDims === 0 ? SERIAL_TYPES[column.dataType] : undefined;
  const implicitSerial =
    source.kind === 'serial' && serialType !== undefined && isDefaultSequence(table, column.name, source.sequence);
  const parts = [quoteIdent(column.name), implicitSerial ? serialType! : columnType(column)];
  if (column.collation !== undefined) parts.push(`COLLATE ${column.collation}`);
  switch (source.kind) {
    case 'default':
      parts.push(`DEFAULT ${source.expression}`);
      break;
    case 'generated':
      parts.push(`GENERATED ALWAYS AS (${source.expression}) STORED`);
      break;
    case 'identity':
      parts.push(identityClause(table, column.name, source));
      break;
    case 'serial':
      if (!implicitSerial) {
        before.push(`CREATE SEQUENCE ${quoteQualified(source.sequence)} AS ${column.dataType}`);
        parts.push(`DEFAULT ${nextval(source.sequence)}`);
        after.push(
          `ALTER SEQUENCE ${quoteQualified(source.sequence)} OWNED BY ${quoteQualified(table)}.${quoteIdent(column.name)}`,
        );
      }
      break;
    case 'none':
      break;
  }
  if (!column.nullable) parts.push('NOT NULL');
  if (column.comment !== undefined) after.push(comment(commentTarget.column(table, column.name), column.comment));
  return { sql: parts.join(' '), before, after };
}

const DEFERRABLE_DEFAULT = 'NOT DEFERRABLE';
const deferrable = (d: ForeignKey['deferrable']): string => (d === DEFERRABLE_DEFAULT ? '' : ` ${d}`);

export const primaryKeyClause = (pk: PrimaryKey): string =>
  `CONSTRAINT ${quoteIdent(pk.name)} PRIMARY KEY (${list(pk.columns)})`;

export const uniqueClause = (u: UniqueConstraint): string =>
  `CONSTRAINT ${quoteIdent(u.name)} UNIQUE${u.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${list(u.columns)})${deferrable(u.deferrable)}`;

export const checkClause = (c: Check): string =>
  `CONSTRAINT ${quoteIdent(c.name)} CHECK ${c.expression}${c.noInherit ? ' NO INHERIT' : ''}`;

export const exclusionClause = (e: Exclusion): string => `CONSTRAINT ${quoteIdent(e.name)} EXCLUDE ${e.definition}`;

export function foreignKeyClause(fk: ForeignKey): string {
  const ref = fk.references;
  return [
    `CONSTRAINT ${quoteIdent(fk.name)} FOREIGN KEY (${list(fk.columns)})`,
    ` REFERENCES ${quoteQualified(ref)} (${list(ref.columns)})`,
    fk.match === 'SIMPLE' ? '' : ` MATCH ${fk.match}`,
    fk.onDelete === 'NO ACTION' ? '' : ` ON DELETE ${fk.onDelete}`,
    fk.onUpdate === 'NO ACTION' ? '' : ` ON UPDATE ${fk.onUpdate}`,
    deferrable(fk.deferrable),
  ].join('');
}

function indexElement(e: IndexElement): string {
  // An expression in parentheses is valid whatever its form; pg_get_indexdef leaves some bare.
  const parts = [e.kind === 'column' ? quoteIdent(e.value) : `(${e.value})`];
  if (e.collation !== undefined) parts.push(`COLLATE ${e.collation}`);
  if (e.opclass !== undefined) parts.push(e.opclass);
  if (e.descending) parts.push('DESC');
  if (e.nullsFirst !== undefined) parts.push(e.nullsFirst ? 'NULLS FIRST' : 'NULLS LAST');
  return parts.join(' ');
}

export function createIndex(table: QualifiedName, index: Index, options: { concurrently?: boolean } = {}): string {
  return [
    `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${options.concurrently ? 'CONCURRENTLY ' : ''}${quoteIdent(index.name)} ON ${quoteQualified(table)}`,
    ` USING ${index.method} (${index.elements.map(indexElement).join(', ')})`,
    index.include.length > 0 ? ` INCLUDE (${list(index.include)})` : '',
    index.nullsNotDistinct ? ' NULLS NOT DISTINCT' : '',
    index.where !== undefined ? ` WHERE ${index.where}` : '',
  ].join('');
}

export const createEnum = (e: EnumType): string =>
  `CREATE TYPE ${quoteQualified(e)} AS ENUM (${e.values.map(quoteLiteral).join(', ')})`;

export function createDomain(d: Domain): string[] {
  const parts = [`CREATE DOMAIN ${quoteQualified(d)} AS ${columnType(d)}`];
  if (d.collation !== undefined) parts.push(`COLLATE ${d.collation}`);
  if (d.default !== undefined) parts.push(`DEFAULT ${d.default}`);
  if (d.notNull) parts.push('NOT NULL');
  for (const c of d.checks) parts.push(`CONSTRAINT ${quoteIdent(c.name)} CHECK ${c.expression}`);
  return [parts.join(' '), ...(d.comment !== undefined ? [comment(commentTarget.domain(d), d.comment)] : [])];
}

export function createSequence(s: Sequence): string[] {
  const options = sequenceOptionClauses(s);
  return [
    [`CREATE SEQUENCE ${quoteQualified(s)} AS ${s.dataType}`, ...options].join(' '),
    ...(s.comment !== undefined ? [comment(commentTarget.sequence(s), s.comment)] : []),
  ];
}

/**
 * The ALTER COLUMN actions that retype a column in one statement: a default that may not cast to the
 * new type goes first and comes back after. `using` is the whole ` USING …` clause, or ''.
 */
export function retypeColumnActions(
  column: string,
  type: string,
  options: { using: string; dropDefault: boolean; setDefault?: string },
): string[] {
  const col = `ALTER COLUMN ${quoteIdent(column)}`;
  return [
    ...(options.dropDefault ? [`${col} DROP DEFAULT`] : []),
    `${col} TYPE ${type}${options.using}`,
    ...(options.setDefault !== undefined ? [`${col} SET DEFAULT ${options.setDefault}`] : []),
  ];
}
