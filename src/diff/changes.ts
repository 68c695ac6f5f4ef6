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

/** Why an object is renamed rather than dropped and recreated: a user's hint, or the detector's assumption. */
export type RenameOrigin = 'hint' | 'assumed';

/** An enum value whose rows move to another value when the type is recreated (`--enum-map type.old=new`). */
export interface EnumValueMap {
  from: string;
  to: string;
}

/**
 * Execution choices that do not change what a change means, only how it runs: `online` asks for
 * the variant that avoids long strong locks on a table that already holds rows (CONCURRENTLY,
 * NOT VALID + VALIDATE, NOT NULL through a validated CHECK). Set by the planner, dropped by invert.
 */
/** How a type change runs: ALTER … TYPE, or the expand/contract template (new column, backfill, swap, drop). */
export type TypeChangeForm = 'direct' | 'expand-contract';

export interface Execution {
  online?: boolean;
}

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
  | { kind: 'recreateEnum'; from: EnumType; to: EnumType; columns: EnumColumnUse[]; valueMap?: EnumValueMap[] }
  /**
   * Renames keep the data: `from`/`to` are names, `origin` says who decided it; `rivals`, the other
   * candidates an assumed rename was chosen over.
   */
  | { kind: 'renameEnum'; schema: string; from: string; to: string; origin: RenameOrigin; rivals?: string[] }
  /** `enum` is the type's name once any rename of the type itself has run. */
  | { kind: 'renameEnumValue'; enum: QualifiedName; from: string; to: string; origin: RenameOrigin; rivals?: string[] }
  | { kind: 'renameTable'; schema: string; from: string; to: string; origin: RenameOrigin; rivals?: string[] }
  /** `table` is the table's name once any rename of the table itself has run. */
  | { kind: 'renameColumn'; table: QualifiedName; from: string; to: string; origin: RenameOrigin; rivals?: string[] }
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
  /**
   * `temporaryDefault`: a NOT NULL column without a default in the model, added to a table that may
   * hold rows, gets this default while it is added (filling the existing rows), then loses it again.
   */
  | { kind: 'addColumn'; table: QualifiedName; column: Column; temporaryDefault?: string }
  | { kind: 'dropColumn'; table: QualifiedName; column: Column }
  /**
   * Type, array dimensions or collation; a `default` on either side is dropped and restored around it.
   * `using`: the user's own conversion (`--using table.column="expr"`), in place of the default cast.
   * `form`: how it runs, decided once by the planner (src/plan/safety.ts): ALTER … TYPE in place, or,
   * when no cast exists and none is given, the expand/contract template; absent means direct.
   */
  | { kind: 'alterColumnType'; table: QualifiedName; from: Column; to: Column; using?: string; form?: TypeChangeForm }
  /** `backfill`: the target's default, written into the NULL rows first so the constraint can hold. */
  | ({ kind: 'setNotNull'; table: QualifiedName; column: string; backfill?: string } & Execution)
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
  | ({ kind: 'addPrimaryKey'; table: QualifiedName; primaryKey: PrimaryKey } & Execution)
  | { kind: 'dropPrimaryKey'; table: QualifiedName; primaryKey: PrimaryKey }
  | ({ kind: 'addForeignKey'; table: QualifiedName; foreignKey: ForeignKey } & Execution)
  | { kind: 'dropForeignKey'; table: QualifiedName; foreignKey: ForeignKey }
  | ({ kind: 'addUnique'; table: QualifiedName; unique: UniqueConstraint } & Execution)
  | { kind: 'dropUnique'; table: QualifiedName; unique: UniqueConstraint }
  | ({ kind: 'addCheck'; table: QualifiedName; check: Check } & Execution)
  | { kind: 'dropCheck'; table: QualifiedName; check: Check }
  | { kind: 'addExclusion'; table: QualifiedName; exclusion: Exclusion }
  | { kind: 'dropExclusion'; table: QualifiedName; exclusion: Exclusion }
  | ({ kind: 'createIndex'; table: QualifiedName; index: Index } & Execution)
  | ({ kind: 'dropIndex'; table: QualifiedName; index: Index } & Execution)
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

/**
 * How a change runs and what the user told it (online variant, backfill, temporary default, custom
 * cast, type change form, enum value mapping) and why it was chosen (rivals) belong to one direction
 * only: the way back is planned afresh.
 */
const ONE_WAY_KEYS = ['online', 'backfill', 'temporaryDefault', 'using', 'form', 'valueMap', 'rivals'] as const;

function withoutOneWayKeys(change: Change): Change {
  if (!ONE_WAY_KEYS.some((k) => k in change)) return change;
  const copy: Record<string, unknown> = { ...change };
  for (const k of ONE_WAY_KEYS) delete copy[k];
  return copy as unknown as Change;
}

/**
 * The change that undoes `change`, so `down` is derived from `up`. invert(invert(c)) equals c except
 * for addEnumValue and the one-way keys above.
 */
export function invert(original: Change): Change {
  const change = withoutOneWayKeys(original);
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
    case 'renameEnum':
    case 'renameEnumValue':
    case 'renameTable':
    case 'renameColumn':
    case 'setEnumComment':
    case 'setDomainComment':
    case 'setSequenceComment':
    case 'setTableComment':
    case 'setColumnComment':
      return swapped(change);
  }
}
