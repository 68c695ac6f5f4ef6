/**
 * `npm run bench`: ormdiff's `diff` against TypeORM's own `createSchemaBuilder().log()` on synchronized
 * databases of 100, 1,000 and 3,000 synthetic entities (about 8 columns, an index and a FK each), then
 * the runner bench (bench/runner.ts). Prints a table and writes bench/results.json.
 *
 * Goals: ormdiff ≥ 5x faster than TypeORM at 1,000 entities; a catalog query count that does not grow
 * with the table count; `upgrade head` at head < 1 s and runner overhead < 5 ms per migration over a
 * 1,000-revision chain.
 *
 * BENCH_SIZES=100,1000 narrows the sizes (the CLI run is made for 1,000 when it is among them).
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { compareWithClient, readDesired, type Comparison } from '../src/api/compare';
import type { Project } from '../src/api/project';
import { connect } from '../src/db/connect';
import { describeChange } from '../src/diff/describe';
import { introspect } from '../src/introspect';
import { renderPlanSql } from '../src/render/sql';
import { createTestDatabase, querySql, serverUrl } from '../src/testing/database';
import { forgetEntities, syntheticEntities } from './entities';
import { benchRunner } from './runner';

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,3000').split(',').map((s) => Number(s.trim()));
const CLI_SIZE = 1000;
const RUNS = 3;
/** A TypeORM warm-up slower than this gets one timed run instead of three, to keep the bench under 20 min. */
const SLOW_MS = 60_000;

const REPO = resolve(__dirname, '..', '..');
const BIN = join(REPO, 'bin', 'ormdiff.js');

interface Stages {
  entitiesMs: number;
  connectMs: number;
  compareMs: number;
  renderMs: number;
}

interface SizeResult {
  entities: number;
  tables: number;
  setup: { initializeMs: number; synchronizeMs: number };
  ormdiff: { medianMs: number; runsMs: number[]; stagesMs: Stages; introspectMs: number; catalogQueries: number; changes: number };
  typeorm: { medianMs: number; runsMs: number[]; pendingQueries: number };
  ratio: number;
  cli?: { wallMs: number; exitCode: number | null; output: string };
}

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

function project(url: string, entities: Function[]): Project {
  return {
    cwd: REPO,
    versionSchema: 'public',
    configPath: join(REPO, 'bench', 'generated'),
    dataSourceOptions: { type: 'postgres', url, entities },
    url,
    migrationsDir: join(REPO, 'migrations'),
    include: [],
    exclude: [],
    schemas: [],
  };
}

/** The `ormdiff diff --format sql` pipeline in-process: entities, connect, introspect, normalize, diff, plan, render. */
async function ormdiffDiff(p: Project): Promise<{ comparison: Comparison; sql: string; stages: Stages }> {
  const [entitiesMs, desired] = await timed(() => readDesired(p));
  const [connectMs, client] = await timed(() => connect(p.url!));
  try {
    const [compareMs, comparison] = await timed(() => compareWithClient(client, desired));
    const [renderMs, sql] = await timed(async () => renderPlanSql(comparison.plan, 'up'));
    return { comparison, sql, stages: { entitiesMs, connectMs, compareMs, renderMs } };
  } finally {
    await client.end();
  }
}

/** One warm-up, then the median of RUNS (one run only when the warm-up was very slow). */
async function measure<T>(label: string, fn: () => Promise<T>): Promise<{ runs: number[]; last: T }> {
  const [warmMs, warm] = await timed(fn);
  const n = warmMs > SLOW_MS ? 1 : RUNS;
  if (n < RUNS) log(`    ${label}: warm-up took ${round(warmMs / 1000)} s, timing ${n} run only`);
  const runs: number[] = [];
  let last = warm;
  for (let i = 0; i < n; i++) {
    const [ms, value] = await timed(fn);
    runs.push(ms);
    last = value;
  }
  return { runs, last };
}

function log(line: string): void {
  process.stderr.write(line + '\n');
}

/** A config module the CLI can load: the same synthetic entities, built in the CLI's own process. */
function writeCliConfig(dir: string, size: number, url: string): string {
  const file = join(dir, `ormdiff-bench-${size}.config.js`);
  writeFileSync(
    file,
    [
      `const { syntheticEntities } = require(${JSON.stringify(join(__dirname, 'entities.js'))});`,
      `module.exports = { type: 'postgres', url: ${JSON.stringify(url)}, entities: syntheticEntities(${size}) };`,
      '',
    ].join('\n'),
  );
  return file;
}

function runCli(config: string, url: string): { wallMs: number; exitCode: number | null; output: string } {
  const start = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'diff', '--config', config, '--url', url], { cwd: REPO, encoding: 'utf8' });
  const wallMs = performance.now() - start;
  return { wallMs: round(wallMs), exitCode: r.status, output: `${r.stdout}${r.stderr}`.trim() };
}

/**
 * TypeORM's synchronize() runs in one transaction, and 3,000 new tables (with their sequences, keys and
 * indexes) need more locks than Postgres' default max_locks_per_transaction allows. So the tables come
 * in steps of SYNC_STEP entities (each a prefix of the chain, closed under its FKs), the last step
 * through the data source that is then measured.
 */
const SYNC_STEP = 1000;
async function synchronizeInSteps(dataSource: DataSource, url: string, entities: Function[]): Promise<void> {
  for (let n = SYNC_STEP; n < entities.length; n += SYNC_STEP) {
    const partial = new DataSource({ type: 'postgres', url, entities: entities.slice(0, n) });
    await partial.initialize();
    try {
      await partial.synchronize();
    } finally {
      await partial.destroy();
    }
  }
  await dataSource.synchronize();
}

async function benchSize(size: number, tmp: string): Promise<SizeResult> {
  log(`\n== ${size} entities`);
  const entities = syntheticEntities(size);
  const db = await createTestDatabase('ormdiff_bench');
  const dataSource = new DataSource({ type: 'postgres', url: db.url, entities });
  try {
    const [initializeMs] = await timed(() => dataSource.initialize());
    const [synchronizeMs] = await timed(() => synchronizeInSteps(dataSource, db.url, entities));
    const [{ n: tables }] = await querySql<{ n: number }>(db.url, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    log(`  setup: initialize ${round(initializeMs)} ms, synchronize ${round(synchronizeMs)} ms, ${tables} tables`);

    const p = project(db.url, entities);
    log('  ormdiff diff (in-process)…');
    const ormdiff = await measure('ormdiff', () => ormdiffDiff(p));
    const { comparison, sql, stages } = ormdiff.last;
    const [introspectMs] = await timed(async () => {
      const client = await connect(db.url);
      try {
        return await introspect(client, { schemas: ['public'] });
      } finally {
        await client.end();
      }
    });
    const changes = comparison.changes.length;
    if (changes > 0) {
      log(`  !! ormdiff found ${changes} change(s) on a synchronized database (a bug):`);
      for (const c of comparison.changes.slice(0, 30)) log(`     - ${describeChange(c)}`);
      for (const line of sql.split('\n').slice(0, 40)) log(`     | ${line}`);
    }

    log('  TypeORM createSchemaBuilder().log()…');
    const typeorm = await measure('TypeORM', () => dataSource.driver.createSchemaBuilder().log());
    const pendingQueries = typeorm.last.upQueries.length;
    if (pendingQueries > 0) log(`  note: TypeORM itself still wants ${pendingQueries} quer(ies) after synchronize()`);

    let cli: SizeResult['cli'];
    if (size === CLI_SIZE) {
      log('  ormdiff CLI process…');
      cli = runCli(writeCliConfig(tmp, size, db.url), db.url);
      if (cli.exitCode !== 0 || !cli.output.includes('No changes detected')) log(`  !! CLI exit ${cli.exitCode}: ${cli.output.slice(0, 2000)}`);
    }

    const ormdiffMs = median(ormdiff.runs);
    const typeormMs = median(typeorm.runs);
    return {
      entities: size,
      tables,
      setup: { initializeMs: round(initializeMs), synchronizeMs: round(synchronizeMs) },
      ormdiff: {
        medianMs: round(ormdiffMs),
        runsMs: ormdiff.runs.map((r) => round(r)),
        stagesMs: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, round(v)])) as unknown as Stages,
        introspectMs: round(introspectMs),
        catalogQueries: comparison.catalogQueries,
        changes,
      },
      typeorm: { medianMs: round(typeormMs), runsMs: typeorm.runs.map((r) => round(r)), pendingQueries },
      ratio: round(typeormMs / ormdiffMs, 2),
      ...(cli ? { cli } : {}),
    };
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.drop();
    forgetEntities(entities);
  }
}

function pad(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => String(c).padStart(widths[i])).join(' | ');
}

async function machine(): Promise<Record<string, unknown>> {
  const [{ version, server_version }] = await querySql<{ version: string; server_version: string }>(
    serverUrl(),
    "SELECT version(), current_setting('server_version') AS server_version",
  );
  const typeormPackage = JSON.parse(readFileSync(join(REPO, 'node_modules', 'typeorm', 'package.json'), 'utf8')) as { version: string };
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGb: round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    postgres: server_version,
    postgresVersion: version,
    typeorm: typeormPackage.version,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const info = await machine();
  log(`machine: ${info.cores} cores (${info.cpu}), node ${info.node}, Postgres ${info.postgres}, TypeORM ${info.typeorm}`);
  const tmp = mkdtempSync(join(os.tmpdir(), 'ormdiff-bench-'));
  const results: SizeResult[] = [];
  const failures: { entities: number; error: string }[] = [];
  try {
    for (const size of SIZES) {
      try {
        results.push(await benchSize(size, tmp));
      } catch (error) {
        failures.push({ entities: size, error: String((error as Error)?.stack ?? error) });
        log(`  !! ${size} entities failed: ${(error as Error)?.message ?? error}`);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  log('\n== runner (1,000-revision chain)');
  const runner = await benchRunner();

  const widths = [8, 10, 10, 7, 15, 7];
  const lines = [
    '',
    pad(['size', 'ormdiff ms', 'TypeORM ms', 'ratio', 'catalog queries', 'changes'], widths),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...results.map((r) =>
      pad([r.entities, r.ormdiff.medianMs, r.typeorm.medianMs, `${r.ratio}x`, r.ormdiff.catalogQueries, r.ormdiff.changes], widths),
    ),
    ...failures.map((f) => `${String(f.entities).padStart(widths[0])} | failed: ${f.error.split('\n')[0]}`),
    '',
    'ormdiff stages (last run, ms): entities / connect / introspect+normalize+diff+plan / render; introspect alone',
    ...results.map(
      (r) =>
        `  ${String(r.entities).padStart(5)}: ${r.ormdiff.stagesMs.entitiesMs} / ${r.ormdiff.stagesMs.connectMs} / ${r.ormdiff.stagesMs.compareMs} / ${r.ormdiff.stagesMs.renderMs}; ${r.ormdiff.introspectMs}`,
    ),
  ];
  for (const r of results) if (r.cli) lines.push(
      `CLI \`ormdiff diff\` process at ${r.entities} entities: ${r.cli.wallMs} ms wall (exit ${r.cli.exitCode}, ` +
        `${r.cli.output.includes('No changes detected') ? '"No changes detected"' : 'CHANGES REPORTED'})`,
    );

  const at1000 = results.find((r) => r.entities === 1000);
  const queryCounts = [...new Set(results.map((r) => r.ormdiff.catalogQueries))];
  const allEmpty = results.every((r) => r.ormdiff.changes === 0);
  const goals = {
    ...(at1000 ? { fiveTimesFasterAt1000: at1000.ratio >= 5 } : {}),
    constantCatalogQueries: queryCounts.length === 1,
    synchronizedDiffsEmpty: allEmpty,
    // Both ways: the API call, and the whole `ormdiff upgrade head` process a user runs.
    upgradeAtHeadUnder1s: runner.upgradeAtHeadMs < 1000 && runner.cliUpgradeAtHeadMs < 1000,
    runnerOverheadUnder5msPerMigration: runner.overheadPerMigrationMs < 5,
  };
  lines.push(
    '',
    `runner, ${runner.revisions}-revision chain: load ${runner.loadMs} ms, first upgrade ${runner.firstUpgradeMs} ms, ` +
      `same SQL direct ${runner.directSqlMs} ms, upgrade head at head ${runner.upgradeAtHeadMs} ms in process, ${runner.cliUpgradeAtHeadMs} ms as a CLI process`,
    `  overhead per applied migration ${runner.overheadPerMigrationMs} ms (marginal, startup taken out: ${runner.marginalOverheadPerMigrationMs} ms)`,
    '',
    'goals:',
    ...(at1000 ? [`  ormdiff ≥ 5x faster than TypeORM at 1,000: ${at1000.ratio}x ${mark(goals.fiveTimesFasterAt1000!)}`] : []),
    `  catalog queries constant across sizes: ${queryCounts.join(', ')} ${mark(goals.constantCatalogQueries)}`,
    `  synchronized databases diff empty: ${mark(allEmpty)}`,
    `  upgrade head at head < 1 s: ${runner.upgradeAtHeadMs} ms in process, ${runner.cliUpgradeAtHeadMs} ms CLI ${mark(goals.upgradeAtHeadUnder1s)}`,
    `  runner overhead < 5 ms per migration: ${runner.overheadPerMigrationMs} ms ${mark(goals.runnerOverheadUnder5msPerMigration)}`,
    '',
    `total bench time: ${round((performance.now() - started) / 1000)} s`,
  );
  console.log(lines.join('\n'));

  const out = join(REPO, 'bench', 'results.json');
  writeFileSync(
    out,
    JSON.stringify({ date: new Date().toISOString(), machine: info, sizes: results, ...(failures.length ? { failures } : {}), runner, goals, totalSeconds: round((performance.now() - started) / 1000) }, null, 2) + '\n',
  );
  console.log(`results written to ${out}`);
  if (!allEmpty || failures.length > 0) process.exitCode = 1;
}

const mark = (ok: boolean): string => (ok ? 'OK' : 'MISSED');

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
