/** Postgres SQL for each change (safer forms included): what normalize and the planner run and order. */
import type { Change, ChangeOf, EnumColumnUse, EnumValueMap, SequenceOwner } from '../diff/changes';
import { defaultUsing } from '../diff/typechange';
import type { Column, QualifiedName, Table } from '../schema/model';
import { quoteIdent, quoteLiteral, quoteQualified } from '../sql/quote';
import {
  alterColumn,
  alterTable,
  checkClause,
  columnDefinition,
  columnType,
  comment,
  commentTarget,
  createDomain,
  createEnum,
  createIndex,
  createSequence,
  exclusionClause,
  foreignKeyClause,
  identityClause,
  nextval,
  primaryKeyClause,
  retypeColumnActions,
  uniqueClause,
} from './fragments';
import { type RenderedStatement, saferStatements } from './safe';
import { changedOptionClauses } from './sequences';

function createTable(t: Table): string[] {
  const table = { schema: t.schema, name: t.name };
  const columns = t.columns.map((c) => columnDefinition(table, c));
  const lines = [
    ...columns.map((c) => c.sql),
    ...(t.primaryKey ? [primaryKeyClause(t.primaryKey)] : []),
    ...t.uniques.map(uniqueClause),
    ...t.checks.map(checkClause),
    ...t.exclusions.map(exclusionClause),
  ];
  const body = lines.length > 0 ? `(\n  ${lines.join(',\n  ')}\n)` : '()';
  return [
    ...columns.flatMap((c) => c.before),
    `CREATE TABLE ${quoteQualified(table)} ${body}`,
    ...columns.flatMap((c) => c.after),
    ...t.indexes.map((i) => createIndex(table, i)),
    ...(t.comment !== undefined ? [comment(commentTarget.table(table), t.comment)] : []),
  ];
}

function addColumn(table: QualifiedName, column: Column): string[] {
  const def = columnDefinition(table, column);
  return [...def.before, `${alterTable(table)} ADD COLUMN ${def.sql}`, ...def.after];
}

const dropColumn = (table: QualifiedName, column: string): string =>
  `${alterTable(table)} DROP COLUMN ${quoteIdent(column)}`;

/** The user's conversion when given, else the default cast (none: the assignment cast, see defaultUsing). */
function usingClause(c: ChangeOf<'alterColumnType'>): string {
  if (c.using !== undefined) return ` USING (${c.using})`;
  const using = defaultUsing(c.from, c.to, quoteIdent(c.to.name));
  return using === undefined ? '' : ` USING ${using}`;
}

function alterColumnType(c: ChangeOf<'alterColumnType'>): string[] {
  const { from, to } = c;
  const retyped = from.dataType !== to.dataType || from.arrayDims !== to.arrayDims;
  const plainSources = from.valueSource.kind === 'none' || from.valueSource.kind === 'default';
  const actions = retypeColumnActions(to.name, `${columnType(to)}${to.collation !== undefined ? ` COLLATE ${to.collation}` : ''}`, {
    using: retyped ? usingClause(c) : '',
    dropDefault: from.valueSource.kind === 'default',
    setDefault: to.valueSource.kind === 'default' && plainSources ? to.valueSource.expression : undefined,
  });
  const statements = [`${alterTable(c.table)} ${actions.join(', ')}`];
  // A serial's sequence does not follow its column's type by itself (an identity's does). Named as it is
  // now: a rename of the sequence, if any, comes later with the value source change.
  if (from.valueSource.kind === 'serial' && to.valueSource.kind === 'serial' && from.dataType !== to.dataType) {
    statements.push(`ALTER SEQUENCE ${quoteQualified(from.valueSource.sequence)} AS ${to.dataType}`);
  }
  return statements;
}

/** Moves an existing counter past the values already in the column, so new rows do not collide with old ones. */
const catchUpSequence = (table: QualifiedName, column: string): string =>
  `SELECT setval(pg_get_serial_sequence(${quoteLiteral(quoteQualified(table))}, ${quoteLiteral(column)}), max(${quoteIdent(column)})) ` +
  `FROM ${quoteQualified(table)} HAVING max(${quoteIdent(column)}) IS NOT NULL`;

function teardownValueSource(table: QualifiedName, column: Column): string[] {
  const col = alterColumn(table, column.name);
  const s = column.valueSource;
  switch (s.kind) {
    case 'none':
      return [];
    case 'default':
      return [`${col} DROP DEFAULT`];
    case 'serial':
      return [`${col} DROP DEFAULT`, `DROP SEQUENCE ${quoteQualified(s.sequence)}`];
    case 'identity':
      return [`${col} DROP IDENTITY`];
    case 'generated':
      return [`${col} DROP EXPRESSION`];
  }
}

function buildValueSource(table: QualifiedName, column: Column): string[] {
  const col = alterColumn(table, column.name);
  const s = column.valueSource;
  switch (s.kind) {
    case 'none':
    case 'generated':
      return [];
    case 'default':
      return [`${col} SET DEFAULT ${s.expression}`];
    case 'serial':
      return [
        `CREATE SEQUENCE ${quoteQualified(s.sequence)} AS ${column.dataType} OWNED BY ${quoteQualified(table)}.${quoteIdent(column.name)}`,
        `${col} SET DEFAULT ${nextval(s.sequence)}`,
        catchUpSequence(table, column.name),
      ];
    case 'identity':
      return [`${col} ADD ${identityClause(table, column.name, s)}`, catchUpSequence(table, column.name)];
  }
}

function renameSequence(from: QualifiedName, to: QualifiedName): string[] {
  const statements: string[] = [];
  if (from.name !== to.name) statements.push(`ALTER SEQUENCE ${quoteQualified(from)} RENAME TO ${quoteIdent(to.name)}`);
  if (from.schema !== to.schema) {
    statements.push(
      `ALTER SEQUENCE ${quoteQualified({ schema: from.schema, name: to.name })} SET SCHEMA ${quoteIdent(to.schema)}`,
    );
  }
  return statements;
}

function alterColumnValueSource({ table, from, to }: ChangeOf<'alterColumnValueSource'>): string[] {
  const f = from.valueSource;
  const t = to.valueSource;
  // Postgres 15 cannot turn a column into a generated one, nor change a generation expression.
  if (t.kind === 'generated') return [dropColumn(table, from.name), ...addColumn(table, to)];
  if (f.kind === 'serial' && t.kind === 'serial') return renameSequence(f.sequence, t.sequence);
  return [...teardownValueSource(table, from), ...buildValueSource(table, to)];
}

function alterIdentity({ table, column, from, to }: ChangeOf<'alterIdentity'>): string[] {
  const settings = [
    ...(from.generation !== to.generation ? [`SET GENERATED ${to.generation}`] : []),
    ...changedOptionClauses(from.sequence, to.sequence).map((c) => `SET ${c}`),
  ];
  return [
    ...renameSequence(from.sequence, to.sequence),
    ...(settings.length > 0 ? [`${alterColumn(table, column)} ${settings.join(' ')}`] : []),
  ];
}

/**
 * The old type is renamed away rather than dropped first, so the columns keep their data while the
 * new type is created; each column then moves across through text.
 */
/** The column as text, with `--enum-map` values replaced: a CASE for scalars, nested array_replace for arrays. */
function enumText(u: EnumColumnUse, map: EnumValueMap[]): string {
  const col = quoteIdent(u.column);
  const text = `${col}::text${'[]'.repeat(u.arrayDims)}`;
  if (map.length === 0) return text;
  if (u.arrayDims > 0) {
    return map.reduce((inner, m) => `array_replace(${inner}, ${quoteLiteral(m.from)}, ${quoteLiteral(m.to)})`, text);
  }
  const whens = map.map((m) => `WHEN ${quoteLiteral(m.from)} THEN ${quoteLiteral(m.to)}`).join(' ');
  return `(CASE ${text} ${whens} ELSE ${text} END)`;
}

function recreateEnum({ from, to, columns, valueMap = [] }: ChangeOf<'recreateEnum'>): string[] {
  const old = { schema: from.schema, name: `${from.name}_old` };
  const move = (u: EnumColumnUse): string => {
    const type = `${quoteQualified(to)}${'[]'.repeat(u.arrayDims)}`;
    return `${alterTable(u.table)} ${retypeColumnActions(u.column, type, {
      using: ` USING ${enumText(u, valueMap)}::${type}`,
      dropDefault: u.fromDefault !== undefined,
      setDefault: u.toDefault,
    }).join(', ')}`;
  };
  return [
    `ALTER TYPE ${quoteQualified(from)} RENAME TO ${quoteIdent(old.name)}`,
    createEnum(to),
    ...(to.comment !== undefined ? [comment(commentTarget.type(to), to.comment)] : []),
    ...columns.map(move),
    `DROP TYPE ${quoteQualified(old)}`,
  ];
}

const owner = (o: SequenceOwner | undefined): string =>
  o === undefined ? 'NONE' : `${quoteQualified(o.table)}.${quoteIdent(o.column)}`;

/** The statements of one change as ormdiff runs it, safer forms included, each without a trailing semicolon. */
export function renderStatements(change: Change): RenderedStatement[] {
  return saferStatements(change) ?? plainStatements(change).map((sql) => ({ sql, transactional: true }));
}

export function renderChange(change: Change): string[] {
  return renderStatements(change).map((s) => s.sql);
}

export type { RenderedStatement };

function plainStatements(change: Change): string[] {
  switch (change.kind) {
    case 'createSchema':
      return [`CREATE SCHEMA ${quoteIdent(change.schema)}`];
    case 'dropSchema':
      return [`DROP SCHEMA ${quoteIdent(change.schema)}`];
    // IF NOT EXISTS / IF EXISTS: TypeORM installs the extensions its entities need on connect, so the
    // database may have one the migrations never created (or have dropped one they did).
    case 'createExtension':
      return [
        `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(change.extension.name)} WITH SCHEMA ${quoteIdent(change.extension.schema)}`,
      ];
    case 'dropExtension':
      return [`DROP EXTENSION IF EXISTS ${quoteIdent(change.extension.name)}`];
    case 'setExtensionSchema':
      return [`ALTER EXTENSION ${quoteIdent(change.name)} SET SCHEMA ${quoteIdent(change.to)}`];
    case 'createEnum':
      return [
        createEnum(change.enum),
        ...(change.enum.comment !== undefined ? [comment(commentTarget.type(change.enum), change.enum.comment)] : []),
      ];
    case 'dropEnum':
      return [`DROP TYPE ${quoteQualified(change.enum)}`];
    case 'addEnumValue': {
      const position =
        change.before !== undefined
          ? ` BEFORE ${quoteLiteral(change.before)}`
          : change.after !== undefined
            ? ` AFTER ${quoteLiteral(change.after)}`
            : '';
      return [`ALTER TYPE ${quoteQualified(change.enum)} ADD VALUE ${quoteLiteral(change.value)}${position}`];
    }
    case 'recreateEnum':
      return recreateEnum(change);
    case 'setEnumComment':
      return [comment(commentTarget.type(change.enum), change.to)];
    case 'createDomain':
      return createDomain(change.domain);
    case 'dropDomain':
      return [`DROP DOMAIN ${quoteQualified(change.domain)}`];
    case 'alterDomainDefault':
      return [
        `ALTER DOMAIN ${quoteQualified(change.domain)} ${change.to === undefined ? 'DROP DEFAULT' : `SET DEFAULT ${change.to}`}`,
      ];
    case 'alterDomainNotNull':
      return [`ALTER DOMAIN ${quoteQualified(change.domain)} ${change.notNull ? 'SET' : 'DROP'} NOT NULL`];
    case 'addDomainCheck':
      return [
        `ALTER DOMAIN ${quoteQualified(change.domain)} ADD CONSTRAINT ${quoteIdent(change.check.name)} CHECK ${change.check.expression}`,
      ];
    case 'dropDomainCheck':
      return [`ALTER DOMAIN ${quoteQualified(change.domain)} DROP CONSTRAINT ${quoteIdent(change.check.name)}`];
    case 'renameDomainConstraint':
      return [
        `ALTER DOMAIN ${quoteQualified(change.domain)} RENAME CONSTRAINT ${quoteIdent(change.from)} TO ${quoteIdent(change.to)}`,
      ];
    case 'setDomainComment':
      return [comment(commentTarget.domain(change.domain), change.to)];
    case 'createSequence':
      return createSequence(change.sequence);
    case 'dropSequence':
      return [`DROP SEQUENCE ${quoteQualified(change.sequence)}`];
    case 'alterSequence': {
      const clauses = [
        ...(change.from.dataType !== change.to.dataType ? [`AS ${change.to.dataType}`] : []),
        ...changedOptionClauses(change.from, change.to),
      ];
      return [`ALTER SEQUENCE ${quoteQualified(change.to)} ${clauses.join(' ')}`];
    }
    case 'setSequenceOwner':
      return [`ALTER SEQUENCE ${quoteQualified(change.sequence)} OWNED BY ${owner(change.to)}`];
    case 'setSequenceComment':
      return [comment(commentTarget.sequence(change.sequence), change.to)];
    case 'createTable':
      return createTable(change.table);
    case 'dropTable':
      return [`DROP TABLE ${quoteQualified(change.table)}`];
    case 'setTableComment':
      return [comment(commentTarget.table(change.table), change.to)];
    case 'addColumn':
      return addColumn(change.table, change.column);
    case 'dropColumn':
      return [dropColumn(change.table, change.column.name)];
    case 'alterColumnType':
      return alterColumnType(change);
    case 'setNotNull':
      return [`${alterColumn(change.table, change.column)} SET NOT NULL`];
    case 'dropNotNull':
      return [`${alterColumn(change.table, change.column)} DROP NOT NULL`];
    case 'setDefault':
      return [`${alterColumn(change.table, change.column)} SET DEFAULT ${change.to}`];
    case 'dropDefault':
      return [`${alterColumn(change.table, change.column)} DROP DEFAULT`];
    case 'addIdentity':
      return [
        `${alterColumn(change.table, change.column)} ADD ${identityClause(change.table, change.column, change.identity)}`,
        catchUpSequence(change.table, change.column),
      ];
    case 'dropIdentity':
      return [`${alterColumn(change.table, change.column)} DROP IDENTITY`];
    case 'alterIdentity':
      return alterIdentity(change);
    case 'alterColumnValueSource':
      return alterColumnValueSource(change);
    case 'setColumnComment':
      return [comment(commentTarget.column(change.table, change.column), change.to)];
    case 'addPrimaryKey':
      return [`${alterTable(change.table)} ADD ${primaryKeyClause(change.primaryKey)}`];
    case 'addForeignKey':
      return [`${alterTable(change.table)} ADD ${foreignKeyClause(change.foreignKey)}`];
    case 'addUnique':
      return [`${alterTable(change.table)} ADD ${uniqueClause(change.unique)}`];
    case 'addCheck':
      return [`${alterTable(change.table)} ADD ${checkClause(change.check)}`];
    case 'addExclusion':
      return [`${alterTable(change.table)} ADD ${exclusionClause(change.exclusion)}`];
    case 'dropPrimaryKey':
      return [`${alterTable(change.table)} DROP CONSTRAINT ${quoteIdent(change.primaryKey.name)}`];
    case 'dropForeignKey':
      return [`${alterTable(change.table)} DROP CONSTRAINT ${quoteIdent(change.foreignKey.name)}`];
    case 'dropUnique':
      return [`${alterTable(change.table)} DROP CONSTRAINT ${quoteIdent(change.unique.name)}`];
    case 'dropCheck':
      return [`${alterTable(change.table)} DROP CONSTRAINT ${quoteIdent(change.check.name)}`];
    case 'dropExclusion':
      return [`${alterTable(change.table)} DROP CONSTRAINT ${quoteIdent(change.exclusion.name)}`];
    case 'createIndex':
      return [createIndex(change.table, change.index)];
    case 'dropIndex':
      return [`DROP INDEX ${quoteQualified({ schema: change.table.schema, name: change.index.name })}`];
    case 'renameIndex':
      return [
        `ALTER INDEX ${quoteQualified({ schema: change.table.schema, name: change.from })} RENAME TO ${quoteIdent(change.to)}`,
      ];
    case 'renameConstraint':
      return [`${alterTable(change.table)} RENAME CONSTRAINT ${quoteIdent(change.from)} TO ${quoteIdent(change.to)}`];
    case 'renameTable':
      return [`${alterTable({ schema: change.schema, name: change.from })} RENAME TO ${quoteIdent(change.to)}`];
    case 'renameColumn':
      return [`${alterTable(change.table)} RENAME COLUMN ${quoteIdent(change.from)} TO ${quoteIdent(change.to)}`];
    case 'renameEnum':
      return [`ALTER TYPE ${quoteQualified({ schema: change.schema, name: change.from })} RENAME TO ${quoteIdent(change.to)}`];
    case 'renameEnumValue':
      return [
        `ALTER TYPE ${quoteQualified(change.enum)} RENAME VALUE ${quoteLiteral(change.from)} TO ${quoteLiteral(change.to)}`,
      ];
  }
}
