/**
 * canonicalType() against real Postgres: for every TypeORM Postgres type (and the usual length/precision
 * variants) the SQL type TypeORM's own driver writes is created in a table, and format_type() must print
 * exactly what canonicalType() says.
 */
import { Client } from 'pg';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { canonicalType, typeOrmTypeName, type TypeSpec } from '../../src/entities/types';
import { createTestDatabase, execSql, type TestDatabase } from '../../src/testing/database';

/** Types that need an extension we can install here; postgis and pgvector are not available. */
const UNTESTABLE = new Set(['enum', 'geometry', 'geography', 'vector', 'halfvec']);

const driver = new PostgresDriver();

const specs: TypeSpec[] = [
  ...driver.supportedDataTypes.filter((t) => !UNTESTABLE.has(t as string)).map((type) => ({ type: type as string })),
  { type: String },
  { type: Number },
  { type: Date },
  { type: Boolean },
  { type: 'simple-array' },
  { type: 'simple-json' },
  { type: 'varchar', length: 255 },
  { type: 'character varying', length: '40' },
  { type: String, length: 12 },
  { type: 'char', length: 2 },
  { type: 'character', length: 10 },
  { type: 'bit', length: 8 },
  { type: 'varbit', length: 5 },
  { type: 'bit varying', length: 64 },
  { type: 'numeric', precision: 10, scale: 2 },
  { type: 'decimal', precision: 7 },
  { type: 'numeric', precision: 12, scale: 0 },
  { type: 'numeric', scale: 4 },
  { type: 'timestamp', precision: 3 },
  { type: Date, precision: 0 },
  { type: 'timestamp without time zone', precision: 6 },
  { type: 'timestamptz', precision: 0 },
  { type: 'timestamp with time zone', precision: 3 },
  { type: 'time', precision: 2 },
  { type: 'time without time zone', precision: 0 },
  { type: 'timetz', precision: 4 },
  { type: 'time with time zone', precision: 6 },
  { type: 'interval', precision: 3 },
];

/** The SQL type PostgresQueryRunner.buildCreateColumnSql writes for a plain column of this spec. */
function typeOrmSql(spec: TypeSpec): string {
  const column = { ...spec, length: spec.length === undefined ? '' : String(spec.length), isArray: false };
  return driver.createFullType({ ...column, type: driver.normalizeType(column as never) } as never);
}

describe('canonicalType against format_type()', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('ormdiff_types');
    await execSql(db.url, 'CREATE EXTENSION citext; CREATE EXTENSION hstore; CREATE EXTENSION ltree; CREATE EXTENSION cube;');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it(`matches Postgres for all ${specs.length} TypeORM spellings`, async () => {
    const columns = specs.map((s, i) => `c${i} ${typeOrmSql(s)}`);
    await execSql(db.url, `CREATE TABLE public.zoo (${columns.join(', ')})`);
    const printed = await formatTypes(db.url);
    const describe = (s: TypeSpec): string => JSON.stringify({ ...s, type: typeof s.type === 'function' ? s.type.name : s.type });
    const actual = printed.map((r, i) => `${describe(specs[i])} -> ${r.type}`);
    const expected = specs.map((s) => `${describe(s)} -> ${canonicalType(s)}`);
    expect(actual).toEqual(expected);
  });

  it('schema-qualifies extension types with the schema they are installed in', () => {
    expect(canonicalType({ type: 'citext' }, 'ext')).toBe('ext.citext');
    expect(canonicalType({ type: 'vector', length: 3 })).toBe('public.vector(3)');
    expect(canonicalType({ type: 'geometry', spatialFeatureType: 'Point', srid: 4326 })).toBe('public.geometry(Point,4326)');
  });

  it('refuses design types TypeORM cannot store', () => {
    expect(() => typeOrmTypeName(Object as never)).toThrow('unsupported column design type Object');
    expect(typeOrmTypeName('simple-enum')).toBe('enum');
  });
});

/** format_type() of every column of public.zoo, with search_path = '' as the model's spelling requires. */
async function formatTypes(url: string): Promise<{ name: string; type: string }[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET search_path = ''`);
    const result = await client.query<{ name: string; type: string }>(
      `SELECT a.attname AS name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
         FROM pg_catalog.pg_attribute a WHERE a.attrelid = 'public.zoo'::regclass AND a.attnum > 0 ORDER BY a.attnum`,
    );
    return result.rows;
  } finally {
    await client.end();
  }
}
