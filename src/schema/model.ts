/**
 * The neutral schema model. Both sources (the catalog introspector and the TypeORM entity reader)
 * produce this shape, and everything downstream (diff, plan, render) reads only this shape.
 *
 * Canonical forms, fixed here once:
 * - Every name is the exact, unquoted identifier as Postgres stores it ("Users" stays "Users").
 * - `Column.dataType` is what `format_type(atttypid, atttypmod)` prints while `search_path = ''`
 *   (so built-ins read `character varying(255)`, `timestamp(3) with time zone`, `integer`, and
 *   user-defined types are schema-qualified and quoted where needed: `public.cards_status_enum`),
 *   with array brackets removed (see `arrayDims`). `src/schema/types.ts` converts other spellings.
 * - Expressions (defaults, CHECK bodies, index predicates/expressions, generated columns) are what
 *   `pg_get_expr` / `pg_get_constraintdef` print while `search_path = ''`.
 *   The entity reader cannot always produce that text itself; `src/normalize` asks Postgres.
 * - Collections are sorted by name so that two models of one schema are deep-equal.
 */

export interface QualifiedName {
  schema: string;
  name: string;
}

export interface Schema {
  /** Schemas this model covers (the managed set); objects elsewhere are neither read nor dropped. */
  schemas: string[];
  extensions: Extension[];
  enums: EnumType[];
  domains: Domain[];
  sequences: Sequence[];
  tables: Table[];
  /** Objects seen in the catalog that ormdiff does not model; reported, never dropped. */
  unmanaged: UnmanagedObject[];
}

export interface Extension {
  name: string;
  schema: string;
}

export interface EnumType extends QualifiedName {
  /** In sort order (pg_enum.enumsortorder). */
  values: string[];
  comment?: string;
}

export interface Domain extends QualifiedName {
  dataType: string;
  arrayDims: number;
  notNull: boolean;
  default?: string;
  collation?: string;
  checks: Check[];
  comment?: string;
}

export interface SequenceOptions {
  /** `smallint` | `integer` | `bigint` */
  dataType: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
}

/** A free-standing sequence (not owned by a serial or identity column: those live on the column). */
export interface Sequence extends QualifiedName, SequenceOptions {
  /** `table.column` it is OWNED BY, when it is owned but not used as a serial default. */
  ownedBy?: { table: QualifiedName; column: string };
  comment?: string;
}

/**
 * Where a column's value comes from when an INSERT does not give one. A column has exactly one of
 * these, which is what Postgres enforces too (an identity or generated column has no default).
 */
export type ColumnValueSource =
  | { kind: 'none' }
  | { kind: 'default'; expression: string }
  /** `serial`/`bigserial`: an owned sequence and a `nextval` default; the sequence is the column's. */
  | { kind: 'serial'; sequence: QualifiedName }
  | { kind: 'identity'; generation: 'ALWAYS' | 'BY DEFAULT'; sequence: QualifiedName & SequenceOptions }
  | { kind: 'generated'; expression: string };

export interface Column {
  name: string;
  /** Canonical type without array brackets (see the file comment). */
  dataType: string;
  /** 0 for a scalar; Postgres does not enforce dimensions, so `int[]` and `int[][]` both read as 1. */
  arrayDims: number;
  /** Set when `dataType` is a user-defined enum, so the planner can order type changes first. */
  enumType?: QualifiedName;
  nullable: boolean;
  valueSource: ColumnValueSource;
  /** Only when it differs from the type's default collation. */
  collation?: string;
  comment?: string;
}

export type ReferentialAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';

export interface PrimaryKey {
  name: string;
  columns: string[];
}

export interface ForeignKey {
  name: string;
  columns: string[];
  references: QualifiedName & { columns: string[] };
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
  deferrable: 'NOT DEFERRABLE' | 'DEFERRABLE INITIALLY IMMEDIATE' | 'DEFERRABLE INITIALLY DEFERRED';
  /** `MATCH FULL` etc. are rare; SIMPLE is the default. */
  match: 'SIMPLE' | 'FULL' | 'PARTIAL';
}

export interface UniqueConstraint {
  name: string;
  columns: string[];
  nullsNotDistinct: boolean;
  deferrable: ForeignKey['deferrable'];
}

export interface Check {
  name: string;
  /** The boolean expression, as `pg_get_constraintdef` prints it after `CHECK `, parentheses included. */
  expression: string;
  noInherit?: boolean;
}

export interface Exclusion {
  name: string;
  /** Everything after `EXCLUDE ` in `pg_get_constraintdef`, e.g. `USING gist (room WITH =, during WITH &&)`. */
  definition: string;
}

export interface IndexElement {
  /** Either a column name or an expression (as pg_get_indexdef prints it for that position). */
  kind: 'column' | 'expression';
  value: string;
  collation?: string;
  /** Non-default operator class only. */
  opclass?: string;
  descending: boolean;
  /** Only when it differs from the default for the direction (NULLS LAST for ASC, NULLS FIRST for DESC). */
  nullsFirst?: boolean;
}

export interface Index {
  name: string;
  unique: boolean;
  /** `btree`, `gin`, `gist`, `hash`, `brin`, `spgist`, … */
  method: string;
  elements: IndexElement[];
  include: string[];
  where?: string;
  nullsNotDistinct: boolean;
}

export interface Table extends QualifiedName {
  columns: Column[];
  primaryKey?: PrimaryKey;
  foreignKeys: ForeignKey[];
  uniques: UniqueConstraint[];
  checks: Check[];
  exclusions: Exclusion[];
  /** Only indexes that do not back a constraint (PK/UNIQUE/EXCLUDE indexes live with the constraint). */
  indexes: Index[];
  comment?: string;
}

export type UnmanagedKind =
  | 'view'
  | 'materialized view'
  | 'function'
  | 'procedure'
  | 'aggregate'
  | 'trigger'
  | 'policy'
  | 'rule'
  | 'partition'
  | 'partitioned table'
  | 'foreign table'
  | 'composite type'
  | 'range type'
  | 'extension object';

/**
 * A relation in scope that a view's, materialized view's or rule's query uses directly: by the
 * `columns` it names (sorted), or, when `columns` is empty, only as a whole (count(*), a row type).
 * Postgres refuses to drop the relation, and to drop or retype a listed column, while the user exists.
 */
export interface UnmanagedDependency {
  table: QualifiedName;
  columns: string[];
}

export interface UnmanagedObject {
  kind: UnmanagedKind;
  schema: string;
  name: string;
  /** For triggers, policies and rules: the table they are on. */
  table?: string;
  /**
   * Views, materialized views and rules: the relations in scope (tables, and views a view is built
   * on) they read directly, sorted by name; absent when they read none. Indirect uses (a view over a
   * view over a table) follow from the chain.
   */
  dependsOn?: UnmanagedDependency[];
}

/**
 * What a column means to the application, which the catalog cannot tell (TypeORM's special columns).
 * Kept beside the model, not in it, so both sources still produce identical models; the planner uses
 * it to pick a temporary default when such a column is added NOT NULL to a table with rows.
 */
export type ColumnRole = 'version' | 'createDate' | 'updateDate' | 'deleteDate';

export interface ColumnRoleOf {
  table: QualifiedName;
  column: string;
  role: ColumnRole;
}

export const emptySchema = (schemas: string[] = ['public']): Schema => ({
  schemas: [...schemas].sort(),
  extensions: [],
  enums: [],
  domains: [],
  sequences: [],
  tables: [],
  unmanaged: [],
});

/** Printable ASCII without `"` or `\`: what JSON.stringify writes between quotes as it is. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * `JSON.stringify(text)`, twice as fast for the usual identifier: map keys are made for every table and
 * column on each diff.
 */
export const jsonString = (text: string): string => (PLAIN.test(text) ? `"${text}"` : JSON.stringify(text));

/**
 * A map key for (schema, name) that no pair of identifiers can collide on (names may contain dots):
 * `JSON.stringify([schema, name])`.
 */
export const qualifiedKey = (q: QualifiedName): string => `[${jsonString(q.schema)},${jsonString(q.name)}]`;

/** `schema.name`, for messages, file names and the include/exclude patterns users write. */
export const qualifiedText = (q: QualifiedName): string => `${q.schema}.${q.name}`;

/**
 * The model's one order: code units, not locale, so it gives the same answer on every machine and
 * for both model sources, or two reads of one schema would not be deep-equal.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const byName = <T extends { name: string }>(a: T, b: T): number => compareStrings(a.name, b.name);

export const byQualifiedName = <T extends QualifiedName>(a: T, b: T): number =>
  compareStrings(a.schema, b.schema) || compareStrings(a.name, b.name);
