/**
 * The shapes of the catalog query results (src/introspect/sql.ts), as plain data. The pure assembly
 * modules take these, so they can be tested with hand-written rows as well as with live ones.
 */

/** One relation (or one column of it) in scope that a view's or rule's query reads. */
export interface DependencyRow {
  schema: string;
  name: string;
  /** null where the relation is used as a whole (count(*), a row type), not by column. */
  column: string | null;
}

export interface RelationRow {
  schema: string;
  name: string;
  /** pg_class.relkind: r, p, v, m, f or c */
  kind: string;
  is_partition: boolean;
  comment: string | null;
  /** What a view's or materialized view's query reads; null for other kinds and for queries that read nothing in scope. */
  depends_on: DependencyRow[] | null;
}

export interface ColumnRow {
  schema: string;
  table: string;
  position: number;
  name: string;
  data_type: string;
  /** The type is an array type (typcategory 'A'). */
  is_array: boolean;
  enum_schema: string | null;
  enum_name: string | null;
  not_null: boolean;
  /** '' | 'a' (ALWAYS) | 'd' (BY DEFAULT) */
  identity: string;
  /** '' | 's' (STORED) */
  generated: string;
  default_expr: string | null;
  /** Set only when it differs from the type's default collation. */
  collation: string | null;
  collation_schema: string | null;
  comment: string | null;
}

export interface ConstraintRow {
  schema: string;
  table: string;
  name: string;
  /** p, f, u, c or x */
  type: string;
  definition: string;
  columns: string[];
  ref_schema: string | null;
  ref_table: string | null;
  ref_columns: string[];
  /** pg_constraint.confdeltype / confupdtype: a, r, c, n, d (space when not an FK) */
  on_delete: string;
  on_update: string;
  /** f, p, s (space when not an FK) */
  match: string;
  deferrable: boolean;
  deferred: boolean;
  no_inherit: boolean;
  /** NULL on servers before 15 and for non-unique constraints. */
  nulls_not_distinct: boolean | null;
}

export interface IndexElementRow {
  /** Column name, or null at an expression position. */
  column: string | null;
  expression: string | null;
  /** Non-default operator class only. */
  opclass: string | null;
  opclassSchema: string | null;
  /** Non-default collation only. */
  collation: string | null;
  collationSchema: string | null;
  /** pg_index.indoption bits (1 = DESC, 2 = NULLS FIRST); null at INCLUDE positions. */
  option: number | null;
}

export interface IndexRow {
  schema: string;
  table: string;
  name: string;
  unique: boolean;
  method: string;
  key_count: number;
  predicate: string | null;
  nulls_not_distinct: boolean | null;
  elements: IndexElementRow[];
}

export interface EnumRow {
  schema: string;
  name: string;
  values: string[];
  comment: string | null;
}

export interface DomainCheckRow {
  name: string;
  definition: string;
}

export interface DomainRow {
  schema: string;
  name: string;
  data_type: string;
  /** The type is an array type (typcategory 'A'). */
  is_array: boolean;
  not_null: boolean;
  default_expr: string | null;
  collation: string | null;
  collation_schema: string | null;
  checks: DomainCheckRow[] | null;
  comment: string | null;
}

export interface SequenceRow {
  schema: string;
  name: string;
  /** The sequence as regclass prints it (what a nextval() default names). */
  regclass: string;
  data_type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  /** 'a' = OWNED BY (serial), 'i' = identity, null = not owned. */
  owner_dependency: string | null;
  owner_schema: string | null;
  owner_table: string | null;
  owner_column: string | null;
  comment: string | null;
}

export interface ExtensionRow {
  name: string;
  schema: string;
}

export interface UnmanagedRow {
  kind: 'function' | 'procedure' | 'aggregate' | 'trigger' | 'policy' | 'rule' | 'range type';
  schema: string;
  name: string;
  table: string | null;
  /** What a rule's actions read (its own table's columns included); null for other kinds. */
  depends_on: DependencyRow[] | null;
}

/** One use of an object a plan may drop (see USES_SQL). */
export interface UseRow {
  kind: 'type' | 'sequence' | 'table' | 'index' | 'extension';
  schema: string;
  name: string;
  column: string | null;
  user_kind: string;
  user_schema: string | null;
  user_name: string;
  user_column: string | null;
  /** Which part of the relation the user is; null for the relation itself and for non-relations. */
  user_part: 'column' | 'default' | 'constraint' | 'index' | 'rule' | 'trigger' | 'policy' | null;
  user_description: string;
}

/** Everything one read of the catalog returns. */
export interface CatalogRows {
  relations: RelationRow[];
  columns: ColumnRow[];
  constraints: ConstraintRow[];
  indexes: IndexRow[];
  enums: EnumRow[];
  domains: DomainRow[];
  sequences: SequenceRow[];
  extensions: ExtensionRow[];
  /** Names of the schemas in scope that exist. */
  schemas: { name: string }[];
  unmanaged: UnmanagedRow[];
  uses: UseRow[];
  /** The catalog's fingerprint in the read's snapshot (./fingerprint), when asked for. */
  fingerprint?: string;
}
