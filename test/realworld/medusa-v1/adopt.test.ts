/**
 * Issue 11 on a real TypeORM app: Medusa v1's 82 timestamp-named migrations, vendored unedited, adopted
 * by `ormdiff init` as they are, then ormdiff and TypeORM's own runner taking turns on them. The steps
 * share one copy of the app (under test/realworld/, so its shims apply) and run in order.
 *
 * Databases: A is migrated by ormdiff, B by TypeORM's runner (`DataSource.runMigrations()`, global
 * transaction mode "all": its defaults), C is fresh for the squashed folder. Schemas are compared as
 * ormdiff introspects them (src/scratch/snapshot.ts), without the bookkeeping tables.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource, type MigrationInterface } from 'typeorm';
import { differingObjects, snapshot } from '../../../src/scratch/snapshot';
import { createTestDatabase, querySql, serverUrl, withClient, type TestDatabase } from '../../../src/testing/database';
import { nodeArgs } from '../../typeorm-variant';

const APP = __dirname;
const REALWORLD = path.dirname(APP);
const BIN = path.resolve(REALWORLD, '../../bin/ormdiff.js');
const COPY = path.join(REALWORLD, `.adopt-medusa-${process.pid}`);
const MIGRATIONS = path.join(COPY, 'app/packages/medusa/src/migrations');
const ORIGINAL = path.join(APP, 'app/packages/medusa/src/migrations');
const FIRST = 'initialSchema1611063162649';
const LAST_MEDUSA = 'AlterCustomerUniqueConstraint1709888477798';

jest.setTimeout(20 * 60_000);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The built CLI in the copy's folder, with the app's shims (register.js), as a user runs it. */
function ormdiff(...args: string[]): Promise<Run> {
  const started = Date.now();
  const env = { ...process.env, NO_COLOR: '1' } as Record<string, string>;
  delete env.NODE_OPTIONS;
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, [...nodeArgs(), '-r', path.join(REALWORLD, 'register.js'), BIN, ...args], { cwd: COPY, env, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr, ms: Date.now() - started }),
    );
  });
}

const timings: Record<string, number> = {};
async function step(name: string, ...args: string[]): Promise<Run> {
  const run = await ormdiff(...args);
  timings[name] = run.ms;
  return run;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const migrationFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();

/** TypeORM's glob loader over the copy's folder: every exported migration class of every file (jest's require, tsc-transform). */
function typeormClasses(): Array<new () => MigrationInterface> {
  const classes: Array<new () => MigrationInterface> = [];
  for (const file of migrationFiles(MIGRATIONS)) {
    for (const value of Object.values(require(path.join(MIGRATIONS, file)) as Record<string, unknown>)) {
      const proto = typeof value === 'function' ? (value as { prototype?: Record<string, unknown> }).prototype : undefined;
      if (proto && typeof proto.up === 'function' && typeof proto.down === 'function') classes.push(value as new () => MigrationInterface);
    }
  }
  return classes;
}

async function typeorm<T>(url: string, fn: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = new DataSource({ type: 'postgres', url, migrations: typeormClasses(), logging: false });
  await ds.initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

const schemaOf = (url: string) => withClient(url, (client) => snapshot(client, []));
const typeormRows = async (url: string) => (await querySql<{ name: string }>(url, 'SELECT "name" FROM "migrations" ORDER BY "id"')).map((r) => r.name);
const versionRows = async (url: string) => (await querySql<{ version_num: string }>(url, 'SELECT "version_num" FROM "ormdiff_version"')).map((r) => r.version_num);

let a: TestDatabase;
let b: TestDatabase;
let c: TestDatabase;
let generated: string;

beforeAll(async () => {
  cpSync(path.join(APP, 'app'), path.join(COPY, 'app'), { recursive: true });
  cpSync(path.join(APP, 'shims'), path.join(COPY, 'shims'), { recursive: true });
  cpSync(path.join(APP, 'shims.json'), path.join(COPY, 'shims.json'));
  cpSync(path.join(APP, 'ormconfig.ts'), path.join(COPY, 'ormconfig.ts'));
  [a, b, c] = [await createTestDatabase('adopt_medusa_a'), await createTestDatabase('adopt_medusa_b'), await createTestDatabase('adopt_medusa_c')];
});

afterAll(async () => {
  rmSync(COPY, { recursive: true, force: true });
  for (const db of [a, b, c]) await db?.drop();
  // The figures the report quotes.
  console.log(`adopt medusa-v1 timings (ms): ${JSON.stringify(timings)}`);
});

test('ormdiff init adopts the 82 migrations unedited and says so', async () => {
  const run = await step('init', 'init');
  expect(run.stderr).not.toMatch(/warning|ormdiff:/);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`Adopted 82 TypeORM migration(s) in app/packages/medusa/src/migrations as they are, in TypeORM's order: ${FIRST} … ${LAST_MEDUSA}`);
  expect(migrationFiles(MIGRATIONS)).toEqual(migrationFiles(ORIGINAL));
  for (const file of migrationFiles(ORIGINAL)) expect(sha256(path.join(MIGRATIONS, file))).toBe(sha256(path.join(ORIGINAL, file)));
});

test("upgrade head on a fresh database gives the schema TypeORM's migration:run gives, and the same TypeORM table", async () => {
  const up = await step('upgrade head (82)', 'upgrade', 'head', '--url', a.url);
  expect(up.stderr).not.toMatch(/ormdiff:/);
  expect(up.code).toBe(0);
  const started = Date.now();
  const ran = await typeorm(b.url, (ds) => ds.runMigrations());
  timings['typeorm migration:run (82)'] = Date.now() - started;
  expect(ran).toHaveLength(82);
  expect(differingObjects(await schemaOf(a.url), await schemaOf(b.url))).toEqual([]);
  expect(await typeormRows(a.url)).toEqual(await typeormRows(b.url));
  expect(await versionRows(a.url)).toEqual([LAST_MEDUSA]);
  // ormdiff reads TypeORM's table on B, where it never ran: B is at the head for it too.
  const current = await ormdiff('current', '--url', b.url);
  expect(current.stdout).toContain(`${LAST_MEDUSA} (head) (current)`);
});

test('TypeORM runs a new ormdiff-generated migration; both tables agree', async () => {
  const written = await step('revision --autogenerate', 'revision', '--autogenerate', '-m', 'catch up with the models', '--url', a.url);
  expect(written.code).toBe(0);
  generated = /Generating .*\/([0-9a-f]{12})_catch_up_with_the_models\.ts/.exec(written.stdout)![1];
  const source = readFileSync(path.join(MIGRATIONS, `${generated}_catch_up_with_the_models.ts`), 'utf8');
  expect(source).toMatch(new RegExp(`downRevision: string \\| string\\[\\] \\| null =\\s*"${LAST_MEDUSA}";`));
  expect(source).not.toMatch(/\btransaction\s*=/);

  const ran = await typeorm(b.url, (ds) => ds.runMigrations());
  expect(ran.map((m) => m.name)).toEqual([expect.stringMatching(/^CatchUpWithTheModels\d{13}$/)]);
  expect((await ormdiff('upgrade', 'head', '--url', a.url)).code).toBe(0);
  expect(differingObjects(await schemaOf(a.url), await schemaOf(b.url))).toEqual([]);
  const current = await ormdiff('current', '--url', b.url);
  expect(current.stdout).toContain(`${generated} (head) (current)`);
  expect(await typeormRows(a.url)).toEqual(await typeormRows(b.url));
});

test('lint fails on the history without a baseline; with the baseline set, check passes', async () => {
  const lint = await step('lint (no baseline)', 'lint');
  expect(lint.code).toBe(1);
  expect(lint.stdout).toMatch(/error-level warning\(s\) not acknowledged/);
  const marked = await ormdiff('baseline', generated);
  expect(marked.stdout).toContain(`Baseline: ${generated} (83 revision(s) are history)`);
  expect(readFileSync(path.join(MIGRATIONS, 'ormdiff.baseline'), 'utf8')).toBe(`${generated}\n`);
  const check = await step('check (baseline set)', 'check', '--scratch-url', serverUrl());
  expect(check.stdout).toContain('Entities and migrations (83) agree');
  expect(check.code).toBe(0);
});

test('ormdiff runs a new TypeORM-generated migration; both tables agree', async () => {
  // As `typeorm migration:generate` writes it.
  writeFileSync(
    path.join(MIGRATIONS, '1800000000000-StoreNote.ts'),
    `import { MigrationInterface, QueryRunner } from "typeorm";

export class StoreNote1800000000000 implements MigrationInterface {
    name = 'StoreNote1800000000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(\`ALTER TABLE "store" ADD "note" character varying\`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(\`ALTER TABLE "store" DROP COLUMN "note"\`);
    }
}
`,
  );
  const up = await ormdiff('upgrade', 'head', '--url', b.url);
  expect(up.code).toBe(0);
  expect(up.stderr).toContain(`Running upgrade ${generated} -> StoreNote1800000000000`);
  expect(await versionRows(b.url)).toEqual(['StoreNote1800000000000']);
  expect((await typeormRows(b.url)).slice(-2)).toEqual([expect.stringMatching(/^CatchUpWithTheModels\d{13}$/), 'StoreNote1800000000000']);
  expect(await typeorm(b.url, (ds) => ds.showMigrations())).toBe(false);
});

test('squash of the whole history: one migration, proven, with the same schema from scratch and the ids others know', async () => {
  const squashed = await step('squash (84 → 1)', 'squash', `${FIRST}:StoreNote1800000000000`, '-m', 'medusa history', '--scratch-url', serverUrl());
  expect(squashed.stderr).not.toMatch(/ormdiff:/);
  expect(squashed.code).toBe(0);
  expect(squashed.stdout).toMatch(/Squashed 84 migrations \(initialSchema1611063162649 … StoreNote1800000000000\) into .*StoreNote1800000000000_medusa_history\.ts/);
  // Medusa's own downs fail (`DROP COLUMN IF NOT EXISTS`): the down is planned from the schemas, and says so.
  expect(squashed.stdout).toContain("The range's own downs fail");
  expect(migrationFiles(MIGRATIONS)).toEqual(['StoreNote1800000000000_medusa_history.ts']);
  // The baseline named a revision inside the range: it now names the squashed one.
  expect(readFileSync(path.join(MIGRATIONS, 'ormdiff.baseline'), 'utf8')).toBe('StoreNote1800000000000\n');

  const fresh = await step('upgrade head (squashed)', 'upgrade', 'head', '--url', c.url);
  expect(fresh.code).toBe(0);
  expect(differingObjects(await schemaOf(c.url), await schemaOf(b.url))).toEqual([]);
  // B ran the 84: for ormdiff and for TypeORM it is at the squashed one already.
  expect((await ormdiff('current', '--url', b.url)).stdout).toContain('StoreNote1800000000000 (head) (current)');
  expect(await typeorm(b.url, (ds) => ds.showMigrations())).toBe(false);
  expect(await typeorm(c.url, (ds) => ds.showMigrations())).toBe(false);
  expect((await ormdiff('downgrade', 'base', '--url', c.url)).code).toBe(0);
  expect((await schemaOf(c.url)).tables).toEqual([]);
});
