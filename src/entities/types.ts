/**
 * TypeORM column types → the canonical spelling of the model (what `format_type(atttypid, atttypmod)`
 * prints with `search_path = ''`). Mirrors PostgresDriver.normalizeType + createFullType of TypeORM 1.1,
 * so the type here is the type TypeORM's CREATE TABLE actually produces.
 */
import { formatIdent } from '../sql/quote';

/** A column's type as TypeORM metadata holds it: a name, or a design type (String, Number, Date, Boolean). */
export type TypeOrmColumnType = string | ((...args: never[]) => unknown);

export interface TypeSpec {
  type: TypeOrmColumnType;
  length?: string | number;
  precision?: number | null;
  scale?: number | null;
  spatialFeatureType?: string;
  srid?: number;
}

/** Design types and aliases TypeORM renames before writing SQL (PostgresDriver.normalizeType). */
const ALIASES: Record<string, string> = {
  int: 'integer',
  int4: 'integer',
  int2: 'smallint',
  int8: 'bigint',
  varchar: 'character varying',
  char: 'character',
  varbit: 'bit varying',
  timestamp: 'timestamp without time zone',
  timestamptz: 'timestamp with time zone',
  time: 'time without time zone',
  timetz: 'time with time zone',
  bool: 'boolean',
  decimal: 'numeric',
  float: 'double precision',
  float8: 'double precision',
  float4: 'real',
  'simple-array': 'text',
  'simple-json': 'text',
  'simple-enum': 'enum',
};

/** Types installed by an extension: format_type qualifies them with the extension's schema. */
export const EXTENSION_TYPES: Record<string, string> = {
  citext: 'citext',
  hstore: 'hstore',
  ltree: 'ltree',
  cube: 'cube',
  geometry: 'postgis',
  geography: 'postgis',
  vector: 'vector',
  halfvec: 'vector',
};

/** TypeORM's own name for the type after its aliasing (`enum` for enums). */
export function typeOrmTypeName(type: TypeOrmColumnType | undefined): string {
  if (type === Number) return 'integer';
  if (type === String) return 'character varying';
  if (type === Date) return 'timestamp without time zone';
  if (type === Boolean) return 'boolean';
  if (typeof type !== 'string') {
    throw new Error(`unsupported column design type ${String((type as { name?: string })?.name ?? type)}`);
  }
  return ALIASES[type] ?? type;
}

const hasValue = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;

/**
 * Canonical type of a non-enum column, without array brackets. `extensionSchema` is where TypeORM's
 * CREATE EXTENSION put citext/hstore/… (the connection's current schema).
 */
export function canonicalType(spec: TypeSpec, extensionSchema = 'public'): string {
  const name = typeOrmTypeName(spec.type);
  const length = hasValue(spec.length) && String(spec.length) !== '' ? String(spec.length) : undefined;
  const p = hasValue(spec.precision) ? spec.precision : undefined;
  const s = hasValue(spec.scale) ? spec.scale : undefined;
  switch (name) {
    case 'character varying':
    case 'bit varying':
      return length ? `${name}(${length})` : name;
    case 'character':
    case 'bit':
      // Postgres reads a bare `character`/`bit` as length 1.
      return `${name}(${length ?? 1})`;
    case 'numeric':
      // createFullType drops a scale given without a precision.
      if (p === undefined) return 'numeric';
      return `numeric(${p},${s ?? 0})`;
    case 'timestamp without time zone':
    case 'timestamp with time zone':
    case 'time without time zone':
    case 'time with time zone': {
      const [base, ...zone] = name.split(' ');
      return p === undefined ? name : `${base}(${p}) ${zone.join(' ')}`;
    }
    case 'interval':
      return p === undefined ? 'interval' : `interval(${p})`;
    case 'geometry':
    case 'geography': {
      const mods = [spec.spatialFeatureType, spec.spatialFeatureType !== undefined ? spec.srid : undefined]
        .filter(hasValue)
        .join(',');
      return `${formatIdent(extensionSchema)}.${name}${mods ? `(${mods})` : ''}`;
    }
    case 'vector':
    case 'halfvec':
      return `${formatIdent(extensionSchema)}.${name}${length ? `(${length})` : ''}`;
    case 'enum':
      throw new Error('enum columns take their type from the enum type name, not canonicalType()');
    default:
      if (EXTENSION_TYPES[name]) return `${formatIdent(extensionSchema)}.${name}`;
      return name;
  }
}

/** The base integer types a serial or identity column may have, with their sequences' maximum. */
export const INTEGER_MAX: Record<string, string> = {
  smallint: '32767',
  integer: '2147483647',
  bigint: '9223372036854775807',
};
