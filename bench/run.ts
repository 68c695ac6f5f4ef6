/**
 * `npm run bench [-- --sizes 100,1000,3000,10000 --runs 3 --skip realworld,check --timeout 30 --runner]`:
 * whole processes, as a user runs them, on the same database in one run:
 * - `ormdiff diff` (bin/ormdiff.js, ORMDIFF_TIMINGS=1 for its stages and round trips),
 * - `typeorm migration:generate --dryrun --check` (TypeORM's own CLI, the project's TypeScript loaded by
 *   @swc-node/register, the fastest loader TypeORM users have),
 * - `pg_dump --schema-only` (the floor: reading the catalog at all),
 * on a generated model written the way users write one (bench/model.ts) with the database in sync, at
 * each size; then on the vendored real-world apps (test/realworld/*, database brought in sync by
 * applying what ormdiff plans on an empty one); then `ormdiff check` on a project of 200 migrations
 * against TypeORM's `migration:run` of the same migrations. Wall time (median of --runs, the three tools
 * interleaved so they share the machine's load), peak RSS of each process (/usr/bin/time), ratios,
 * ormdiff's first run (caches cold) beside its warm runs, growth exponents between sizes; a process
 * still running after --timeout minutes is stopped and reported as a timeout. Prints a table and
 * writes it to bench/RESULTS.md (figures to bench/results.json); bench/report.ts lays them out.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { keptReadFile } from '../src/api/kept-read';
import { fileNameFor, migrationSourceUnformatted } from '../src/runner/template';
import { createTestDatabase, querySql, serverUrl, withClient } from '../src/testing/database';
import { benchRunner } from './runner';
import { expressionIndexStatements, writeProject } from './model';
import { goalLines, growth, growthTable, resultsTable, round, stagesTable, type Row, type Summary } from './report';

const REPO = join(__dirname, '..', __dirname.includes('/dist/') ? '..' : '');
const BIN = join(REPO, 'bin', 'ormdiff.js');
const NODE_MODULES = join(REPO, 'node_modules');
const TYPEORM_CLI = join(NODE_MODULES, 'typeorm', 'cli.js');
const SWC_REGISTER = require.resolve('@swc-node/register', { paths: [REPO] });
const REALWORLD = join(REPO, 'test', 'realworld');

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const SIZES = (flag('sizes') ?? process.env.BENCH_SIZES ?? '100,1000,3000,10000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const RUNS = Number(flag('runs') ?? 3);
const SKIP = new Set((flag('skip') ?? '').split(',').filter(Boolean));
/** A process slower than this is not run again: its single figure is reported. */
const SLOW_MS = 120_000;
/** A process still running after this is stopped and reported as a timeout (`--timeout` minutes). */
const TIMEOUT_MS = Number(flag('timeout') ?? 30) * 60_000;
/** Statements per transaction when bringing a database in sync: one transaction for 10,000 tables runs out of lock slots (max_locks_per_transaction). */
const STATEMENTS_PER_TRANSACTION = 300;

interface ProcessFigure {
  wallMs: number;
  maxRssMb: number;
  exitCode: number | null;
  /** Stopped after TIMEOUT_MS: wallMs is then a lower bound. */
  timedOut?: boolean;
  output: string;
  timings?: { stagesMs: Record<string, number>; roundTrips: number };
}

/**
 * The environment of every timed process: this one's, without NODE_EXTRA_CA_CERTS. Node reads and
 * parses that bundle as it starts (the sandbox this bench first ran in sets it: ~90 ms a process), which
 * adds the same constant to both tools; neither speaks TLS to the bench's server. `nodeStartup` reports
 * what it costs on the machine the bench ran on.
 */
function timedEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** Median wall time of `node -e 0`, as the timed processes start and with this process's environment. */
function nodeStartup(): { timedMs: number; withEnvMs?: number } {
  const time = (env: NodeJS.ProcessEnv) =>
    median(
      Array.from({ length: 5 }, () => {
        const start = performance.now();
        spawnSync(process.execPath, ['-e', '0'], { env });
        return performance.now() - start;
      }),
    );
  const timedMs = round(time(timedEnv()));
  return process.env.NODE_EXTRA_CA_CERTS ? { timedMs, withEnvMs: round(time(process.env)) } : { timedMs };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const log = (line: string): void => void process.stderr.write(line + '\n');

/**
 * One process under /usr/bin/time: wall clock, peak resident memory, exit code, output. coreutils'
 * `timeout` runs it in a process group of its own and kills the whole group at TIMEOUT_MS (then KILL
 * after 30 s more): spawnSync's own timeout would only kill /usr/bin/time, and wait on for the process
 * it leaves behind, which holds the output pipes.
 */
function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): ProcessFigure {
  const timeFile = join(os.tmpdir(), `ormdiff-bench-time-${process.pid}`);
  rmSync(timeFile, { force: true });
  const start = performance.now();
  const r: SpawnSyncReturns<string> = spawnSync('/usr/bin/time', ['-f', '%M', '-o', timeFile, 'timeout', '-k', '30', `${TIMEOUT_MS / 1000}`, command, ...args], {
    cwd: options.cwd,
    env: { ...timedEnv(), NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    maxBuffer: 512 << 20,
    // The last resort, should `timeout` itself hang.
    timeout: TIMEOUT_MS + 120_000,
    killSignal: 'SIGKILL',
  });
  const wallMs = performance.now() - start;
  let maxRssKb = NaN;
  try {
    maxRssKb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
  } catch {
    // Killed: no figure.
  }
  rmSync(timeFile, { force: true });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const line = /^ormdiff-timings (.*)$/m.exec(r.stderr ?? '');
  // 124: `timeout` stopped it with TERM; 137: with KILL.
  const timedOut = r.error !== undefined || r.status === 124 || r.status === 137;
  return {
    wallMs: round(wallMs),
    maxRssMb: round(maxRssKb / 1024),
    exitCode: timedOut ? null : r.status,
    ...(timedOut ? { timedOut } : {}),
    // The head says what failed, the tail how it ended.
    output: output.length > 4000 ? `${output.slice(0, 2000)} … ${output.slice(-2000)}` : output.trim(),
    ...(line ? { timings: JSON.parse(line[1]) as ProcessFigure['timings'] } : {}),
  };
}

const ormdiffDiff = (cwd: string, url: string, extra: string[] = [], register: string[] = []): ProcessFigure =>
  run(process.execPath, [...register, BIN, 'diff', '--url', url, ...extra], { cwd, env: { ORMDIFF_TIMINGS: '1' } });

/**
 * The compiler options TypeORM projects compile with, for @swc-node/register (the real-world apps' own
 * tsconfigs are not vendored), covering the app's files (a tsconfig that matches none is an error to it).
 */
function loaderTsconfig(tmp: string, appDir: string): string {
  const file = join(tmp, `tsconfig.${appDir.split('/').pop()}.json`);
  const compilerOptions = { target: 'es2021', module: 'commonjs', experimentalDecorators: true, emitDecoratorMetadata: true, esModuleInterop: true };
  writeFileSync(file, JSON.stringify({ compilerOptions, include: [join(appDir, '**', '*.ts')] }));
  return file;
}

const typeormGenerate = (cwd: string, dataSource: string, url: string, tsconfig: string, register: string[] = []): ProcessFigure =>
  run(process.execPath, ['-r', SWC_REGISTER, ...register, TYPEORM_CLI, 'migration:generate', join(os.tmpdir(), 'BenchCheck'), '--dryrun', '--check', '-d', dataSource], {
    cwd,
    env: { DATABASE_URL: url, SWC_NODE_PROJECT: tsconfig },
  });

const pgDump = (url: string): ProcessFigure => run('pg_dump', ['--schema-only', '--no-owner', '-f', '/dev/null', url], { cwd: os.tmpdir() });

/**
 * Forgets what ormdiff cached next to the config (compiled TypeScript, Postgres' spelling of the
 * model's expressions) while the bench set the database up, so the first timed run is a cold one.
 */
function clearCaches(configFile: string): void {
  rmSync(join(dirname(configFile), '.ormdiff'), { recursive: true, force: true });
}

/**
 * Forgets only the catalog read the last run kept for the database at `url` (src/api/kept-read.ts): the
 * next run finds its other caches warm but reads the catalog again, as after any change to the database.
 * The last run kept one: a file not there means the bench looks in the wrong place, and would time warm runs.
 */
function forgetCatalog(configFile: string, url: string): void {
  const file = keptReadFile(configFile, url);
  if (!existsSync(file)) throw new Error(`no kept catalog read at ${file}`);
  rmSync(file);
}

/** The statements ormdiff plans to bring the database at `url` to the project's entities (`diff --format json`: no splitting of SQL text). */
function plannedStatements(cwd: string, url: string, extra: string[] = [], register: string[] = []): { up: string[]; transactional: boolean } {
  const r = spawnSync(process.execPath, [...register, BIN, 'diff', ...extra, '--url', url, '--format', 'json'], { cwd, encoding: 'utf8', maxBuffer: 512 << 20, timeout: TIMEOUT_MS, killSignal: 'SIGKILL' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`ormdiff diff on the empty database ${r.error ? `failed (${r.error.message})` : `exited ${r.status}`}: ${(r.stderr ?? '').trim().slice(0, 1000)}`);
  const plan = JSON.parse(r.stdout) as { up: string[]; transactional: boolean };
  return { up: plan.up, transactional: plan.transactional };
}

/**
 * Runs statements (in dependency order) in transactions of STATEMENTS_PER_TRANSACTION, each batch one
 * simple query (an implicit transaction); statements that cannot run in a transaction one at a time.
 */
async function applyInBatches(url: string, statements: readonly string[], transactional = true): Promise<void> {
  const per = transactional ? STATEMENTS_PER_TRANSACTION : 1;
  await withClient(url, async (client) => {
    for (let i = 0; i < statements.length; i += per) {
      const batch = statements.slice(i, i + per);
      try {
        await client.query(batch.join(';\n'));
      } catch (error) {
        throw new Error(`statements ${i + 1}-${i + batch.length} of ${statements.length} (from ${batch[0].slice(0, 120)}): ${(error as Error).message}`);
      }
    }
  });
}

/** Runs each tool RUNS times, interleaved (a slow first run is not repeated), and keeps every figure. */
function interleaved(tools: Record<string, () => ProcessFigure>): Record<string, ProcessFigure[]> {
  const figures: Record<string, ProcessFigure[]> = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [name, tool] of Object.entries(tools)) {
      if (i > 0 && figures[name][0].wallMs > SLOW_MS) continue;
      const figure = tool();
      figures[name].push(figure);
      log(`    ${name}: ${figure.wallMs} ms, ${figure.maxRssMb} MiB, ${figure.timedOut ? 'TIMED OUT' : `exit ${figure.exitCode}`}`);
    }
  }
  return figures;
}

function summarize(figures: ProcessFigure[]): Summary {
  const last = figures[figures.length - 1];
  return {
    medianMs: median(figures.map((f) => f.wallMs)),
    runsMs: figures.map((f) => f.wallMs),
    maxRssMb: Math.max(...figures.map((f) => f.maxRssMb)),
    exitCode: last.exitCode,
    ...(figures.some((f) => f.timedOut) ? { timedOut: true } : {}),
    ...(last.timings ? { stagesMs: last.timings.stagesMs, roundTrips: last.timings.roundTrips } : {}),
  };
}

/** Why a tool's runs are not a clean figure, for the notes: stopped at the timeout, or its exit and output. */
function failureNote(what: string, figures: ProcessFigure[]): string | undefined {
  const stopped = figures.find((f) => f.timedOut);
  if (stopped) return `${what}: stopped after ${TIMEOUT_MS / 60_000} min (timeout); its time is a lower bound`;
  const failed = figures.find((f) => f.exitCode !== 0);
  return failed ? `${what}: exit ${failed.exitCode}: ${failed.output.slice(0, 300)}` : undefined;
}

async function benchSize(size: number, tmp: string): Promise<Row> {
  log(`\n== ${size} entities`);
  const dir = join(tmp, `model-${size}`);
  writeProject(dir, size, NODE_MODULES);
  const db = await createTestDatabase('ormdiff_bench');
  try {
    // In sync: what ormdiff plans for the empty database, then the expression indexes TypeORM cannot declare.
    const setupStart = performance.now();
    const plan = plannedStatements(dir, db.url);
    await applyInBatches(db.url, plan.up, plan.transactional);
    await applyInBatches(db.url, expressionIndexStatements(size));
    log(`  schema applied (${size} tables, ${plan.up.length + size} statements, ${round((performance.now() - setupStart) / 1000)} s); first ormdiff run (caches cold: compile, normalize)…`);
    clearCaches(join(dir, 'ormconfig.ts'));
    const first = ormdiffDiff(dir, db.url);
    log(`    first run ${first.wallMs} ms, ${first.maxRssMb} MiB, exit ${first.exitCode}`);
    const figures = interleaved({
      ormdiff: () => ormdiffDiff(dir, db.url),
      changed: () => (forgetCatalog(join(dir, 'ormconfig.ts'), db.url), ormdiffDiff(dir, db.url)),
      typeorm: () => typeormGenerate(dir, 'ormconfig.ts', db.url, join(dir, 'tsconfig.json')),
      pgDump: () => pgDump(db.url),
    });
    const ormdiff = summarize(figures.ormdiff);
    const typeorm = summarize(figures.typeorm);
    const ormdiffInSync = [first, ...figures.ormdiff, ...figures.changed].every((f) => f.exitCode === 0 && f.output.includes('No changes'));
    const typeormInSync = figures.typeorm.every((f) => f.exitCode === 0);
    const notes = [
      ormdiffInSync ? undefined : failureNote('ormdiff', [first, ...figures.ormdiff, ...figures.changed]) ?? `ormdiff: ${figures.ormdiff[0].output.slice(0, 300)}`,
      failureNote('TypeORM', figures.typeorm),
      failureNote('pg_dump', figures.pgDump),
    ].filter((n): n is string => n !== undefined);
    return { name: `${size} entities`, entities: size, first: summarize([first]), ormdiff, changed: summarize(figures.changed), typeorm, pgDump: summarize(figures.pgDump), inSync: { ormdiff: ormdiffInSync, typeorm: typeormInSync }, notes };
  } finally {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface RealWorldApp {
  name: string;
  config: string;
  env?: Record<string, string>;
}

const APPS: RealWorldApp[] = [
  { name: 'brocoders-nestjs-boilerplate', config: 'app/src/database/data-source.ts', env: { DATABASE_TYPE: 'postgres' } },
  { name: 'awesome-nest-boilerplate', config: 'app/ormconfig.ts' },
  { name: 'flowise', config: 'ormconfig.ts' },
  { name: 'medusa-v1', config: 'ormconfig.ts' },
];

/** TypeORM's CLI takes no URL: a data source module that is the app's, pointed at the bench database. */
function pointedDataSource(tmp: string, app: RealWorldApp, appDir: string): string {
  const file = join(tmp, `${app.name}.datasource.js`);
  writeFileSync(
    file,
    [
      `const mod = require(${JSON.stringify(join(appDir, app.config))});`,
      `const ds = mod.default ?? mod.AppDataSource ?? mod.dataSource ?? Object.values(mod).find((v) => v && typeof v.setOptions === 'function');`,
      `ds.setOptions({ url: process.env.DATABASE_URL, host: undefined, port: undefined, username: undefined, password: undefined, database: undefined, ssl: undefined });`,
      `module.exports = { default: ds };`,
      '',
    ].join('\n'),
  );
  return file;
}

async function benchApp(app: RealWorldApp, tmp: string): Promise<Row> {
  log(`\n== real-world app ${app.name}`);
  const appDir = join(REALWORLD, app.name);
  const register = ['-r', join(REALWORLD, 'register.js')];
  Object.assign(process.env, app.env ?? {});
  const db = await createTestDatabase(`ormdiff_bench_rw`);
  try {
    const plan = plannedStatements(appDir, db.url, ['--config', app.config], register);
    await applyInBatches(db.url, plan.up, plan.transactional);
    const dataSource = pointedDataSource(tmp, app, appDir);
    clearCaches(join(appDir, app.config));
    const first = ormdiffDiff(appDir, db.url, ['--config', app.config], register);
    const figures = interleaved({
      ormdiff: () => ormdiffDiff(appDir, db.url, ['--config', app.config], register),
      changed: () => (forgetCatalog(join(appDir, app.config), db.url), ormdiffDiff(appDir, db.url, ['--config', app.config], register)),
      typeorm: () => typeormGenerate(appDir, dataSource, db.url, loaderTsconfig(tmp, appDir), register),
      pgDump: () => pgDump(db.url),
    });
    const ormdiffInSync = [first, ...figures.ormdiff, ...figures.changed].every((f) => f.exitCode === 0);
    const typeormInSync = figures.typeorm.every((f) => f.exitCode === 0);
    const notes = [
      failureNote('ormdiff', [first, ...figures.ormdiff, ...figures.changed]),
      failureNote('TypeORM (a failure to load, or statements its generator still wants: see the output)', figures.typeorm),
      failureNote('pg_dump', figures.pgDump),
    ].filter((n): n is string => n !== undefined);
    return { name: app.name, first: summarize([first]), ormdiff: summarize(figures.ormdiff), changed: summarize(figures.changed), typeorm: summarize(figures.typeorm), pgDump: summarize(figures.pgDump), inSync: { ormdiff: ormdiffInSync, typeorm: typeormInSync }, notes };
  } finally {
    await db.drop();
  }
}

const MIGRATIONS = 200;
const CHECK_MODEL = 100;

/** 200 migrations that build the 100-entity model; `ormdiff check` replays them, TypeORM's `migration:run` applies them. */
async function benchCheck(tmp: string): Promise<Row> {
  log(`\n== ${MIGRATIONS} migrations: ormdiff check vs typeorm migration:run`);
  const dir = join(tmp, 'check');
  writeProject(dir, CHECK_MODEL, NODE_MODULES, true);
  const empty = await createTestDatabase('ormdiff_bench_plan');
  let statements: string[];
  try {
    // The plan's own statement list: the migrations then make exactly the changes the entities need.
    statements = [...plannedStatements(dir, empty.url).up, ...expressionIndexStatements(CHECK_MODEL)];
  } finally {
    await empty.drop();
  }
  mkdirSync(join(dir, 'migrations'));
  const per = Math.ceil(statements.length / MIGRATIONS);
  let parent: string | null = null;
  for (let i = 0; i < MIGRATIONS; i++) {
    const revision = (0xbe0000000000 + i).toString(16);
    const message = `step ${i}`;
    const chunk = statements.slice(i * per, (i + 1) * per);
    writeFileSync(
      join(dir, 'migrations', fileNameFor(revision, message)),
      migrationSourceUnformatted({
        message,
        revision,
        downRevision: parent,
        createDate: new Date(1_700_000_000_000 + i * 1000),
        className: `Step${1_700_000_000_000 + i * 1000}`,
        up: chunk.length > 0 ? chunk : ['SELECT 1'],
        down: ['SELECT 1'],
      }),
    );
    parent = revision;
  }
  const server = serverUrl();
  const figures: Record<string, ProcessFigure[]> = { ormdiff: [], typeorm: [] };
  clearCaches(join(dir, 'ormconfig.ts'));
  const first = run(process.execPath, [BIN, 'check', '--scratch-url', server], { cwd: dir, env: { ORMDIFF_TIMINGS: '1', DATABASE_URL: '' } });
  log(`    first check (caches cold): ${first.wallMs} ms, ${first.maxRssMb} MiB, ${first.timedOut ? 'TIMED OUT' : `exit ${first.exitCode}`}`);
  for (let i = 0; i < RUNS; i++) {
    const check = run(process.execPath, [BIN, 'check', '--scratch-url', server], { cwd: dir, env: { ORMDIFF_TIMINGS: '1', DATABASE_URL: '' } });
    figures.ormdiff.push(check);
    log(`    ormdiff check: ${check.wallMs} ms, ${check.maxRssMb} MiB, ${check.timedOut ? 'TIMED OUT' : `exit ${check.exitCode}`}`);
    const db = await createTestDatabase('ormdiff_bench_run');
    try {
      const migrate = run(process.execPath, ['-r', SWC_REGISTER, TYPEORM_CLI, 'migration:run', '-d', 'ormconfig.ts'], {
        cwd: dir,
        env: { DATABASE_URL: db.url, SWC_NODE_PROJECT: join(dir, 'tsconfig.json') },
      });
      figures.typeorm.push(migrate);
      log(`    typeorm migration:run: ${migrate.wallMs} ms, ${migrate.maxRssMb} MiB, ${migrate.timedOut ? 'TIMED OUT' : `exit ${migrate.exitCode}`}`);
    } finally {
      await db.drop();
    }
  }
  const notes = [failureNote('ormdiff check', [first, ...figures.ormdiff]), failureNote('migration:run', figures.typeorm)].filter((n): n is string => n !== undefined);
  rmSync(dir, { recursive: true, force: true });
  return {
    name: `check, ${MIGRATIONS} migrations`,
    first: summarize([first]),
    ormdiff: summarize(figures.ormdiff),
    typeorm: summarize(figures.typeorm),
    inSync: { ormdiff: [first, ...figures.ormdiff].every((f) => f.exitCode === 0), typeorm: figures.typeorm.every((f) => f.exitCode === 0) },
    notes,
  };
}

async function machine(): Promise<Record<string, unknown>> {
  const [{ server_version }] = await querySql<{ server_version: string }>(serverUrl(), "SELECT current_setting('server_version') AS server_version");
  const typeorm = (JSON.parse(readFileSync(join(NODE_MODULES, 'typeorm', 'package.json'), 'utf8')) as { version: string }).version;
  return { cores: os.cpus().length, cpu: os.cpus()[0]?.model, loadAverage: os.loadavg().map((l) => round(l, 2)), node: process.version, postgres: server_version, typeorm };
}

async function main(): Promise<void> {
  const started = performance.now();
  const info = await machine();
  const startup = nodeStartup();
  log(`machine: ${JSON.stringify(info)}; node -e 0: ${JSON.stringify(startup)}`);
  const tmp = mkdtempSync(join(os.tmpdir(), 'ormdiff-bench-'));
  const rows: Row[] = [];
  const failures: string[] = [];
  const attempt = async (what: string, fn: () => Promise<Row>) => {
    try {
      rows.push(await fn());
    } catch (error) {
      failures.push(`${what}: ${(error as Error)?.message ?? error}`);
      log(`  !! ${what} failed: ${(error as Error)?.message ?? error}`);
    }
  };
  try {
    for (const size of SIZES) await attempt(`${size} entities`, () => benchSize(size, tmp));
    if (!SKIP.has('realworld')) for (const app of APPS) if (existsSync(join(REALWORLD, app.name))) await attempt(app.name, () => benchApp(app, tmp));
    if (!SKIP.has('check')) await attempt('check', () => benchCheck(tmp));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const runner = process.argv.includes('--runner') ? await benchRunner() : undefined;

  const growthFigures = growth(rows);
  const goals = goalLines(rows, { appNames: APPS.map((a) => a.name), migrations: MIGRATIONS });
  const notes = rows.flatMap((r) => r.notes.map((n) => `- ${r.name}: ${n.replace(/\s+/g, ' ')}`));
  const report = [
    `# Bench results`,
    '',
    `${new Date().toISOString()}; ${info.cores} cores (${info.cpu}), load average at start ${(info.loadAverage as number[]).join(' ')}; Node ${info.node}; PostgreSQL ${info.postgres}; TypeORM ${info.typeorm}.`,
    `Whole processes, wall-clock median of ${RUNS} interleaved runs (a run over ${SLOW_MS / 1000} s is not repeated; one over ${TIMEOUT_MS / 60_000} min is stopped and shown as a timeout, its time a lower bound); memory is the peak RSS of the process.`,
    '',
    `**ormdiff's main columns are warm runs**: the second and later runs on an unchanged project and database, which reuse what ormdiff caches under .ormdiff/ (the compiled entity files, Postgres' spelling of the model's defaults and expressions, and the catalog read, reused while the catalog's fingerprint is unchanged).`,
    `The "database changed" columns are warm runs but for the catalog read, which they make again, as the first run after any change to the database does.`,
    `The "first run" columns are the run with those caches cold (a fresh clone, a CI job that does not keep .ormdiff/), one run per row, with its own ratio to TypeORM.`,
    `TypeORM caches nothing between runs: each of its runs is a first run.`,
    `An empty Node process (\`node -e 0\`) takes ${startup.timedMs} ms here, a floor under every row.` +
      (startup.withEnvMs !== undefined
        ? ` This machine sets NODE_EXTRA_CA_CERTS, which Node parses as it starts (${startup.withEnvMs} ms with it); it is removed from every timed process, for both tools (neither speaks TLS to this server).`
        : ''),
    '',
    ...resultsTable(rows),
    '',
    '## ormdiff stages (ms)',
    '',
    ...stagesTable(rows),
    '',
    ...(growthFigures.overall
      ? [
          `## Growth`,
          '',
          `Exponent k in t ∝ n^k between sizes (1 is linear): k = ln(t2/t1) / ln(n2/n1). "≥" where the larger size's run was stopped at the timeout; "-" where a figure is missing or its run failed.`,
          `Peak RSS includes the fixed memory of Node and the libraries, so a memory exponent understates the growth of the part the model takes.`,
          '',
          ...growthTable(growthFigures),
          '',
        ]
      : []),
    '## Goals',
    '',
    ...goals,
    ...(notes.length ? ['', '## Notes', '', ...notes] : []),
    ...(failures.length ? ['', '## Failed', '', ...failures.map((f) => `- ${f}`)] : []),
    ...(runner ? ['', `Runner (${runner.revisions}-revision chain): upgrade head at head ${runner.cliUpgradeAtHeadMs} ms as a CLI process; overhead ${runner.overheadPerMigrationMs} ms per migration.`] : []),
    '',
    `Total bench time ${round((performance.now() - started) / 1000)} s. Command: npm run bench -- --sizes ${SIZES.join(',')} --runs ${RUNS}${SKIP.size ? ` --skip ${[...SKIP].join(',')}` : ''}${flag('timeout') ? ` --timeout ${flag('timeout')}` : ''}`,
    '',
  ].join('\n');
  console.log(report);
  writeFileSync(join(REPO, 'bench', 'RESULTS.md'), report);
  writeFileSync(join(REPO, 'bench', 'results.json'), JSON.stringify({ date: new Date().toISOString(), machine: info, rows, growth: growthFigures, failures, runner }, null, 2) + '\n');
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
