/**
 * The places where TypeORM 0.3 and 1.x differ in what ormdiff reads or in what their Postgres driver
 * would create. Each is decided by asking the installed copy (a property, a method, the SQL its query
 * runner writes), never by its version string, so a release in between is read the way it behaves.
 * Nothing here connects: a query runner is created only to have it spell one column, and never used.
 */
import type { DataSource, EntityMetadata, Table, TableColumn } from 'typeorm';
import { typeorm } from '../typeorm';
import { normalizeDatetimeFunction } from './defaults';

/** The DataSource a metadata was built by: `dataSource` from 1.0, `connection` in 0.3. */
export function metadataDataSource(metadata: EntityMetadata): DataSource {
  const m = metadata as unknown as { dataSource?: DataSource; connection?: DataSource };
  const ds = m.dataSource ?? m.connection;
  if (!ds) throw new Error(`entity ${metadata.name}: its metadata has no DataSource (not built by TypeORM?)`);
  return ds;
}

/**
 * Whether the installed driver installs the extensions listed in DataSourceOptions.extensions on
 * connect. The option came with 1.0 (PostgresDriver.enableCustomExtensions); 0.3 ignores it.
 */
export function installsListedExtensions(dataSource: DataSource): boolean {
  return typeof (dataSource.driver as unknown as { enableCustomExtensions?: unknown }).enableCustomExtensions === 'function';
}

/** How the installed Postgres driver writes a column into CREATE TABLE, where releases differ. */
export interface DriverBehaviour {
  /**
   * Whether a `GENERATED ALWAYS AS (…) STORED` column still gets NOT NULL and COLLATE. Early 0.3
   * releases left both out (so such a column is nullable whatever the entity says); later ones do not.
   */
  storedColumnConstraints: boolean;
  /**
   * What a `default: () => '…'` becomes. 1.x rewrites only an exact datetime keyword; 0.3 rewrites any
   * expression that merely contains one (`date_trunc('day', CURRENT_TIMESTAMP)` → `now()`).
   */
  datetimeFunction(value: string): string;
}

interface PostgresInternals {
  createQueryRunner(mode: 'master'): { buildCreateColumnSql?(table: Table, column: TableColumn): string };
  normalizeDatetimeFunction?(value: string): string;
}

const behaviours = new WeakMap<object, DriverBehaviour>();

function probeStoredColumnConstraints(driver: PostgresInternals): boolean {
  const runner = driver.createQueryRunner('master');
  // The 1.x behaviour when a future release renames the method: it is the one the current code models.
  if (typeof runner.buildCreateColumnSql !== 'function') return true;
  const { Table: TypeormTable, TableColumn: TypeormTableColumn } = typeorm();
  const column = new TypeormTableColumn({ name: 'probe', type: 'integer', isNullable: false, generatedType: 'STORED', asExpression: '1' });
  return / NOT NULL\b/.test(runner.buildCreateColumnSql(new TypeormTable({ name: 'probe', columns: [column] }), column));
}

export function driverBehaviour(metadata: EntityMetadata): DriverBehaviour {
  const driver = metadataDataSource(metadata).driver as unknown as PostgresInternals;
  let found = behaviours.get(driver);
  if (!found) {
    const own = driver.normalizeDatetimeFunction;
    found = {
      storedColumnConstraints: probeStoredColumnConstraints(driver),
      datetimeFunction: typeof own === 'function' ? (value) => own.call(driver, value) : normalizeDatetimeFunction,
    };
    behaviours.set(driver, found);
  }
  return found;
}
