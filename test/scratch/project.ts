/** A temporary copy of the example project (config, entities, migrations) to run the built CLI in. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, ROOT } from '../cli/helpers';
import { nodeArgs } from '../typeorm-variant';
import { createTestDatabase, serverUrl, type TestDatabase } from '../../src/testing/database';

export interface TempProject {
  dir: string;
  migrations(): string[];
  /** Writes a hand-made migration `<revision>_<slug>.ts` with the given up/down bodies. */
  addMigration(m: { revision: string; parent: string | null; slug: string; up: string; down: string }): string;
  remove(): void;
}

/** The example's migration files git tracks, relative to the repository. */
export function exampleMigrations(): string[] {
  return execFileSync('git', ['-C', ROOT, 'ls-files', '-z', 'migrations'], { encoding: 'utf8' }).split('\0').filter(Boolean);
}

export function copyExampleProject(): TempProject {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ormdiff-scratch-'));
  // As root the embedded server runs as the OS user postgres, which must be able to enter the project.
  chmodSync(dir, 0o755);
  for (const item of ['entities', 'ormconfig.ts']) cpSync(path.join(ROOT, item), path.join(dir, item), { recursive: true });
  // The example's migrations as the repository has them: a migration the README's main job wrote into
  // the checkout (untracked) is not part of the example these tests are about.
  mkdirSync(path.join(dir, 'migrations'));
  for (const file of exampleMigrations()) cpSync(path.join(ROOT, file), path.join(dir, file));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const migrationsDir = path.join(dir, 'migrations');
  return {
    dir,
    migrations: () => readdirSync(migrationsDir).filter((f) => f.endsWith('.ts')).sort(),
    addMigration({ revision, parent, slug, up, down }) {
      const file = path.join(migrationsDir, `${revision}_${slug}.ts`);
      const className = slug.replace(/(^|_)(\w)/g, (_m, _u, c: string) => c.toUpperCase()) + '1795515972999';
      writeFileSync(
        file,
        `/**\n * ${slug.replace(/_/g, ' ')}\n *\n * Revision ID: ${revision}\n * Revises: ${parent ?? '(none)'}\n */\n` +
          `import { MigrationInterface, QueryRunner } from "typeorm";\n\n` +
          `export class ${className} implements MigrationInterface {\n` +
          `  name = "${className}";\n  revision = "${revision}";\n` +
          `  downRevision: string | string[] | null = ${parent ? `"${parent}"` : 'null'};\n  transaction = true;\n\n` +
          `  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n` +
          `  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
      );
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The revision of the example project's one migration. */
export const INITIAL = '84877894d01b';

/** The scratch databases a run created, as its stderr reports them. */
export function scratchNames(stderr: string): string[] {
  return [...stderr.matchAll(/Created scratch database (ormdiff_scratch_[0-9a-z_]+)/g)].map((m) => m[1]);
}

/** Starts the built CLI without waiting, for tests that signal it. */
export function startCli(args: string[], cwd: string, env: Record<string, string | undefined>): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stderr: string }> } {
  const merged = { ...process.env, NO_COLOR: '1', ...env } as Record<string, string>;
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  delete merged.NODE_OPTIONS;
  const child = spawn(process.execPath, [...nodeArgs(), BIN, ...args], { cwd, env: merged, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
  return { child, done };
}

/**
 * A copy of the example project and a fresh database for one test file, made before its tests and
 * removed after; the getters read them once the hooks have run.
 */
export function projectWithDatabase(server: () => string = serverUrl): { db: () => TestDatabase; project: () => TempProject } {
  let db: TestDatabase;
  let project: TempProject;
  beforeAll(async () => {
    db = await createTestDatabase('ormdiff_test', server());
    project = copyExampleProject();
  });
  afterAll(async () => {
    await db?.drop();
    project?.remove();
  });
  return { db: () => db, project: () => project };
}
