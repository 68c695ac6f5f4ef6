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

/**
 * The phases, in the order they run; the second number of a rank orders changes within a phase. Renames
 * of enums, tables and columns run just after extensions on the way up (second place in that phase),
 * and last of all on the way down. Renames of constraints and indexes share the phase of table drops,
 * after them, once every name a drop frees is free.
 */
const PHASE = {
  createSchemas: 0,
  extensionsThenRenames: 1,
  dropForeignKeys: 2,
  dropConstraints: 3,
  disownSequences: 5,
  dropColumnsAndTables: 6,
  createTypes: 7,
  createTablesAndColumns: 8,
  alterColumns: 9,
  ownSequences: 10,
  addConstraints: 11,
  addForeignKeys: 12,
  dropTypes: 13,
  dropExtensions: 14,
  dropSchemas: 15,
  comments: 16,
  renamesBack: 17,
} as const;
type Phase = (typeof PHASE)[keyof typeof PHASE];

const generated = (c: { valueSource: { kind: string } }): boolean => c.valueSource.kind === 'generated';

function rank(change: Change, ctx: Context): [Phase, number] {
  switch (change.kind) {
    case 'createSchema':
      return [PHASE.createSchemas, 0];
    case 'createExtension':
    case 'setExtensionSchema':
      return [PHASE.extensionsThenRenames, 0];
    case 'dropForeignKey':
      return [PHASE.dropForeignKeys, 0];
    case 'dropIndex':
    case 'dropPrimaryKey':
    case 'dropUnique':
    case 'dropCheck':
    case 'dropExclusion':
    case 'dropDomainCheck':
      return [PHASE.dropConstraints, 0];
    case 'renameIndex':
    case 'renameConstraint':
    case 'renameDomainConstraint':
      // After the tables that go: on the way down, a name handed back may still be held by a table created on the way up.
      return [PHASE.dropColumnsAndTables, 4];
    case 'renameEnum':
    case 'renameEnumValue':
    case 'renameTable':
    case 'renameColumn':
      // Every other change is in the new names: renamed first on the way up, renamed back last on the way down.
      return ctx.direction === 'up' ? [PHASE.extensionsThenRenames, 1] : [PHASE.renamesBack, 0];
    case 'setSequenceOwner':
      // Disown before the owning table can be dropped; own once the column exists.
      return change.to === undefined ? [PHASE.disownSequences, 0] : [PHASE.ownSequences, 0];
    case 'dropColumn':
      // A generated column goes before the columns it is computed from.
      return [PHASE.dropColumnsAndTables, generated(change.column) ? 0 : 1];
    case 'dropTable':
      return [PHASE.dropColumnsAndTables, 3];
    case 'createEnum':
    case 'addEnumValue':
    case 'recreateEnum':
      return [PHASE.createTypes, 0];
    case 'createDomain':
    case 'alterDomainDefault':
    case 'alterDomainNotNull':
      return [PHASE.createTypes, 1];
    case 'createSequence':
    case 'alterSequence':
      return [PHASE.createTypes, 2];
    case 'createTable':
      return [PHASE.createTablesAndColumns, 0];
    case 'addColumn':
      return [PHASE.createTablesAndColumns, generated(change.column) ? 2 : 1];
    case 'dropDefault':
    case 'dropIdentity':
      return [PHASE.alterColumns, 0];
    case 'alterColumnType': {
      const leaving = change.from.enumType;
      const stays =
        leaving !== undefined && change.to.enumType !== undefined && qualifiedKey(leaving) === qualifiedKey(change.to.enumType);
      return leaving !== undefined && !stays && ctx.recreatedEnums.has(qualifiedKey(leaving)) ? [PHASE.dropColumnsAndTables, 2] : [PHASE.alterColumns, 1];
    }
    case 'setNotNull':
      return [PHASE.alterColumns, 2];
    case 'setDefault':
    case 'addIdentity':
    case 'alterIdentity':
    case 'alterColumnValueSource':
      return [PHASE.alterColumns, 3];
    case 'dropNotNull':
      // After an identity is gone: Postgres refuses DROP NOT NULL on an identity column.
      return [PHASE.alterColumns, 4];
    case 'addPrimaryKey':
      return [PHASE.addConstraints, 0];
    case 'addUnique':
    case 'addCheck':
    case 'addExclusion':
    case 'addDomainCheck':
      return [PHASE.addConstraints, 1];
    case 'createIndex':
      return [PHASE.addConstraints, 2];
    case 'addForeignKey':
      return [PHASE.addForeignKeys, 0];
    case 'dropSequence':
      return [PHASE.dropTypes, 0];
    case 'dropDomain':
      return ctx.createdDomains.has(qualifiedKey(change.domain)) ? [PHASE.dropColumnsAndTables, 4] : [PHASE.dropTypes, 1];
    case 'dropEnum':
      return [PHASE.dropTypes, 2];
    case 'dropExtension':
      return [PHASE.dropExtensions, 0];
    case 'dropSchema':
      return [PHASE.dropSchemas, 0];
    case 'setEnumComment':
    case 'setDomainComment':
    case 'setSequenceComment':
    case 'setTableComment':
    case 'setColumnComment':
      return [PHASE.comments, 0];
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
