/**
 * Runner bench: a 1,000-revision chain. Measures the first full upgrade, `upgrade head` when
 * already at head, and the runner's overhead per applied migration against the same SQL sent
 * straight down one connection.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
    return {
      revisions: CHAIN,
      loadMs: round(loadMs),
      firstUpgradeMs: round(firstUpgradeMs),
      upgradeAtHeadMs: round(upgradeAtHeadMs),
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
