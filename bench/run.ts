/**
 * `npm run bench [-- --sizes 100,1000,3000,10000 --runs 3 --skip realworld,check --runner]`: whole
 * processes, as a user runs them, on the same database in one run:
 * - `ormdiff diff` (bin/ormdiff.js, ORMDIFF_TIMINGS=1 for its stages and round trips),
 * - `typeorm migration:generate --dryrun --check` (TypeORM's own CLI, the project's TypeScript loaded by
 *   @swc-node/register, the fastest loader TypeORM users have),
 * - `pg_dump --schema-only` (the floor: reading the catalog at all),
 * on a generated model written the way users write one (bench/model.ts) with the database in sync, at
 * each size; then on the vendored real-world apps (test/realworld/*, database brought in sync by
 * applying what ormdiff plans on an empty one); then `ormdiff check` on a project of 200 migrations
 * against TypeORM's `migration:run` of the same migrations. Wall time (median of --runs, the three tools
 * interleaved so they share the machine's load), peak RSS of each process (/usr/bin/time), ratios.
 * Prints a table and writes it to bench/RESULTS.md (figures to bench/results.json).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileNameFor, migrationSourceUnformatted } from '../src/runner/template';
import { createTestDatabase, querySql, serverUrl } from '../src/testing/database';
import { benchRunner } from './runner';
import { expressionIndexSql, writeProject } from './model';

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
/** A process still running after this is stopped and reported as a timeout. */
const TIMEOUT_MS = 30 * 60_000;

interface ProcessFigure {
  wallMs: number;
  maxRssMb: number;
  exitCode: number | null;
  output: string;
  timings?: { stagesMs: Record<string, number>; roundTrips: number };
}

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const log = (line: string): void => void process.stderr.write(line + '\n');

/** One process under /usr/bin/time: wall clock, peak resident memory, exit code, output. */
function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): ProcessFigure {
  const timeFile = join(os.tmpdir(), `ormdiff-bench-time-${process.pid}`);
  const start = performance.now();
  const r: SpawnSyncReturns<string> = spawnSync('/usr/bin/time', ['-f', '%M', '-o', timeFile, command, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    maxBuffer: 512 << 20,
    timeout: TIMEOUT_MS,
  });
  const wallMs = performance.now() - start;
  let maxRssKb = NaN;
  try {
    maxRssKb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
  } catch {
    // Killed by the timeout: no figure.
  }
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const line = /^ormdiff-timings (.*)$/m.exec(r.stderr ?? '');
  return {
    wallMs: round(wallMs),
    maxRssMb: round(maxRssKb / 1024),
    exitCode: r.error ? null : r.status,
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

function psql(url: string, file: string): void {
  const r = spawnSync('psql', ['-q', '-X', '-v', 'ON_ERROR_STOP=1', url, '-f', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`psql -f ${file}: ${r.stderr.trim().split('\n').slice(0, 5).join(' / ')}`);
}

/** Runs each tool RUNS times, interleaved (a slow first run is not repeated), and keeps every figure. */
function interleaved(tools: Record<string, () => ProcessFigure>): Record<string, ProcessFigure[]> {
  const figures: Record<string, ProcessFigure[]> = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [name, tool] of Object.entries(tools)) {
      if (i > 0 && figures[name][0].wallMs > SLOW_MS) continue;
      const figure = tool();
      figures[name].push(figure);
      log(`    ${name}: ${figure.wallMs} ms, ${figure.maxRssMb} MiB, exit ${figure.exitCode}`);
    }
  }
  return figures;
}

interface Summary {
  medianMs: number;
  runsMs: number[];
  maxRssMb: number;
  exitCode: number | null;
  stagesMs?: Record<string, number>;
  roundTrips?: number;
}

function summarize(figures: ProcessFigure[]): Summary {
  const last = figures[figures.length - 1];
  return {
    medianMs: median(figures.map((f) => f.wallMs)),
    runsMs: figures.map((f) => f.wallMs),
    maxRssMb: Math.max(...figures.map((f) => f.maxRssMb)),
    exitCode: last.exitCode,
    ...(last.timings ? { stagesMs: last.timings.stagesMs, roundTrips: last.timings.roundTrips } : {}),
  };
}

interface Row {
  name: string;
  entities?: number;
  firstRunMs?: number;
  ormdiff: Summary;
  typeorm: Summary;
  pgDump?: Summary;
  inSync: { ormdiff: boolean; typeorm: boolean };
  notes: string[];
}

async function benchSize(size: number, tmp: string): Promise<Row> {
  log(`\n== ${size} entities`);
  const dir = join(tmp, `model-${size}`);
  writeProject(dir, size, NODE_MODULES);
  const db = await createTestDatabase('ormdiff_bench');
  try {
    // In sync: what ormdiff plans for the empty database, then the expression indexes TypeORM cannot declare.
    const create = spawnSync(process.execPath, [BIN, 'diff', '--url', db.url, '--format', 'sql'], { cwd: dir, encoding: 'utf8', maxBuffer: 512 << 20 });
    if (create.status !== 0 && create.status !== 1) throw new Error(`ormdiff diff on the empty database: ${create.stderr.trim()}`);
    const schemaSql = join(dir, 'schema.sql');
    writeFileSync(schemaSql, create.stdout);
    psql(db.url, schemaSql);
    writeFileSync(join(dir, 'expr.sql'), expressionIndexSql(size));
    psql(db.url, join(dir, 'expr.sql'));
    log(`  schema applied (${size} tables); first ormdiff run (caches cold: compile, normalize)…`);
    const first = ormdiffDiff(dir, db.url);
    log(`    first run ${first.wallMs} ms`);
    const figures = interleaved({
      ormdiff: () => ormdiffDiff(dir, db.url),
      typeorm: () => typeormGenerate(dir, 'ormconfig.ts', db.url, join(dir, 'tsconfig.json')),
      pgDump: () => pgDump(db.url),
    });
    const ormdiff = summarize(figures.ormdiff);
    const typeorm = summarize(figures.typeorm);
    const notes: string[] = [];
    const ormdiffInSync = figures.ormdiff.every((f) => f.exitCode === 0 && f.output.includes('No changes'));
    const typeormInSync = figures.typeorm.every((f) => f.exitCode === 0);
    if (!ormdiffInSync) notes.push(`ormdiff: ${figures.ormdiff[0].output.slice(0, 300)}`);
    if (!typeormInSync) notes.push(`TypeORM: exit ${typeorm.exitCode}: ${figures.typeorm[0].output.slice(0, 300)}`);
    return { name: `${size} entities`, entities: size, firstRunMs: first.wallMs, ormdiff, typeorm, pgDump: summarize(figures.pgDump), inSync: { ormdiff: ormdiffInSync, typeorm: typeormInSync }, notes };
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
    const create = spawnSync(process.execPath, [...register, BIN, 'diff', '--config', app.config, '--url', db.url, '--format', 'sql'], {
      cwd: appDir,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      env: { ...process.env, ...app.env },
    });
    if (create.status !== 0 && create.status !== 1) throw new Error(`ormdiff diff on the empty database: ${create.stderr.trim()}`);
    const schemaSql = join(tmp, `${app.name}.sql`);
    writeFileSync(schemaSql, create.stdout);
    psql(db.url, schemaSql);
    const dataSource = pointedDataSource(tmp, app, appDir);
    const first = ormdiffDiff(appDir, db.url, ['--config', app.config], register);
    const figures = interleaved({
      ormdiff: () => ormdiffDiff(appDir, db.url, ['--config', app.config], register),
      typeorm: () => typeormGenerate(appDir, dataSource, db.url, loaderTsconfig(tmp, appDir), register),
      pgDump: () => pgDump(db.url),
    });
    const notes: string[] = [];
    const ormdiffInSync = figures.ormdiff.every((f) => f.exitCode === 0);
    const typeormInSync = figures.typeorm.every((f) => f.exitCode === 0);
    if (!ormdiffInSync) notes.push(`ormdiff exit ${figures.ormdiff[0].exitCode}: ${figures.ormdiff[0].output.slice(0, 300)}`);
    if (!typeormInSync) notes.push(`TypeORM exit ${figures.typeorm[0].exitCode} (a failure to load, or statements its generator still wants: see the output): ${figures.typeorm[0].output.slice(0, 300)}`);
    return { name: app.name, firstRunMs: first.wallMs, ormdiff: summarize(figures.ormdiff), typeorm: summarize(figures.typeorm), pgDump: summarize(figures.pgDump), inSync: { ormdiff: ormdiffInSync, typeorm: typeormInSync }, notes };
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
    const sql = spawnSync(process.execPath, [BIN, 'diff', '--url', empty.url, '--format', 'sql'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
    statements = sql
      .split(/;\n/)
      .map((s) => s.trim())
      .filter((s) => s && !/^(BEGIN|COMMIT)$/.test(s) && !s.startsWith('--'));
  } finally {
    await empty.drop();
  }
  statements.push(...expressionIndexSql(CHECK_MODEL).split('\n').map((s) => s.replace(/;$/, '')));
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
  const first = run(process.execPath, [BIN, 'check', '--scratch-url', server], { cwd: dir, env: { ORMDIFF_TIMINGS: '1', DATABASE_URL: '' } });
  for (let i = 0; i < RUNS; i++) {
    const check = run(process.execPath, [BIN, 'check', '--scratch-url', server], { cwd: dir, env: { ORMDIFF_TIMINGS: '1', DATABASE_URL: '' } });
    figures.ormdiff.push(check);
    log(`    ormdiff check: ${check.wallMs} ms, exit ${check.exitCode}`);
    const db = await createTestDatabase('ormdiff_bench_run');
    try {
      const migrate = run(process.execPath, ['-r', SWC_REGISTER, TYPEORM_CLI, 'migration:run', '-d', 'ormconfig.ts'], {
        cwd: dir,
        env: { DATABASE_URL: db.url, SWC_NODE_PROJECT: join(dir, 'tsconfig.json') },
      });
      figures.typeorm.push(migrate);
      log(`    typeorm migration:run: ${migrate.wallMs} ms, exit ${migrate.exitCode}`);
    } finally {
      await db.drop();
    }
  }
  const notes: string[] = [];
  if (figures.ormdiff.some((f) => f.exitCode !== 0)) notes.push(`ormdiff check exit ${figures.ormdiff[0].exitCode}: ${figures.ormdiff[0].output.slice(0, 300)}`);
  if (figures.typeorm.some((f) => f.exitCode !== 0)) notes.push(`migration:run exit ${figures.typeorm[0].exitCode}: ${figures.typeorm[0].output.slice(0, 300)}`);
  rmSync(dir, { recursive: true, force: true });
  return {
    name: `check, ${MIGRATIONS} migrations`,
    firstRunMs: first.wallMs,
    ormdiff: summarize(figures.ormdiff),
    typeorm: summarize(figures.typeorm),
    inSync: { ormdiff: figures.ormdiff.every((f) => f.exitCode === 0), typeorm: figures.typeorm.every((f) => f.exitCode === 0) },
    notes,
  };
}

function table(rows: Row[]): string[] {
  const header = ['', 'ormdiff ms', 'TypeORM ms', 'x faster', 'pg_dump ms', 'x pg_dump', 'ormdiff MiB', 'TypeORM MiB', 'round trips', 'first run ms', 'ormdiff stages (ms)'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const stages = r.ormdiff.stagesMs ? Object.entries(r.ormdiff.stagesMs).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ') : '';
    lines.push(
      `| ${[
        r.name,
        r.ormdiff.medianMs,
        r.typeorm.medianMs,
        round(r.typeorm.medianMs / r.ormdiff.medianMs, 2),
        r.pgDump?.medianMs ?? '',
        r.pgDump ? round(r.ormdiff.medianMs / r.pgDump.medianMs, 2) : '',
        r.ormdiff.maxRssMb,
        r.typeorm.maxRssMb,
        r.ormdiff.roundTrips ?? '',
        r.firstRunMs ?? '',
        stages,
      ].join(' | ')} |`,
    );
  }
  return lines;
}

/** Growth exponent k in t ∝ n^k between two sizes. */
const exponent = (a: Row, b: Row, pick: (r: Row) => number): number => round(Math.log(pick(b) / pick(a)) / Math.log(b.entities! / a.entities!), 2);

async function machine(): Promise<Record<string, unknown>> {
  const [{ server_version }] = await querySql<{ server_version: string }>(serverUrl(), "SELECT current_setting('server_version') AS server_version");
  const typeorm = (JSON.parse(readFileSync(join(NODE_MODULES, 'typeorm', 'package.json'), 'utf8')) as { version: string }).version;
  return { cores: os.cpus().length, cpu: os.cpus()[0]?.model, loadAverage: os.loadavg().map((l) => round(l, 2)), node: process.version, postgres: server_version, typeorm };
}

async function main(): Promise<void> {
  const started = performance.now();
  const info = await machine();
  log(`machine: ${JSON.stringify(info)}`);
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

  const sized = rows.filter((r) => r.entities !== undefined);
  const at1000 = sized.find((r) => r.entities === 1000);
  const big = sized.filter((r) => r.entities! >= 1000 && r.typeorm.exitCode !== null);
  const growth =
    big.length >= 2
      ? {
          from: big[0].entities,
          to: big[big.length - 1].entities,
          timeExponent: exponent(big[0], big[big.length - 1], (r) => r.ormdiff.medianMs),
          memoryExponent: exponent(big[0], big[big.length - 1], (r) => r.ormdiff.maxRssMb),
          typeormTimeExponent: exponent(big[0], big[big.length - 1], (r) => r.typeorm.medianMs),
        }
      : undefined;
  const apps = rows.filter((r) => APPS.some((a) => a.name === r.name));
  const check = rows.find((r) => r.name.startsWith('check'));
  const trips = [...new Set(sized.map((r) => r.ormdiff.roundTrips))];
  const mark = (ok: boolean | undefined): string => (ok === undefined ? 'not measured' : ok ? 'met' : 'MISSED');
  const goals = [
    `- 1,000 entities, ormdiff ≥ 10x faster than TypeORM: ${at1000 ? `${round(at1000.typeorm.medianMs / at1000.ormdiff.medianMs, 2)}x` : '-'} (${mark(at1000 && at1000.typeorm.medianMs / at1000.ormdiff.medianMs >= 10)})`,
    `- 1,000 entities, ormdiff within 2x of pg_dump --schema-only: ${at1000?.pgDump ? `${round(at1000.ormdiff.medianMs / at1000.pgDump.medianMs, 2)}x` : '-'} (${mark(at1000?.pgDump && at1000.ormdiff.medianMs / at1000.pgDump.medianMs <= 2)})`,
    `- peak memory ≤ TypeORM's at every size: ${sized.map((r) => `${r.entities}: ${r.ormdiff.maxRssMb} vs ${r.typeorm.maxRssMb} MiB`).join('; ')} (${mark(sized.length ? sized.every((r) => r.ormdiff.maxRssMb <= r.typeorm.maxRssMb) : undefined)})`,
    `- linear growth: ${growth ? `${growth.from}→${growth.to}: time n^${growth.timeExponent}, memory n^${growth.memoryExponent} (TypeORM time n^${growth.typeormTimeExponent})` : 'needs two sizes ≥ 1,000'} (${mark(growth ? growth.timeExponent <= 1.1 : undefined)})`,
    `- round trips constant across sizes: ${trips.join(', ')} (${mark(sized.length ? trips.length === 1 : undefined)})`,
    `- real-world apps ≥ 3x faster than TypeORM: ${apps.map((a) => `${a.name} ${round(a.typeorm.medianMs / a.ormdiff.medianMs, 2)}x`).join('; ') || '-'} (${mark(apps.length ? apps.every((a) => a.typeorm.medianMs / a.ormdiff.medianMs >= 3) : undefined)})`,
    `- check replay of ${MIGRATIONS} migrations at least as fast as migration:run: ${check ? `${check.ormdiff.medianMs} vs ${check.typeorm.medianMs} ms` : '-'} (${mark(check ? check.ormdiff.medianMs <= check.typeorm.medianMs : undefined)})`,
  ];
  const notes = rows.flatMap((r) => r.notes.map((n) => `- ${r.name}: ${n.replace(/\s+/g, ' ')}`));
  const report = [
    `# Bench results`,
    '',
    `${new Date().toISOString()}; ${info.cores} cores (${info.cpu}), load average at start ${(info.loadAverage as number[]).join(' ')}; Node ${info.node}; PostgreSQL ${info.postgres}; TypeORM ${info.typeorm}.`,
    `Whole processes, wall-clock median of ${RUNS} interleaved runs (a run over ${SLOW_MS / 1000} s is not repeated); memory is the peak RSS of the process.`,
    `ormdiff's figures are warm runs (compiled entities and Postgres' spelling cached under .ormdiff/); "first run" is the run with both caches cold.`,
    '',
    ...table(rows),
    '',
    '## Goals',
    '',
    ...goals,
    ...(notes.length ? ['', '## Notes', '', ...notes] : []),
    ...(failures.length ? ['', '## Failed', '', ...failures.map((f) => `- ${f}`)] : []),
    ...(runner ? ['', `Runner (${runner.revisions}-revision chain): upgrade head at head ${runner.cliUpgradeAtHeadMs} ms as a CLI process; overhead ${runner.overheadPerMigrationMs} ms per migration.`] : []),
    '',
    `Total bench time ${round((performance.now() - started) / 1000)} s. Command: npm run bench -- --sizes ${SIZES.join(',')} --runs ${RUNS}${SKIP.size ? ` --skip ${[...SKIP].join(',')}` : ''}`,
    '',
  ].join('\n');
  console.log(report);
  writeFileSync(join(REPO, 'bench', 'RESULTS.md'), report);
  writeFileSync(join(REPO, 'bench', 'results.json'), JSON.stringify({ date: new Date().toISOString(), machine: info, rows, growth, failures, runner }, null, 2) + '\n');
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
