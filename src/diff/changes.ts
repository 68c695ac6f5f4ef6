/**
 * The operations a plan is made of. Each variant carries every object it needs, so that it can be
 * rendered, inverted and checked for hazards without the two schemas it came from.
 */
import type {
  Check,
  Column,
  Domain,
  EnumType,
  Exclusion,
  Extension,
  ForeignKey,
  Index,
  PrimaryKey,
  QualifiedName,
  Sequence,
  SequenceOptions,
  Table,
  UniqueConstraint,
} from '../schema/model';

type IdentitySource = Extract<Column['valueSource'], { kind: 'identity' }>;

/** `table.column` a sequence is OWNED BY. */
export interface SequenceOwner {
  table: QualifiedName;
  column: string;
}

/**
 * A column that keeps using an enum across its recreation. Its default is dropped before the type
 * swap (an enum default cannot be cast to another enum) and `toDefault` is set afterwards.
 */
export interface EnumColumnUse {
  table: QualifiedName;
  column: string;
  arrayDims: number;
  fromDefault?: string;
  toDefault?: string;
}

export type ConstraintKind = 'primaryKey' | 'foreignKey' | 'unique' | 'check' | 'exclusion';

export type Change =
  | { kind: 'createSchema'; schema: string }
  | { kind: 'dropSchema'; schema: string }
  | { kind: 'createExtension'; extension: Extension }
  | { kind: 'dropExtension'; extension: Extension }
  | { kind: 'setExtensionSchema'; name: string; from: string; to: string }
  | { kind: 'createEnum'; enum: EnumType }
  | { kind: 'dropEnum'; enum: EnumType }
  /** `enum` is the type as it is before this value goes in; exactly one of before/after, or neither to append. */
  | { kind: 'addEnumValue'; enum: EnumType; value: string; before?: string; after?: string; columns: EnumColumnUse[] }
  /** Values removed or reordered: rename the old type away, create the new one, move the columns, drop the old. */
  | { kind: 'recreateEnum'; from: EnumType; to: EnumType; columns: EnumColumnUse[] }
  | { kind: 'setEnumComment'; enum: QualifiedName; from?: string; to?: string }
  | { kind: 'createDomain'; domain: Domain }
  | { kind: 'dropDomain'; domain: Domain }
  | { kind: 'alterDomainDefault'; domain: QualifiedName; from?: string; to?: string }
  | { kind: 'alterDomainNotNull'; domain: QualifiedName; notNull: boolean }
  | { kind: 'addDomainCheck'; domain: QualifiedName; check: Check }
  | { kind: 'dropDomainCheck'; domain: QualifiedName; check: Check }
  | { kind: 'renameDomainConstraint'; domain: QualifiedName; from: string; to: string }
  | { kind: 'setDomainComment'; domain: QualifiedName; from?: string; to?: string }
  /** Rendered without OWNED BY: ownership is a separate setSequenceOwner, planned once the column exists. */
  | { kind: 'createSequence'; sequence: Sequence }
  | { kind: 'dropSequence'; sequence: Sequence }
  | { kind: 'alterSequence'; from: Sequence; to: Sequence }
  | { kind: 'setSequenceOwner'; sequence: QualifiedName; from?: SequenceOwner; to?: SequenceOwner }
  | { kind: 'setSequenceComment'; sequence: QualifiedName; from?: string; to?: string }
  /** The whole table; its foreign keys are planned as separate addForeignKey/dropForeignKey changes. */
  | { kind: 'createTable'; table: Table }
  | { kind: 'dropTable'; table: Table }
  | { kind: 'setTableComment'; table: QualifiedName; from?: string; to?: string }
  | { kind: 'addColumn'; table: QualifiedName; column: Column }
  | { kind: 'dropColumn'; table: QualifiedName; column: Column }
  /** Type, array dimensions or collation; a `default` on either side is dropped and restored around it. */
  | { kind: 'alterColumnType'; table: QualifiedName; from: Column; to: Column }
  | { kind: 'setNotNull'; table: QualifiedName; column: string }
  | { kind: 'dropNotNull'; table: QualifiedName; column: string }
  | { kind: 'setDefault'; table: QualifiedName; column: string; from?: string; to: string }
  | { kind: 'dropDefault'; table: QualifiedName; column: string; from: string }
  | { kind: 'addIdentity'; table: QualifiedName; column: string; identity: IdentitySource }
  | { kind: 'dropIdentity'; table: QualifiedName; column: string; identity: IdentitySource }
  | { kind: 'alterIdentity'; table: QualifiedName; column: string; from: IdentitySource; to: IdentitySource }
  /**
   * Any other change of where values come from (serial, identity, generated, across kinds). Tears the
   * old source down and builds the new one; a column becoming generated is dropped and re-added.
   */
  | { kind: 'alterColumnValueSource'; table: QualifiedName; from: Column; to: Column }
  | { kind: 'setColumnComment'; table: QualifiedName; column: string; from?: string; to?: string }
  | { kind: 'addPrimaryKey'; table: QualifiedName; primaryKey: PrimaryKey }
  | { kind: 'dropPrimaryKey'; table: QualifiedName; primaryKey: PrimaryKey }
  | { kind: 'addForeignKey'; table: QualifiedName; foreignKey: ForeignKey }
  | { kind: 'dropForeignKey'; table: QualifiedName; foreignKey: ForeignKey }
  | { kind: 'addUnique'; table: QualifiedName; unique: UniqueConstraint }
  | { kind: 'dropUnique'; table: QualifiedName; unique: UniqueConstraint }
  | { kind: 'addCheck'; table: QualifiedName; check: Check }
  | { kind: 'dropCheck'; table: QualifiedName; check: Check }
  | { kind: 'addExclusion'; table: QualifiedName; exclusion: Exclusion }
  | { kind: 'dropExclusion'; table: QualifiedName; exclusion: Exclusion }
  | { kind: 'createIndex'; table: QualifiedName; index: Index }
  | { kind: 'dropIndex'; table: QualifiedName; index: Index }
  | { kind: 'renameIndex'; table: QualifiedName; from: string; to: string }
  | { kind: 'renameConstraint'; table: QualifiedName; constraint: ConstraintKind; from: string; to: string };

export type ChangeKind = Change['kind'];
export type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;

export type { IdentitySource, SequenceOptions };

/** The enum's values once `change` has added its value. */
export function valuesAfterAdd(change: ChangeOf<'addEnumValue'>): string[] {
  const values = [...change.enum.values];
  const anchor = change.before ?? change.after;
  if (anchor === undefined) return [...values, change.value];
  const at = values.indexOf(anchor);
  if (at < 0) throw new Error(`enum ${change.enum.schema}.${change.enum.name} has no value ${JSON.stringify(anchor)}`);
  values.splice(change.before !== undefined ? at : at + 1, 0, change.value);
  return values;
}

const swapDefaults = (columns: EnumColumnUse[]): EnumColumnUse[] =>
  columns.map(({ fromDefault, toDefault, ...rest }) => ({
    ...rest,
    ...(toDefault !== undefined ? { fromDefault: toDefault } : {}),
    ...(fromDefault !== undefined ? { toDefault: fromDefault } : {}),
  }));

/** Optional `from`/`to` swapped without writing `undefined` keys (keeps inverted changes deep-equal to originals). */
function swapped<T extends { from?: unknown; to?: unknown }>(change: T): T {
  const { from, to, ...rest } = change;
  return { ...rest, ...(to !== undefined ? { from: to } : {}), ...(from !== undefined ? { to: from } : {}) } as T;
}

/** The change that undoes `change`, so `down` is derived from `up`. invert(invert(c)) equals c except for addEnumValue. */
export function invert(change: Change): Change {
  switch (change.kind) {
    case 'createSchema':
      return { kind: 'dropSchema', schema: change.schema };
    case 'dropSchema':
      return { kind: 'createSchema', schema: change.schema };
    case 'createExtension':
      return { kind: 'dropExtension', extension: change.extension };
    case 'dropExtension':
      return { kind: 'createExtension', extension: change.extension };
    case 'setExtensionSchema':
      return swapped(change);
    case 'createEnum':
      return { kind: 'dropEnum', enum: change.enum };
    case 'dropEnum':
      return { kind: 'createEnum', enum: change.enum };
    case 'addEnumValue':
      // ALTER TYPE cannot take a value out again: the way back is a recreate without it.
      return {
        kind: 'recreateEnum',
        from: { ...change.enum, values: valuesAfterAdd(change) },
        to: change.enum,
        columns: swapDefaults(change.columns),
      };
    case 'recreateEnum':
      return { kind: 'recreateEnum', from: change.to, to: change.from, columns: swapDefaults(change.columns) };
    case 'createDomain':
      return { kind: 'dropDomain', domain: change.domain };
    case 'dropDomain':
      return { kind: 'createDomain', domain: change.domain };
    case 'alterDomainNotNull':
      return { ...change, notNull: !change.notNull };
    case 'addDomainCheck':
      return { ...change, kind: 'dropDomainCheck' };
    case 'dropDomainCheck':
      return { ...change, kind: 'addDomainCheck' };
    case 'createSequence':
      return { kind: 'dropSequence', sequence: change.sequence };
    case 'dropSequence':
      return { kind: 'createSequence', sequence: change.sequence };
    case 'createTable':
      return { kind: 'dropTable', table: change.table };
    case 'dropTable':
      return { kind: 'createTable', table: change.table };
    case 'addColumn':
      return { ...change, kind: 'dropColumn' };
    case 'dropColumn':
      return { ...change, kind: 'addColumn' };
    case 'setNotNull':
      return { ...change, kind: 'dropNotNull' };
    case 'dropNotNull':
      return { ...change, kind: 'setNotNull' };
    case 'setDefault':
      return change.from === undefined
        ? { kind: 'dropDefault', table: change.table, column: change.column, from: change.to }
        : { ...change, from: change.to, to: change.from };
    case 'dropDefault':
      return { kind: 'setDefault', table: change.table, column: change.column, to: change.from };
    case 'addIdentity':
      return { ...change, kind: 'dropIdentity' };
    case 'dropIdentity':
      return { ...change, kind: 'addIdentity' };
    case 'addPrimaryKey':
      return { ...change, kind: 'dropPrimaryKey' };
    case 'dropPrimaryKey':
      return { ...change, kind: 'addPrimaryKey' };
    case 'addForeignKey':
      return { ...change, kind: 'dropForeignKey' };
    case 'dropForeignKey':
      return { ...change, kind: 'addForeignKey' };
    case 'addUnique':
      return { ...change, kind: 'dropUnique' };
    case 'dropUnique':
      return { ...change, kind: 'addUnique' };
    case 'addCheck':
      return { ...change, kind: 'dropCheck' };
    case 'dropCheck':
      return { ...change, kind: 'addCheck' };
    case 'addExclusion':
      return { ...change, kind: 'dropExclusion' };
    case 'dropExclusion':
      return { ...change, kind: 'addExclusion' };
    case 'createIndex':
      return { ...change, kind: 'dropIndex' };
    case 'dropIndex':
      return { ...change, kind: 'createIndex' };
    case 'alterDomainDefault':
    case 'renameDomainConstraint':
    case 'alterSequence':
    case 'setSequenceOwner':
    case 'alterColumnType':
    case 'alterIdentity':
    case 'alterColumnValueSource':
    case 'renameIndex':
    case 'renameConstraint':
    case 'setEnumComment':
    case 'setDomainComment':
    case 'setSequenceComment':
    case 'setTableComment':
    case 'setColumnComment':
      return swapped(change);
  }
}
