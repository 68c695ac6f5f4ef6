/**
 * `import-typeorm`: adopting a project whose database TypeORM's own runner has been migrating.
 * The rows of TypeORM's `migrations` table are matched to revisions by the name TypeORM records
 * (the class's `name`, else its class name), and those revisions are recorded as applied. A folder
 * whose TypeORM migrations are adopted as they are (adopted.ts) reads that table on every run anyway.
 */
import { quoteIdent } from '../sql/quote';
import { withRun, RunOptions } from './context';
import { UsageError } from './errors';
import { ancestorsOf, maximal } from './graph';
import type { RunContext } from './context';
import { appliedSet } from './targets';
import { createTables, historyRecorded, renderScript, Statement, versionChange } from './sql';

export interface ImportTypeormOptions extends Omit<RunOptions, 'typeormTable'> {
  /** TypeORM's `migrationsTableName`. Default `migrations`. */
  typeormTable?: string;
  /** Schema of that table. Default `public`. */
  typeormSchema?: string;
}

export interface ImportResult {
  /** Revisions recorded as applied, parents first. */
  imported: string[];
  /** The version table's heads afterwards. */
  heads: string[];
  /** Names in TypeORM's table that no migration file carries (reported, not imported). */
  unmatched: string[];
  statements: Statement[];
  sql: string;
}

export function importTypeorm(opts: ImportTypeormOptions): Promise<ImportResult> {
  return withRun({ ...opts, typeormTable: { name: opts.typeormTable, schema: opts.typeormSchema } }, async (run) => {
    const { graph, tables } = run;
    if (run.typeorm) return synchronized(run);
    if (run.state.heads.length) {
      throw new UsageError(`The database already records revisions (${run.state.heads.join(', ')}); use \`ormdiff stamp\` to change them`);
    }
    const table = `${quoteIdent(opts.typeormSchema ?? 'public')}.${quoteIdent(opts.typeormTable ?? 'migrations')}`;
    const [{ found }] = await run.session.direct<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [table]);
    if (!found) throw new UsageError(`There is no TypeORM migrations table ${table} in this database`);
    const names = (await run.session.direct<{ name: string }>(`SELECT "name" FROM ${table} ORDER BY "id"`)).map((r) => r.name);

    const byName = new Map<string, string>();
    for (const rev of graph.nodes.values()) {
      const other = byName.get(rev.typeormName);
      if (other) throw new UsageError(`Two revisions carry the TypeORM name ${rev.typeormName}: ${other} and ${rev.revision}`);
      byName.set(rev.typeormName, rev.revision);
    }
    const applied = new Set(names.filter((n) => byName.has(n)).map((n) => byName.get(n)!));
    const unmatched = names.filter((n) => !byName.has(n));
    for (const id of applied) {
      const missing = [...ancestorsOf(graph, [id])].filter((a) => !applied.has(a));
      if (missing.length) {
        const rev = graph.nodes.get(id)!;
        throw new UsageError(
          `TypeORM's table records ${rev.typeormName} (${rev.file}) but not its ancestor(s) ${missing.map((m) => graph.nodes.get(m)!.typeormName).join(', ')}: ` +
            'the files and the database disagree; fix the downRevision chain or record the state with `ormdiff stamp`',
        );
      }
    }
    const imported = graph.order.filter((id) => applied.has(id));
    const heads = maximal(graph, applied);
    if (imported.length === 0) return { imported, heads, unmatched, statements: [], sql: '' };

    for (const s of createTables(tables)) await run.session.exec(s);
    await run.session.runner.startTransaction();
    try {
      for (const s of versionChange(tables, [], heads)) await run.session.exec(s);
      const rows = imported.map((id) => {
        const rev = graph.nodes.get(id)!;
        return { revision: id, operation: 'import' as const, direction: 'up' as const, checksum: rev.checksum, file: rev.file, ranBy: run.ranBy, message: `from TypeORM's ${table}` };
      });
      for (const s of historyRecorded(tables, rows)) await run.session.exec(s);
      await run.session.runner.commitTransaction();
    } catch (err) {
      if (run.session.runner.isTransactionActive) await run.session.runner.rollbackTransaction().catch(() => undefined);
      throw err;
    }
    return { imported, heads, unmatched, statements: run.session.statements, sql: renderScript(run.session.statements) };
  });
}

/**
 * A folder of adopted TypeORM migrations needs no import: TypeORM's table is already the applied state
 * (typeorm-table.ts); this only writes ormdiff's version table to match it now.
 */
async function synchronized(run: RunContext): Promise<ImportResult> {
  const applied = appliedSet(run.graph, run.state.heads);
  const imported = run.graph.order.filter((id) => applied.has(id));
  if (run.sync.length === 0) return { imported, heads: run.state.heads, unmatched: [], statements: [], sql: '' };
  for (const s of createTables(run.tables)) await run.session.exec(s);
  await run.session.runner.startTransaction();
  try {
    for (const s of run.sync) await run.session.exec(s);
    await run.session.runner.commitTransaction();
  } catch (err) {
    if (run.session.runner.isTransactionActive) await run.session.runner.rollbackTransaction().catch(() => undefined);
    throw err;
  }
  return { imported, heads: run.state.heads, unmatched: [], statements: run.session.statements, sql: renderScript(run.session.statements) };
}
