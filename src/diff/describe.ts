/** Human-readable names and one-line descriptions of changes, for reports, headers and hazard messages. */
import type { Column, QualifiedName } from '../schema/model';
import type { Change } from './changes';
import { classifyTypeChange } from './typechange';

const q = (n: QualifiedName): string => `${n.schema}.${n.name}`;
const member = (n: QualifiedName, name: string): string => `${q(n)}.${name}`;

export const columnTypeText = (c: Pick<Column, 'dataType' | 'arrayDims' | 'collation'>): string =>
  c.dataType + '[]'.repeat(c.arrayDims) + (c.collation !== undefined ? ` COLLATE ${c.collation}` : '');

/** The object a change is about, dotted and unquoted: `public.users`, `public.users.age`, `public.status`. */
export function changeObject(change: Change): string {
  switch (change.kind) {
    case 'createSchema':
    case 'dropSchema':
      return change.schema;
    case 'createExtension':
    case 'dropExtension':
      return change.extension.name;
    case 'setExtensionSchema':
      return change.name;
    case 'createEnum':
    case 'dropEnum':
    case 'addEnumValue':
      return q(change.enum);
    case 'recreateEnum':
      return q(change.to);
    case 'setEnumComment':
      return q(change.enum);
    case 'renameEnum':
    case 'renameTable':
      return q({ schema: change.schema, name: change.from });
    case 'renameEnumValue':
      return q(change.enum);
    case 'renameColumn':
      return member(change.table, change.from);
    case 'createDomain':
    case 'dropDomain':
      return q(change.domain);
    case 'alterDomainDefault':
    case 'alterDomainNotNull':
    case 'setDomainComment':
      return q(change.domain);
    case 'addDomainCheck':
    case 'dropDomainCheck':
      return member(change.domain, change.check.name);
    case 'renameDomainConstraint':
      return member(change.domain, change.from);
    case 'createSequence':
    case 'dropSequence':
    case 'setSequenceOwner':
    case 'setSequenceComment':
      return q(change.sequence);
    case 'alterSequence':
      return q(change.to);
    case 'createTable':
    case 'dropTable':
      return q(change.table);
    case 'setTableComment':
      return q(change.table);
    case 'addColumn':
    case 'dropColumn':
      return member(change.table, change.column.name);
    case 'alterColumnType':
    case 'alterColumnValueSource':
      return member(change.table, change.to.name);
    case 'setNotNull':
    case 'dropNotNull':
    case 'setDefault':
    case 'dropDefault':
    case 'addIdentity':
    case 'dropIdentity':
    case 'alterIdentity':
    case 'setColumnComment':
      return member(change.table, change.column);
    case 'addPrimaryKey':
    case 'dropPrimaryKey':
      return member(change.table, change.primaryKey.name);
    case 'addForeignKey':
    case 'dropForeignKey':
      return member(change.table, change.foreignKey.name);
    case 'addUnique':
    case 'dropUnique':
      return member(change.table, change.unique.name);
    case 'addCheck':
    case 'dropCheck':
      return member(change.table, change.check.name);
    case 'addExclusion':
    case 'dropExclusion':
      return member(change.table, change.exclusion.name);
    case 'createIndex':
    case 'dropIndex':
      return member(change.table, change.index.name);
    case 'renameIndex':
    case 'renameConstraint':
      return member(change.table, change.from);
  }
}

/** The table a change belongs to, when it belongs to one (for grouping reports by table). */
export function changeTable(change: Change): QualifiedName | undefined {
  return 'table' in change && typeof change.table === 'object' ? change.table : undefined;
}

const commentVerb = (to: string | undefined): string => (to === undefined ? 'remove comment on' : 'set comment on');

/** One line, e.g. `drop column public.users.age`. */
export function describeChange(change: Change): string {
  const object = changeObject(change);
  switch (change.kind) {
    case 'addEnumValue':
      return `add value '${change.value}' to enum ${object}`;
    case 'recreateEnum':
      return `recreate enum ${object} (${change.from.values.join(', ')} → ${change.to.values.join(', ')})`;
    case 'setExtensionSchema':
      return `move extension ${object} to schema ${change.to}`;
    case 'alterColumnType':
      return `alter type of column ${object} (${columnTypeText(change.from)} → ${columnTypeText(change.to)})`;
    case 'alterColumnValueSource':
      return `change value source of column ${object} (${change.from.valueSource.kind} → ${change.to.valueSource.kind})`;
    case 'alterDomainNotNull':
      return `${change.notNull ? 'set' : 'drop'} not null on domain ${object}`;
    case 'alterDomainDefault':
      return `${change.to === undefined ? 'drop' : 'set'} default of domain ${object}`;
    case 'setSequenceOwner':
      return change.to === undefined
        ? `disown sequence ${object}`
        : `set owner of sequence ${object} to ${member(change.to.table, change.to.column)}`;
    case 'renameIndex':
    case 'renameConstraint':
    case 'renameDomainConstraint':
      return `rename ${change.kind === 'renameIndex' ? 'index' : 'constraint'} ${object} to ${change.to}`;
    case 'renameEnum':
      return `rename enum ${object} to ${change.to}`;
    case 'renameEnumValue':
      return `rename value '${change.from}' of enum ${object} to '${change.to}'`;
    case 'renameTable':
      return `rename table ${object} to ${change.to}`;
    case 'renameColumn':
      return `rename column ${object} to ${change.to}`;
    case 'setEnumComment':
    case 'setDomainComment':
    case 'setSequenceComment':
    case 'setTableComment':
    case 'setColumnComment':
      return `${commentVerb(change.to)} ${object}`;
    default: {
      // createTable → "create table", addForeignKey → "add foreign key", …
      const words = change.kind.replace(/([A-Z])/g, ' $1').toLowerCase();
      return `${words} ${object}`;
    }
  }
}

/** Whether running the change can discard stored data (rows, column values, enum values). */
export function isDestructive(change: Change): boolean {
  switch (change.kind) {
    case 'dropTable':
    case 'dropColumn':
    case 'dropSchema':
      return true;
    case 'recreateEnum':
      return change.from.values.some((v) => !change.to.values.includes(v));
    case 'alterColumnType': {
      const verdict = classifyTypeChange(change.from, change.to).class;
      return verdict === 'lossy' || verdict === 'impossible';
    }
    case 'alterColumnValueSource':
      return change.to.valueSource.kind === 'generated' && change.from.valueSource.kind !== 'generated';
    default:
      return false;
  }
}
