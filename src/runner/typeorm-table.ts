/**
 * TypeORM's own `migrations` table (id, timestamp, name) as the applied state of a folder that holds
 * adopted TypeORM migrations (adopted.ts). The two tables are kept in agreement both ways:
 *
 * - reading: when TypeORM's table says something else than ormdiff's version table, TypeORM ran or
 *   reverted migrations since ormdiff last did (ormdiff writes both, so it cannot be ormdiff's doing),
 *   and TypeORM's table wins; the version table is brought into line by the next command that writes.
 *   Only when TypeORM's table is missing or empty while ormdiff's records revisions does ormdiff's win
 *   (a database ormdiff migrated before the folder was adopted): its rows are written into TypeORM's.
 * - writing: every step ormdiff applies or reverts inserts or deletes its row, in the same transaction
 *   as the version-table change, exactly as TypeORM's runner would.
 */
import { typeorm } from '../typeorm';
import { quoteIdent, quoteLiteral } from '../sql/quote';
import { UsageError } from './errors';
import { ancestorsOf, maximal } from './graph';
import type { LoadedRevision, MigrationGraph } from './load';
import type { Session } from './session';
import { historyRecorded, HistoryRow, Statement, Tables, versionChange } from './sql';
import type { DbState } from './state';
import { appliedSet } from './targets';

/** TypeORM's `migrationsTableName` and the DataSource's `schema`. */
export interface TypeormTable {
  /** Default `migrations`. */
  name?: string;
  /** Default `public`. */
  schema?: string;
  /** The DataSource's own `migrations` are this folder: TypeORM runs it too, whether or not it holds adopted files. */
  shared?: boolean;
}

export interface TypeormTableRef {
  name: string;
  schema: string;
  /** `"schema"."name"`. */
  qualified: string;
}

export function typeormTableRef(t: TypeormTable | undefined): TypeormTableRef {
  const name = t?.name ?? 'migrations';
  const schema = t?.schema ?? 'public';
  return { name, schema, qualified: `${quoteIdent(schema)}.${quoteIdent(name)}` };
}

/**
 * Whether TypeORM's table is the applied state: the folder holds adopted TypeORM migrations, or the
 * project's DataSource runs this folder (after a squash of the whole history, say, nothing is adopted any more).
 */
export function usesTypeormTable(graph: MigrationGraph, table?: TypeormTable): boolean {
  if (table?.shared) return true;
  for (const rev of graph.nodes.values()) if (rev.adopted) return true;
  return false;
}

/** The table as TypeORM's `createMigrationsTableIfNotExist` makes it on PostgreSQL, its primary key named as TypeORM names it. */
export function createTypeormTable(t: TypeormTableRef): Statement[] {
  const pk = new (typeorm().DefaultNamingStrategy)().primaryKeyName(t.name, ['id']);
  return [
    ...(t.schema !== 'public' ? [{ sql: `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(t.schema)}` }] : []),
    {
      sql:
        `CREATE TABLE IF NOT EXISTS ${t.qualified} ("id" SERIAL NOT NULL, "timestamp" bigint NOT NULL, ` +
        `"name" character varying NOT NULL, CONSTRAINT ${quoteIdent(pk)} PRIMARY KEY ("id"))`,
    },
  ];
}

/** The row TypeORM's runner inserts after `up` and deletes after `down`. */
export function typeormRowChange(t: TypeormTableRef, rev: Pick<LoadedRevision, 'typeormName' | 'timestamp'>, direction: 'up' | 'down'): Statement {
  const timestamp = String(rev.timestamp ?? 0);
  return direction === 'up'
    ? { sql: `INSERT INTO ${t.qualified} ("timestamp", "name") VALUES (${timestamp}, ${quoteLiteral(rev.typeormName)})` }
    : { sql: `DELETE FROM ${t.qualified} WHERE "timestamp" = ${timestamp} AND "name" = ${quoteLiteral(rev.typeormName)}` };
}

/** TypeORM's table in the order it ran them, or undefined when there is none. */
async function readTypeormNames(session: Session, t: TypeormTableRef): Promise<string[] | undefined> {
  const [{ found }] = await session.direct<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [t.qualified]);
  if (!found) return undefined;
  return (await session.direct<{ name: string }>(`SELECT "name" FROM ${t.qualified} ORDER BY "id"`)).map((r) => r.name);
}

export interface TypeormReconciled {
  /** The state with the heads TypeORM's table implies. */
  state: DbState;
  /** What the next writing command runs first so the two tables agree. */
  sync: Statement[];
}

/**
 * The applied state when TypeORM's table is the reference (see the top of this file). `ranBy` signs the
 * history rows of the synchronisation.
 */
export async function reconcileWithTypeorm(
  session: Session,
  tables: Tables,
  graph: MigrationGraph,
  state: DbState,
  table: TypeormTable | undefined,
  ranBy: string,
): Promise<TypeormReconciled> {
  const t = typeormTableRef(table);
  if (!session.connected) return { state, sync: [] };
  const names = await readTypeormNames(session, t);
  const known = state.heads.filter((h) => graph.nodes.has(h));
  const recorded = appliedSet(graph, known);
  if (!names || names.length === 0) {
    // ormdiff's version table (possibly empty) is the reference: TypeORM's table gets its rows.
    const rows = graph.order.filter((id) => recorded.has(id)).map((id) => typeormRowChange(t, graph.nodes.get(id)!, 'up'));
    return { state, sync: [...createTypeormTable(t), ...rows] };
  }
  const byName = new Map<string, LoadedRevision>();
  for (const rev of graph.nodes.values()) byName.set(rev.typeormName, rev);
  const applied = new Set(names.filter((n) => byName.has(n)).map((n) => byName.get(n)!.revision));
  for (const id of applied) {
    const missing = [...ancestorsOf(graph, [id])].filter((a) => !applied.has(a));
    if (missing.length) {
      const rev = graph.nodes.get(id)!;
      throw new UsageError(
        `${t.qualified} records ${rev.typeormName} (${rev.file}) but not the earlier ${graph.nodes.get(missing[0])!.typeormName}` +
          `${missing.length > 1 ? ` and ${missing.length - 1} more` : ''}: run the missing one(s) with \`typeorm migration:run\`, or delete the row and \`ormdiff upgrade\``,
      );
    }
  }
  const same = applied.size === recorded.size && [...applied].every((id) => recorded.has(id));
  if (same && known.length === state.heads.length) return { state, sync: [] };
  const heads = maximal(graph, applied);
  const row = (id: string, direction: 'up' | 'down'): HistoryRow => {
    const rev = graph.nodes.get(id)!;
    return { revision: id, operation: 'import', direction, checksum: rev.checksum, file: rev.file, ranBy, message: `as ${t.qualified} records (TypeORM's runner)` };
  };
  const sync = [
    ...versionChange(tables, state.heads, heads),
    ...historyRecorded(tables, [
      ...graph.order.filter((id) => recorded.has(id) && !applied.has(id)).reverse().map((id) => row(id, 'down')),
      ...graph.order.filter((id) => applied.has(id) && !recorded.has(id)).map((id) => row(id, 'up')),
    ]),
  ];
  return { state: { ...state, heads }, sync };
}
