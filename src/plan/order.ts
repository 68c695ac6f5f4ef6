/**
 * Dependency order as phases: schemas and extensions; renames of enums, tables and columns (on the
 * way up; on the way down they come last); drops of foreign keys, then of other
 * constraints and indexes; what must go before types change (disowning sequences, dropping columns
 * and tables); renames of constraints and indexes, once every name a drop frees is free; types; tables and columns; column alterations; constraints; foreign keys, all
 * after every table exists so cycles work; drops of types, extensions, schemas; comments last.
 * Ties keep their input order, which is what makes chained renames and the reversed `down` work.
 */
import type { Change } from '../diff/changes';
import { qualifiedKey } from '../schema/model';

interface Context {
  direction: 'up' | 'down';
  /** Enums recreated in this plan: columns leaving them must do so before the old type goes. */
  recreatedEnums: ReadonlySet<string>;
  /** Domains created in this plan: a domain dropped under the same name must go first. */
  createdDomains: ReadonlySet<string>;
}

const generated = (c: { valueSource: { kind: string } }): boolean => c.valueSource.kind === 'generated';

function rank(change: Change, ctx: Context): [number, number] {
  switch (change.kind) {
    case 'createSchema':
      return [0, 0];
    case 'createExtension':
    case 'setExtensionSchema':
      return [1, 0];
    case 'dropForeignKey':
      return [2, 0];
    case 'dropIndex':
    case 'dropPrimaryKey':
    case 'dropUnique':
    case 'dropCheck':
    case 'dropExclusion':
    case 'dropDomainCheck':
      return [3, 0];
    case 'renameIndex':
    case 'renameConstraint':
    case 'renameDomainConstraint':
      // After the tables that go: on the way down, a name handed back may still be held by a table created on the way up.
      return [6, 4];
    case 'renameEnum':
    case 'renameEnumValue':
    case 'renameTable':
    case 'renameColumn':
      // Every other change is in the new names: renamed first on the way up, renamed back last on the way down.
      return ctx.direction === 'up' ? [1, 1] : [17, 0];
    case 'setSequenceOwner':
      // Disown before the owning table can be dropped; own once the column exists.
      return change.to === undefined ? [5, 0] : [10, 0];
    case 'dropColumn':
      // A generated column goes before the columns it is computed from.
      return [6, generated(change.column) ? 0 : 1];
    case 'dropTable':
      return [6, 3];
    case 'createEnum':
    case 'addEnumValue':
    case 'recreateEnum':
      return [7, 0];
    case 'createDomain':
    case 'alterDomainDefault':
    case 'alterDomainNotNull':
      return [7, 1];
    case 'createSequence':
    case 'alterSequence':
      return [7, 2];
    case 'createTable':
      return [8, 0];
    case 'addColumn':
      return [8, generated(change.column) ? 2 : 1];
    case 'dropDefault':
    case 'dropIdentity':
      return [9, 0];
    case 'alterColumnType': {
      const leaving = change.from.enumType;
      const stays =
        leaving !== undefined && change.to.enumType !== undefined && qualifiedKey(leaving) === qualifiedKey(change.to.enumType);
      return leaving !== undefined && !stays && ctx.recreatedEnums.has(qualifiedKey(leaving)) ? [6, 2] : [9, 1];
    }
    case 'setNotNull':
      return [9, 2];
    case 'setDefault':
    case 'addIdentity':
    case 'alterIdentity':
    case 'alterColumnValueSource':
      return [9, 3];
    case 'dropNotNull':
      // After an identity is gone: Postgres refuses DROP NOT NULL on an identity column.
      return [9, 4];
    case 'addPrimaryKey':
      return [11, 0];
    case 'addUnique':
    case 'addCheck':
    case 'addExclusion':
    case 'addDomainCheck':
      return [11, 1];
    case 'createIndex':
      return [11, 2];
    case 'addForeignKey':
      return [12, 0];
    case 'dropSequence':
      return [13, 0];
    case 'dropDomain':
      return ctx.createdDomains.has(qualifiedKey(change.domain)) ? [6, 4] : [13, 1];
    case 'dropEnum':
      return [13, 2];
    case 'dropExtension':
      return [14, 0];
    case 'dropSchema':
      return [15, 0];
    case 'setEnumComment':
    case 'setDomainComment':
    case 'setSequenceComment':
    case 'setTableComment':
    case 'setColumnComment':
      return [16, 0];
  }
}

export function orderChanges(changes: Change[], direction: 'up' | 'down' = 'up'): Change[] {
  const ctx: Context = {
    direction,
    recreatedEnums: new Set(changes.flatMap((c) => (c.kind === 'recreateEnum' ? [qualifiedKey(c.to)] : []))),
    createdDomains: new Set(changes.flatMap((c) => (c.kind === 'createDomain' ? [qualifiedKey(c.domain)] : []))),
  };
  return changes
    .map((change, index) => ({ change, index, rank: rank(change, ctx) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.index - b.index)
    .map((r) => r.change);
}
