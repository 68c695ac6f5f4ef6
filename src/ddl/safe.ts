/**
 * The safer forms of changes: online variants that avoid long strong locks on tables that hold rows,
 * the backfill and temporary defaults that let NOT NULL go in, enum value mappings, and the
 * expand/contract template for a type change no cast can do. Which form a change takes is the
 * planner's decision, carried on the change (`online`, `temporaryDefault`, `form`, …): this renders it.
 * Each returns `undefined` when the plain rendering applies.
 */
import { createHash } from 'node:crypto';
import type { Change, ChangeOf } from '../diff/changes';
import type { QualifiedName } from '../schema/model';
import { quoteIdent, quoteQualified } from '../sql/quote';
import {
  alterColumn,
  alterTable,
  checkClause,
  columnDefinition,
  columnType,
  createIndex,
  foreignKeyClause,
  retypeColumnActions,
} from './fragments';

export interface RenderedStatement {
  sql: string;
  /** A line for the reader, rendered as a comment above the statement. */
  note?: string;
  /**
   * False for statements Postgres refuses in a transaction block (CONCURRENTLY), and for VALIDATE
   * CONSTRAINT, which only spares the table its strong lock when it commits apart from the ADD.
   */
  transactional: boolean;
}

const plain = (sql: string, note?: string): RenderedStatement => ({ sql, transactional: true, ...(note ? { note } : {}) });
const apart = (sql: string, note?: string): RenderedStatement => ({ sql, transactional: false, ...(note ? { note } : {}) });

/** Identifiers are cut at 63 bytes by Postgres; names made here are cut the same way, on a character boundary. */
function clip(name: string): string {
  let out = '';
  for (const ch of name) {
    if (Buffer.byteLength(out + ch) > 63) break;
    out += ch;
  }
  return out;
}

const hash = (...parts: string[]): string => createHash('sha1').update(JSON.stringify(parts)).digest('hex').slice(0, 10);

/** The temporary CHECK that carries NOT NULL in online mode; short and stable for a given column. */
export const notNullCheckName = (table: QualifiedName, column: string): string =>
  `ormdiff_nn_${hash(table.schema, table.name, column)}`;

/** The column an expand/contract template builds next to the one it converts. */
export const expandColumnName = (column: string): string => clip(`${column}_ormdiff_new`);

/** The call a template leaves where the hand-written conversion goes; it fails until replaced. */
export const CONVERSION_PLACEHOLDER = 'ormdiff_write_conversion';

function setNotNull(c: ChangeOf<'setNotNull'>): RenderedStatement[] | undefined {
  if (c.backfill === undefined && !c.online) return undefined;
  const col = quoteIdent(c.column);
  const backfill =
    c.backfill !== undefined
      ? [
          plain(
            `UPDATE ${quoteQualified(c.table)} SET ${col} = ${c.backfill} WHERE ${col} IS NULL`,
            `rows with NULL in ${c.column} take its default first, so NOT NULL can hold`,
          ),
        ]
      : [];
  if (!c.online) return [...backfill, plain(`${alterColumn(c.table, c.column)} SET NOT NULL`)];
  const check = quoteIdent(notNullCheckName(c.table, c.column));
  return [
    ...backfill,
    plain(
      `${alterTable(c.table)} ADD CONSTRAINT ${check} CHECK (${col} IS NOT NULL) NOT VALID`,
      'online: NOT NULL through a CHECK validated without blocking writes',
    ),
    apart(`${alterTable(c.table)} VALIDATE CONSTRAINT ${check}`),
    plain(`${alterColumn(c.table, c.column)} SET NOT NULL`, 'Postgres uses the validated CHECK and skips the scan'),
    plain(`${alterTable(c.table)} DROP CONSTRAINT ${check}`),
  ];
}

function addColumn(c: ChangeOf<'addColumn'>): RenderedStatement[] | undefined {
  if (c.temporaryDefault === undefined) return undefined;
  const def = columnDefinition(c.table, { ...c.column, valueSource: { kind: 'default', expression: c.temporaryDefault } });
  return [
    ...def.before.map((sql) => plain(sql)),
    plain(
      `${alterTable(c.table)} ADD COLUMN ${def.sql}`,
      `existing rows get ${c.temporaryDefault} in ${c.column}; the default is dropped again below`,
    ),
    ...def.after.map((sql) => plain(sql)),
    plain(`${alterColumn(c.table, c.column.name)} DROP DEFAULT`),
  ];
}

/**
 * No cast exists, so the template converts through a second column: expand (add it), backfill
 * (the hand-written conversion, which may use any SQL, joins included), swap (the column takes the
 * backfilled values in place, keeping its position, indexes and constraints), contract.
 */
function expandContract(c: ChangeOf<'alterColumnType'>): RenderedStatement[] {
  const { table, from, to } = c;
  const tmp = expandColumnName(to.name);
  const swap = retypeColumnActions(to.name, `${columnType(to)}${to.collation !== undefined ? ` COLLATE ${to.collation}` : ''}`, {
    using: ` USING ${quoteIdent(tmp)}`,
    dropDefault: from.valueSource.kind === 'default',
    setDefault: to.valueSource.kind === 'default' ? to.valueSource.expression : undefined,
  });
  const types = `${columnType(from)} → ${columnType(to)}`;
  return [
    plain(`${alterTable(table)} ADD COLUMN ${quoteIdent(tmp)} ${columnType(to)}`, `ORMDIFF TEMPLATE TC204 expand: no cast for ${types}`),
    plain(
      `UPDATE ${quoteQualified(table)} SET ${quoteIdent(tmp)} = ${CONVERSION_PLACEHOLDER}(${quoteIdent(from.name)})`,
      `ORMDIFF TEMPLATE TC204 backfill: replace ${CONVERSION_PLACEHOLDER}(…) with the conversion of ${from.name} (${types}); it fails until you do`,
    ),
    plain(`${alterTable(table)} ${swap.join(', ')}`, 'ORMDIFF TEMPLATE TC204 swap: the column takes the backfilled values'),
    plain(`${alterTable(table)} DROP COLUMN ${quoteIdent(tmp)}`, 'ORMDIFF TEMPLATE TC204 contract'),
  ];
}

function onlineConstraint(c: Change): RenderedStatement[] | undefined {
  switch (c.kind) {
    case 'addForeignKey':
      return [
        plain(`${alterTable(c.table)} ADD ${foreignKeyClause(c.foreignKey)} NOT VALID`, 'online: checked later without blocking writes'),
        apart(`${alterTable(c.table)} VALIDATE CONSTRAINT ${quoteIdent(c.foreignKey.name)}`),
      ];
    case 'addCheck':
      return [
        plain(`${alterTable(c.table)} ADD ${checkClause(c.check)} NOT VALID`, 'online: checked later without blocking writes'),
        apart(`${alterTable(c.table)} VALIDATE CONSTRAINT ${quoteIdent(c.check.name)}`),
      ];
    case 'addUnique': {
      const u = c.unique;
      const index = createIndex(
        c.table,
        { name: u.name, unique: true, method: 'btree', elements: u.columns.map((value) => ({ kind: 'column', value, descending: false })), include: [], nullsNotDistinct: u.nullsNotDistinct },
        { concurrently: true },
      );
      const deferrable = u.deferrable === 'NOT DEFERRABLE' ? '' : ` ${u.deferrable}`;
      return [
        apart(index, 'online: the index is built without blocking writes, then becomes the constraint'),
        plain(`${alterTable(c.table)} ADD CONSTRAINT ${quoteIdent(u.name)} UNIQUE USING INDEX ${quoteIdent(u.name)}${deferrable}`),
      ];
    }
    case 'addPrimaryKey': {
      const pk = c.primaryKey;
      const index = createIndex(
        c.table,
        { name: pk.name, unique: true, method: 'btree', elements: pk.columns.map((value) => ({ kind: 'column', value, descending: false })), include: [], nullsNotDistinct: false },
        { concurrently: true },
      );
      return [
        apart(index, 'online: the index is built without blocking writes, then becomes the primary key'),
        plain(`${alterTable(c.table)} ADD CONSTRAINT ${quoteIdent(pk.name)} PRIMARY KEY USING INDEX ${quoteIdent(pk.name)}`),
      ];
    }
    case 'createIndex':
      return [apart(createIndex(c.table, c.index, { concurrently: true }), 'online: built without blocking writes')];
    case 'dropIndex':
      return [apart(`DROP INDEX CONCURRENTLY ${quoteQualified({ schema: c.table.schema, name: c.index.name })}`)];
    default:
      return undefined;
  }
}

/** The safer rendering of `change`, or undefined when its plain statements are what runs. */
export function saferStatements(change: Change): RenderedStatement[] | undefined {
  switch (change.kind) {
    case 'setNotNull':
      return setNotNull(change);
    case 'addColumn':
      return addColumn(change);
    case 'alterColumnType':
      // The planner decided the form (src/plan/safety.ts typeChangeForm); this renders what it says.
      return change.form === 'expand-contract' ? expandContract(change) : undefined;
    case 'addForeignKey':
    case 'addCheck':
    case 'addUnique':
    case 'addPrimaryKey':
    case 'createIndex':
    case 'dropIndex':
      return change.online ? onlineConstraint(change) : undefined;
    default:
      return undefined;
  }
}
