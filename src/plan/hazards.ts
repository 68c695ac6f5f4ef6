/**
 * Hazard checks: small independent passes over the ordered `up` changes, each with a stable code,
 * a one-line message naming the object, and help on how to do it safely.
 */
import type { Change, ChangeOf } from '../diff/changes';
import { changeObject, columnTypeText } from '../diff/describe';
import { isNarrowing } from '../diff/narrowing';
import type { Column, Table } from '../schema/model';
import { formatQualified } from '../sql/quote';

export interface Warning {
  code: string;
  severity: 'info' | 'warning' | 'error';
  message: string;
  object: string;
  help: string;
  /** The change the warning is about (the same object as in Plan.changes and Statement.change). */
  change: Change;
}

type Pass = (changes: Change[]) => Warning[];

const warn = (change: Change, w: Omit<Warning, 'change' | 'object'>): Warning => ({
  ...w,
  object: changeObject(change),
  change,
});

const dropTable: Pass = (changes) =>
  changes.flatMap((c) =>
    c.kind === 'dropTable'
      ? [
          warn(c, {
            code: 'DS101',
            severity: 'warning',
            message: `drop table ${changeObject(c)} (every row in it is deleted)`,
            help: 'Back the data up or move it first, and deploy code that no longer uses the table; to keep the table, leave it out of the managed set instead.',
          }),
        ]
      : [],
  );

const dropColumn: Pass = (changes) =>
  changes.flatMap((c) => {
    if (c.kind === 'dropColumn') {
      return [
        warn(c, {
          code: 'DS102',
          severity: 'warning',
          message: `drop column ${changeObject(c)} (its values are deleted)`,
          help: 'Deploy code that no longer reads or writes the column first, and copy the values elsewhere if they are still needed.',
        }),
      ];
    }
    if (
      c.kind === 'alterColumnValueSource' &&
      c.to.valueSource.kind === 'generated' &&
      c.from.valueSource.kind !== 'generated'
    ) {
      return [
        warn(c, {
          code: 'DS102',
          severity: 'warning',
          message: `drop column ${changeObject(c)} to re-add it as a generated column (its stored values are replaced)`,
          help: 'Postgres cannot turn an existing column into a generated one; indexes and constraints on the column go with it and must be recreated.',
        }),
      ];
    }
    return [];
  });

const enumValueRemoval: Pass = (changes) =>
  changes.flatMap((c) => {
    if (c.kind !== 'recreateEnum') return [];
    const removed = c.from.values.filter((v) => !c.to.values.includes(v));
    const uses = c.columns.map((u) => `${u.table.schema}.${u.table.name}.${u.column}`).join(', ') || 'no columns';
    return [
      warn(c, {
        code: 'DS103',
        severity: removed.length > 0 ? 'warning' : 'info',
        message:
          removed.length > 0
            ? `enum ${changeObject(c)} loses value${removed.length > 1 ? 's' : ''} ${removed.map((v) => `'${v}'`).join(', ')}; the type is recreated and ${uses} converted`
            : `enum ${changeObject(c)} is recreated to reorder its values; ${uses} converted`,
        help: 'Rows still holding a removed value make the conversion fail: update them in an earlier migration. Every table using the type is rewritten under an ACCESS EXCLUSIVE lock.',
      }),
    ];
  });

const dropSchema: Pass = (changes) =>
  changes.flatMap((c) =>
    c.kind === 'dropSchema'
      ? [
          warn(c, {
            code: 'DS104',
            severity: 'warning',
            message: `drop schema ${c.schema}`,
            help: 'The drop fails if objects ormdiff does not manage are left in it; remove the schema from the managed set to keep it.',
          }),
        ]
      : [],
  );

const typeChange: Pass = (changes) =>
  changes.flatMap((c) => {
    if (c.kind !== 'alterColumnType') return [];
    const narrowing = isNarrowing(c.from, c.to);
    return [
      warn(c, {
        code: 'TC201',
        severity: narrowing ? 'warning' : 'info',
        message: `type change ${changeObject(c)}: ${columnTypeText(c.from)} → ${columnTypeText(c.to)} (${narrowing ? 'narrowing' : 'widening'})`,
        help: narrowing
          ? 'Values that do not fit the new type make the migration fail or are cut: check them first. The table may be rewritten under an ACCESS EXCLUSIVE lock.'
          : 'Existing values fit the new type, but the table may be rewritten under an ACCESS EXCLUSIVE lock.',
      }),
    ];
  });

const rename: Pass = (changes) =>
  changes.flatMap((c) =>
    c.kind === 'renameIndex' || c.kind === 'renameConstraint' || c.kind === 'renameDomainConstraint'
      ? [
          warn(c, {
            code: 'RN301',
            severity: 'info',
            message: `rename ${c.kind === 'renameIndex' ? 'index' : 'constraint'} ${changeObject(c)} to ${c.to} (same definition, new name)`,
            help: 'Detected because the definition is unchanged; update code that refers to the old name (error handling, query hints).',
          }),
        ]
      : [],
  );

const columnExpressions = (c: Column): string[] =>
  c.valueSource.kind === 'default' || c.valueSource.kind === 'generated' ? [c.valueSource.expression] : [];

const tableExpressions = (t: Pick<Table, 'columns' | 'checks' | 'indexes'>): string[] => [
  ...t.columns.flatMap(columnExpressions),
  ...t.checks.map((c) => c.expression),
  ...t.indexes.flatMap((i) => [
    ...(i.where !== undefined ? [i.where] : []),
    ...i.elements.filter((e) => e.kind === 'expression').map((e) => e.value),
  ]),
];

/** Expressions a change makes Postgres parse, where a just-added enum value could appear. */
function expressionsOf(change: Change): string[] {
  switch (change.kind) {
    case 'setDefault':
      return [change.to];
    case 'alterDomainDefault':
      return change.to !== undefined ? [change.to] : [];
    case 'addColumn':
      return columnExpressions(change.column);
    case 'alterColumnType':
    case 'alterColumnValueSource':
      return columnExpressions(change.to);
    case 'createTable':
      return tableExpressions(change.table);
    case 'addCheck':
    case 'addDomainCheck':
      return [change.check.expression];
    case 'createIndex':
      return tableExpressions({ columns: [], checks: [], indexes: [change.index] });
    case 'createDomain':
      return [
        ...(change.domain.default !== undefined ? [change.domain.default] : []),
        ...change.domain.checks.map((c) => c.expression),
      ];
    default:
      return [];
  }
}

/**
 * Postgres 12+ runs ALTER TYPE … ADD VALUE in a transaction, but rejects the new value until that
 * transaction commits. Text matching: an expression naming the type and containing the value.
 */
const newEnumValueUse: Pass = (changes) =>
  changes
    .filter((c): c is ChangeOf<'addEnumValue'> => c.kind === 'addEnumValue')
    .flatMap((add) => {
      const typeName = formatQualified(add.enum);
      const literal = add.value.replace(/'/g, "''");
      return changes
        .filter((c) => expressionsOf(c).some((e) => e.includes(typeName) && e.includes(literal)))
        .map((user) =>
          warn(add, {
            code: 'TX401',
            severity: 'error',
            message: `new value '${add.value}' of enum ${changeObject(add)} is used in the same transaction by ${changeObject(user)}`,
            help: 'Postgres rejects a value added by ALTER TYPE … ADD VALUE until its transaction commits: move the statements using it into a later migration, or run this one with transaction = false.',
          }),
        );
    });

const PASSES: Pass[] = [dropTable, dropColumn, enumValueRemoval, dropSchema, typeChange, rename, newEnumValueUse];

/** Every pass's warnings, in plan order. */
export function checkHazards(changes: Change[]): Warning[] {
  const position = new Map(changes.map((c, i) => [c, i]));
  return PASSES.flatMap((pass) => pass(changes)).sort((a, b) => position.get(a.change)! - position.get(b.change)!);
}
