/**
 * The real-world check, one app at a time (test/realworld/README.md): the app's own migrations applied by
 * TypeORM's own runner, then TypeORM's own generator and `ormdiff diff` on the same database, from the
 * app's unedited entity sources. ormdiff may report what TypeORM reports or less; whatever it reports
 * about objects TypeORM's statements do not touch (objects.ts) must be listed, with its justification,
 * in the app's README; nothing it plans may drop what the
 * catalog still uses; its migration applies and a second diff is empty.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource, DataSourceOptions } from 'typeorm';
import { diff } from '../../src/api/diff';
import { openProject } from '../../src/api/project';
import { globFiles } from '../../src/config/glob';
import { createTestDatabase, querySql, withClient, type TestDatabase } from '../../src/testing/database';
import { ENV, nodeArgs, variant } from '../typeorm-variant';
import { beyond, tableOf } from './objects';

export interface RealWorldApp {
  /** The folder under test/realworld/. */
  name: string;
  /** The module exporting the app's DataSource (or its options), relative to the app folder. */
  config: string;
  /** Environment the app's config reads (never a connection setting: the test database is passed as --url). */
  env?: Record<string, string>;
  /**
   * The oldest TypeORM the app's sources load on, when the matrix has older ones: there a single test
   * checks that the entities indeed fail to load with `error`, and the rest is skipped.
   */
  requires?: { typeorm: string; because: string; error: RegExp };
  /**
   * Why the loader must compile this app with the whole program (the reason it gives, as ORMDIFF_TIMINGS'
   * `compile` note ends); by default the program over the app's own files serves.
   */
  wholeProgram?: RegExp;
  /** Which migration files the app's own loader runs (Medusa skips those of disabled feature flags); default all. */
  includeMigration?: (exports: Record<string, unknown>) => boolean;
  /**
   * Parts known not to hold yet, each with the reason (an item of issue 8): they run as `test.failing`,
   * so the day they pass the suite says so and the entry must go.
   */
  knownFailures?: Partial<Record<'load' | 'report' | 'cli' | 'apply' | 'empty', string>>;
}

export interface RealWorldRun {
  db: TestDatabase;
  /** TypeORM's `migration:generate` statements (its schema builder's log) after all migrations ran. */
  typeorm: string[];
  /** `ormdiff diff` on the same database; undefined when ormdiff failed (`error`). */
  ormdiff?: string[];
  /** Its down statements. */
  ormdiffDown?: string[];
  error?: unknown;
  /** The same diff by the built CLI in its own process, with its own TypeScript loader; or its failure. */
  cli: { up?: string[]; error?: string; /** Which program compiled the entities (ORMDIFF_TIMINGS), when this run compiled them. */ compile?: string };
}

const ROOT = __dirname;

/** One line per statement, whitespace collapsed: how statements are compared with the README's list. */
export const oneLine = (sql: string): string => sql.replace(/\s+/g, ' ').replace(/\s*;\s*$/, '').trim();

/**
 * The statements the app's README justifies: every ```sql block under its "Justified statements"
 * heading, one statement each.
 */
export function justifiedStatements(app: RealWorldApp): string[] {
  const readme = readFileSync(path.join(ROOT, app.name, 'README.md'), 'utf8');
  const section = /^## Justified statements\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme);
  if (!section) throw new Error(`test/realworld/${app.name}/README.md has no "## Justified statements" section`);
  return [...section[1].matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => oneLine(m[1]));
}

/** TypeORM's loader for `migrations` globs: every exported class of every matching file. */
function migrationClasses(options: DataSourceOptions, baseDir: string, include: RealWorldApp['includeMigration'] = () => true): unknown[] {
  const listed = options.migrations === undefined ? [] : Array.isArray(options.migrations) ? options.migrations : Object.values(options.migrations);
  const classes: unknown[] = [];
  for (const item of listed) {
    if (typeof item !== 'string') {
      classes.push(item);
      continue;
    }
    for (const file of globFiles(item, baseDir).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort()) {
      const exports = require(file) as Record<string, unknown>;
      if (include(exports)) classes.push(...Object.values(exports).filter((v) => typeof v === 'function'));
    }
  }
  return classes;
}

/**
 * A fresh database with the app's migrations applied by TypeORM's own runner, and what TypeORM's
 * generator and ormdiff then report. Plain `require('typeorm')`, so a module mapping to another TypeORM
 * version applies to the app, its migrations and ormdiff alike.
 */
export async function runApp(app: RealWorldApp): Promise<RealWorldRun> {
  Object.assign(process.env, app.env ?? {});
  const dir = path.join(ROOT, app.name);
  const db = await createTestDatabase(`ormdiff_rw_${app.name.replace(/\W/g, '_').slice(0, 20)}`);
  const project = await openProject({ config: app.config, cwd: dir, url: db.url });
  const options = project.dataSourceOptions;
  const typeorm = (await typeormView(options, db.url, migrationClasses(options, path.dirname(project.configPath), app.includeMigration))).statements;
  const run: RealWorldRun = { db, typeorm, cli: await cliStatements(app, db.url) };
  try {
    const plan = await ormdiffPlan(app, db.url);
    run.ormdiff = plan.up;
    run.ormdiffDown = plan.down;
  } catch (error) {
    run.error = error;
  }
  report(app, run);
  return run;
}

/** What TypeORM's generator says about a database. */
export interface TypeormView {
  /** Its `migration:generate` statements (the schema builder's log). */
  statements: string[];
  /**
   * The tables more than one of its entity metadatas maps (an entity and a `@JoinTable`, or a
   * `@JoinTable` on both sides): TypeORM checks each table against every mapping, so on such a table
   * its generator contradicts itself whatever the database holds.
   */
  sharedTables: string[];
}

/**
 * TypeORM's DataSource for the app on `url` (the app's options, its connection settings replaced):
 * `migrations` run by TypeORM's runner, then its generator's statements. Plain `require('typeorm')`.
 */
async function typeormView(options: DataSourceOptions, url: string, migrations: unknown[] = []): Promise<TypeormView> {
  const { DataSource: TypeormDataSource } = require('typeorm') as typeof import('typeorm');
  const ds: DataSource = new TypeormDataSource({
    ...options,
    url,
    host: undefined,
    port: undefined,
    username: undefined,
    password: undefined,
    database: undefined,
    ssl: undefined,
    synchronize: false,
    migrationsRun: false,
    dropSchema: false,
    logging: false,
    migrations,
  } as DataSourceOptions);
  await ds.initialize();
  try {
    await ds.runMigrations();
    const statements = (await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => oneLine(q.query));
    const mappings = new Map<string, number>();
    for (const m of ds.entityMetadatas) {
      const table = m.tablePath.replace(/^public\./, '');
      if (m.tableType !== 'view') mappings.set(table, (mappings.get(table) ?? 0) + 1);
    }
    return { statements, sharedTables: [...mappings].filter(([, n]) => n > 1).map(([t]) => t).sort() };
  } finally {
    await ds.destroy();
  }
}

/** Index name → its table, for the statements that name only the index (schema `public` unqualified). */
async function indexTables(url: string): Promise<Map<string, string>> {
  const rows = await querySql<{ index: string; table: string }>(
    url,
    `SELECT indexname AS index, CASE schemaname WHEN 'public' THEN tablename ELSE schemaname || '.' || tablename END AS table FROM pg_indexes`,
  );
  return new Map(rows.map((r) => [r.index, r.table]));
}

export async function ormdiffPlan(app: RealWorldApp, url: string): Promise<{ up: string[]; down: string[] }> {
  const { plan } = (await diff({ config: app.config, cwd: path.join(ROOT, app.name), url, format: 'sql' })).comparison;
  return { up: plan.up.map((s) => oneLine(s.sql)), down: plan.down.map((s) => oneLine(s.sql)) };
}

export async function ormdiffStatements(app: RealWorldApp, url: string): Promise<string[]> {
  return (await ormdiffPlan(app, url)).up;
}

const BIN = path.resolve(ROOT, '../../bin/ormdiff.js');

/**
 * `ormdiff diff --format json` as a user runs it (dist/, so after a build), in the app's folder, with the
 * shims as a Node module alias (register.js): the entities go through ormdiff's own TypeScript loader.
 */
function cliStatements(app: RealWorldApp, url: string): Promise<RealWorldRun['cli']> {
  return cliDiff(app, url, {});
}

/**
 * The whole model, as `ormdiff diff --format json` against an empty database plans it, compiled cold
 * (no model record) either by the loader's choice (`narrow`) or with the whole program always, and
 * which program the loader chose (ORMDIFF_TIMINGS' `compile`).
 */
export function cliModel(app: RealWorldApp, url: string, program: 'narrow' | 'whole'): Promise<RealWorldRun['cli']> {
  return cliDiff(app, url, { ORMDIFF_MODEL_CACHE: '0', ORMDIFF_WHOLE_PROGRAM: program === 'whole' ? '1' : undefined });
}

/** `ormdiff diff --format json` by the built CLI in the app's folder, with `env` over the app's; its statements and compile note. */
function cliDiff(app: RealWorldApp, url: string, extraEnv: Record<string, string | undefined>): Promise<RealWorldRun['cli']> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...app.env, NO_COLOR: '1', ORMDIFF_TIMINGS: '1', ...extraEnv };
  for (const [name, value] of Object.entries(extraEnv)) if (value === undefined) delete env[name];
  // jest's flags must not leak into the child's Node; the TypeORM of the matrix must (a jest project sets it as a global).
  delete env.NODE_OPTIONS;
  const alias = variant();
  if (alias) env[ENV] = alias;
  const args = [...nodeArgs(), '-r', path.join(ROOT, 'register.js'), BIN, 'diff', '--config', app.config, '--url', url, '--format', 'json'];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: path.join(ROOT, app.name), env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const timings = /^ormdiff-timings (.*)$/m.exec(stderr);
      const compile = timings ? (JSON.parse(timings[1]) as { compile?: string }).compile : undefined;
      if (error) resolve({ error: `exit ${String(error.code)}: ${stderr.trim() || error.message}` });
      else resolve({ up: (JSON.parse(stdout) as { up: string[] }).up.map(oneLine), ...(compile ? { compile } : {}) });
    });
  });
}

/** The version of the TypeORM `require('typeorm')` gives here (the matrix maps it); its package.json is not exported. */
export function typeormVersion(): string {
  for (let dir = path.dirname(require.resolve('typeorm')); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
    if (pkg.name === 'typeorm') return pkg.version;
  }
  throw new Error('no package.json of typeorm above require.resolve("typeorm")');
}

/** With REALWORLD_REPORT=<dir>, both lists are written there (for the READMEs' counts and lists). */
function report(app: RealWorldApp, run: RealWorldRun): void {
  const dir = process.env.REALWORLD_REPORT;
  if (!dir) return;
  const error = run.error === undefined ? undefined : run.error instanceof Error ? (run.error.stack ?? run.error.message) : String(run.error);
  const figures = { typeormVersion: typeormVersion(), typeormCount: run.typeorm.length, ormdiffCount: run.ormdiff?.length };
  const body = { ...figures, url: run.db.url, typeorm: run.typeorm, ormdiff: run.ormdiff, beyond: run.ormdiff && beyond(run.ormdiff, run.typeorm), error, cli: run.cli };
  writeFileSync(path.join(dir, `${app.name}.json`), JSON.stringify(body, null, 2));
}

/** With REALWORLD_REPORT=<dir>: what TypeORM's generator says after ormdiff built the app from an empty database. */
function reportEmpty(app: RealWorldApp, sharedTables: string[], selfContradicting: string[], rest: string[]): void {
  const dir = process.env.REALWORLD_REPORT;
  if (!dir) return;
  const body = { typeormVersion: typeormVersion(), sharedTables, selfContradicting: selfContradicting.length, rest, statements: selfContradicting };
  writeFileSync(path.join(dir, `${app.name}.empty.json`), JSON.stringify(body, null, 2));
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((i) => !test(i))];
}

/** A DROP … CASCADE would take along whatever still uses the object; ormdiff must never plan one. */
const dropsWithCascade = (sql: string): boolean => /^\s*(ALTER\s+TABLE\s+\S+\s+)?DROP\b[\s\S]*\bCASCADE\s*$/i.test(sql);

/** Runs the plan in one transaction: Postgres itself refuses to drop what something still uses. */
async function applyStatements(url: string, statements: string[]): Promise<void> {
  await withClient(url, async (c) => {
    await c.query('BEGIN');
    try {
      for (const sql of statements) await c.query(sql);
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK');
      throw error;
    }
  });
}

const testOrFailing = (reason: string | undefined) => (reason ? test.failing : test);

/** `a < b` for dotted release numbers (`0.3.0` < `0.3.11`); pre-release tags are not used here. */
export function olderThan(a: string, b: string): boolean {
  const [x, y] = [a, b].map((v) => v.split(/[.-]/).map((n) => Number.parseInt(n, 10) || 0));
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
}

/** The jest tests for one app. */
export function describeRealWorldApp(app: RealWorldApp): void {
  const installed = typeormVersion();
  if (app.requires && olderThan(installed, app.requires.typeorm)) {
    const { typeorm, because, error } = app.requires;
    describe(`real-world app ${app.name}`, () => {
      test(`needs TypeORM ${typeorm} or later (${because}): on ${installed} its entities do not load`, async () => {
        Object.assign(process.env, app.env ?? {});
        await expect(openProject({ config: app.config, cwd: path.join(ROOT, app.name) })).rejects.toThrow(error);
      });
    });
    return;
  }
  describe(`real-world app ${app.name}`, () => {
    let run: RealWorldRun | undefined;
    const known = app.knownFailures ?? {};

    beforeAll(async () => {
      run = await runApp(app);
    }, 300_000);
    afterAll(async () => {
      // REALWORLD_KEEP=1 leaves the database for a look (its URL is in the REALWORLD_REPORT file).
      if (!process.env.REALWORLD_KEEP) await run?.db.drop();
    });

    test('TypeORM applies all its migrations with its own runner', () => {
      expect(run).toBeDefined();
    });

    testOrFailing(known.load)(`ormdiff reads the unedited entity sources${known.load ? ` (known: ${known.load})` : ''}`, () => {
      if (run?.error) throw run.error;
      expect(run?.ormdiff).toBeDefined();
    });

    testOrFailing(known.report)(
      `ormdiff reports no more than TypeORM's generator, each statement justified in the README${known.report ? ` (known: ${known.report})` : ''}`,
      () => {
        if (run?.error) throw run.error;
        const ours = run!.ormdiff!;
        expect(ours.length).toBeLessThanOrEqual(run!.typeorm.length);
        // What ormdiff says about objects TypeORM's generator does not mention must be justified, one by one.
        const justified = new Set(justifiedStatements(app));
        expect(beyond(ours, run!.typeorm).filter((s) => !justified.has(s))).toEqual([]);
        expect(ours.filter(dropsWithCascade)).toEqual([]);
        // The same statement twice is never right (it fails to apply, or does nothing the second time).
        expect(ours.filter((s, i) => ours.indexOf(s) !== i)).toEqual([]);
      },
    );

    testOrFailing(known.cli)(
      `the ormdiff CLI, loading the .ts sources with its own loader, reports the same${known.cli ? ` (known: ${known.cli})` : ''}`,
      () => {
        if (run?.error) throw run.error;
        expect(run!.cli.error).toBeUndefined();
        expect(run!.cli.up).toEqual(run!.ormdiff);
      },
    );

    test("the CLI compiles the entities with the program over the app's own files, and reads the same model as with the whole program", async () => {
      const empty = await createTestDatabase(`ormdiff_rw_model_${app.name.replace(/\W/g, '_').slice(0, 12)}`);
      try {
        const narrow = await cliModel(app, empty.url, 'narrow');
        const whole = await cliModel(app, empty.url, 'whole');
        expect(narrow.error).toBeUndefined();
        expect(whole.error).toBeUndefined();
        expect(narrow.up!.length).toBeGreaterThan(0);
        expect(narrow.up).toEqual(whole.up);
        // The first CLI run of this file compiled the app, unless an earlier run left it compiled (not in a fresh clone).
        const chosen = app.wholeProgram ? expect.stringMatching(app.wholeProgram) : 'project files';
        for (const compile of [run!.cli.compile, narrow.compile]) if (compile !== undefined) expect(compile).toEqual(chosen);
        expect(whole.compile ?? 'whole program').toMatch(/^whole program/);
      } finally {
        await empty.drop();
      }
    }, 240_000);

    testOrFailing(known.apply)(
      `ormdiff's migration applies in one transaction, a second diff is empty, and its down restores the state${known.apply ? ` (known: ${known.apply})` : ''}`,
      async () => {
        if (run?.error) throw run.error;
        // Last, so the other tests read the state the app's migrations left.
        const { db } = run!;
        await applyStatements(db.url, run!.ormdiff!);
        expect(await ormdiffStatements(app, db.url)).toEqual([]);
        await applyStatements(db.url, run!.ormdiffDown!);
        expect(await ormdiffStatements(app, db.url)).toEqual(run!.ormdiff);
      },
      120_000,
    );

    testOrFailing(known.empty)(
      `from an empty database, ormdiff's migration builds what TypeORM's generator then finds in step${known.empty ? ` (known: ${known.empty})` : ''}`,
      async () => {
        const empty = await createTestDatabase(`ormdiff_rw_empty`);
        try {
          const up = await ormdiffStatements(app, empty.url);
          await applyStatements(empty.url, up);
          expect(await ormdiffStatements(app, empty.url)).toEqual([]);
          const project = await openProject({ config: app.config, cwd: path.join(ROOT, app.name), url: empty.url });
          const theirs = await typeormView(project.dataSourceOptions, empty.url);
          // On a table TypeORM maps twice it contradicts itself (README): all the rest must be in step.
          const shared = new Set(theirs.sharedTables);
          const tables = await indexTables(empty.url);
          const [selfContradicting, rest] = partition(theirs.statements, (s) => shared.has(tableOf(s, tables) ?? ''));
          reportEmpty(app, theirs.sharedTables, selfContradicting, rest);
          expect(rest).toEqual([]);
        } finally {
          await empty.drop();
        }
      },
      300_000,
    );
  });
}
