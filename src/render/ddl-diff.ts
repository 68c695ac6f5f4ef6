/**
 * A table's whole DDL, and its unified diff between two models: reviewers read "what the table looks like
 * after" more easily than a list of ALTERs. The DDL is what the plan would run to create the table from
 * nothing (renderChange), so there is one DDL renderer in the code base, not two.
 */
import type * as Diff from 'diff';
import type { Change } from '../diff/changes';
import { changeTable } from '../diff/describe';
import { qualifiedKey, qualifiedText, type QualifiedName, type Schema, type Table } from '../schema/model';
import { renderChange } from '../ddl/sql';

export interface TableDdlDiff {
  table: QualifiedName;
  /** The DDL before; empty when the table is new. */
  before: string;
  /** The DDL after; empty when the table is dropped. */
  after: string;
  /** Unified diff (`--- a/schema.table.sql`, `/dev/null` for a missing side). */
  patch: string;
}

/** CREATE TABLE with its sequences, indexes and comments, then its foreign keys: each statement ends with `;`. */
export function tableDdl(table: Table): string {
  const name = { schema: table.schema, name: table.name };
  const statements = [
    ...renderChange({ kind: 'createTable', table }),
    ...table.foreignKeys.flatMap((foreignKey) => renderChange({ kind: 'addForeignKey', table: name, foreignKey })),
  ];
  return statements.map((s) => `${s};\n`).join('');
}

const findTable = (schema: Schema, name: QualifiedName): Table | undefined =>
  schema.tables.find((t) => t.schema === name.schema && t.name === name.name);

/** The tables the changes touch, in the order of their first change. */
export function changedTables(changes: Change[]): QualifiedName[] {
  const seen = new Map<string, QualifiedName>();
  for (const change of changes) {
    const table = changeTable(change);
    if (table && !seen.has(qualifiedKey(table))) seen.set(qualifiedKey(table), { schema: table.schema, name: table.name });
  }
  return [...seen.values()];
}

export function tableDdlDiff(table: QualifiedName, before: Schema, after: Schema): TableDdlDiff | undefined {
  const from = findTable(before, table);
  const to = findTable(after, table);
  const beforeDdl = from ? tableDdl(from) : '';
  const afterDdl = to ? tableDdl(to) : '';
  // A change the DDL cannot show (none today, but a model field the renderer ignores would be one) has no diff.
  if (beforeDdl === afterDdl) return undefined;
  const file = `${qualifiedText(table)}.sql`;
  // Required when a patch is made: no other command loads the diff library.
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = require('diff') as typeof Diff;
  const patch = createTwoFilesPatch(from ? `a/${file}` : '/dev/null', to ? `b/${file}` : '/dev/null', beforeDdl, afterDdl, undefined, undefined, {
    headerOptions: FILE_HEADERS_ONLY,
  });
  return { table, before: beforeDdl, after: afterDdl, patch };
}

/** One diff per table the changes touch. */
export function tableDdlDiffs(changes: Change[], before: Schema, after: Schema): TableDdlDiff[] {
  return changedTables(changes).flatMap((t) => tableDdlDiff(t, before, after) ?? []);
}
