/**
 * Runner bench: a 1,000-revision chain. Measures the first full upgrade, `upgrade head` when
 * already at head, and the runner's overhead per applied migration against the same SQL sent
 * straight down one connection.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadGraph } from '../src/runner/load';
import { upgrade } from '../src/runner/migrate';
import { fileNameFor, migrationSourceUnformatted } from '../src/runner/template';
import { createTestDatabase } from '../src/testing/database';

const CHAIN = 1000;

function writeChain(dir: string): string[] {
  const sql: string[] = [];
  let parent: string | null = null;
  for (let i = 0; i < CHAIN; i++) {
    const revision = i.toString(16).padStart(12, '0');
    const statement = `CREATE TABLE "bench_${i}" ("id" integer)`;
    sql.push(statement);
    const message = `bench ${i}`;
    writeFileSync(
      join(dir, fileNameFor(revision, message)),
      migrationSourceUnformatted({
        message,
        revision,
        downRevision: parent,
        createDate: new Date(1_700_000_000_000 + i),
        className: `Bench${1_700_000_000_000 + i}`,
        up: [statement],
        down: [`DROP TABLE "bench_${i}"`],
      }),
    );
    parent = revision;
  }
  return sql;
}

const ROOT = join(__dirname, '..', __dirname.includes('/dist/') ? '..' : '');

/**
 * `ormdiff upgrade head` as a user runs it, a whole process: Node start, config and entity loading,
 * the 1,000 migration files, the connection and the lock. Median of three, in ms.
 */
function cliUpgradeAtHeadMs(migrationsDir: string, url: string): number {
  const project = mkdtempSync(join(tmpdir(), 'ormdiff-bench-cli-'));
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
    mkdirSync(join(project, 'entities'));
    writeFileSync(
      join(project, 'ormconfig.ts'),
      `import { DataSource, EntitySchema } from 'typeorm';\n` +
        `const Note = new EntitySchema({ name: 'Note', tableName: 'notes', columns: { id: { type: 'integer', primary: true } } });\n` +
        `export const ormdiff = { migrationsDir: ${JSON.stringify(migrationsDir)} };\n` +
        `export default new DataSource({ type: 'postgres', entities: [Note] });\n`,
    );
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const run = spawnSync(process.execPath, [join(ROOT, 'bin/ormdiff.js'), 'upgrade', 'head', '--url', url], { cwd: project, encoding: 'utf8' });
      runs.push(performance.now() - start);
      if (run.status !== 0) throw new Error(`ormdiff upgrade head exited ${run.status}: ${run.stderr}`);
    }
    return runs.sort((a, b) => a - b)[1];
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export async function benchRunner(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'ormdiff-bench-runner-'));
  const viaRunner = await createTestDatabase('ormdiff_bench');
  const direct = await createTestDatabase('ormdiff_bench');
  try {
    const statements = writeChain(dir);
    const loadMs = await timed(async () => loadGraph(dir));
    const firstUpgradeMs = await timed(() => upgrade({ url: viaRunner.url, migrationsDir: dir }));
    const atHead: number[] = [];
    for (let i = 0; i < 3; i++) atHead.push(await timed(() => upgrade({ url: viaRunner.url, migrationsDir: dir })));
    atHead.sort((a, b) => a - b);

    const client = new Client({ connectionString: direct.url });
    await client.connect();
    let directSqlMs: number;
    try {
      directSqlMs = await timed(async () => {
        for (const s of statements) await client.query(s);
      });
    } finally {
      await client.end();
    }
    const upgradeAtHeadMs = atHead[1];
    const cliAtHeadMs = cliUpgradeAtHeadMs(dir, viaRunner.url);
    return {
      revisions: CHAIN,
      loadMs: round(loadMs),
      firstUpgradeMs: round(firstUpgradeMs),
      upgradeAtHeadMs: round(upgradeAtHeadMs),
      // The same, as a whole `ormdiff upgrade head` process (what the < 1 s goal is about for a user).
      cliUpgradeAtHeadMs: round(cliAtHeadMs),
      directSqlMs: round(directSqlMs),
      // As specified: everything the runner adds, startup included, spread over the migrations.
      overheadPerMigrationMs: round((firstUpgradeMs - directSqlMs) / CHAIN, 3),
      // The cost of one more migration: fixed startup (load, connect, lock) taken out.
      marginalOverheadPerMigrationMs: round((firstUpgradeMs - upgradeAtHeadMs - directSqlMs) / CHAIN, 3),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await viaRunner.drop();
    await direct.drop();
  }
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

if (require.main === module) {
  benchRunner().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
