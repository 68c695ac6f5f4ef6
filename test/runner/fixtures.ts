/** Temporary migration directories for the runner's tests. */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { migrationSourceUnformatted } from '../../src/runner/template';

export interface Dir {
  path: string;
  remove(): void;
}

/** A fresh directory that can `import ... from "typeorm"` (its node_modules points at the project's). */
export function migrationsDir(): Dir {
  const path = mkdtempSync(join(tmpdir(), 'ormdiff-runner-'));
  symlinkSync(resolve(__dirname, '../../node_modules'), join(path, 'node_modules'), 'dir');
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface Spec {
  revision: string;
  down?: string | string[] | null;
  up?: string[];
  downSql?: string[];
  transaction?: boolean;
  message?: string;
}

let clock = 1_700_000_000_000;

/** Writes one migration in the runner's own file format; returns its path. */
export function writeMigration(dir: string, spec: Spec): string {
  const message = spec.message ?? `step ${spec.revision}`;
  const source = migrationSourceUnformatted({
    message,
    revision: spec.revision,
    downRevision: spec.down ?? null,
    createDate: new Date(clock),
    className: `M${spec.revision}${clock++}`,
    up: spec.up,
    down: spec.downSql,
    transaction: spec.transaction,
  });
  const path = join(dir, `${spec.revision}_${message.replace(/\W+/g, '_')}.ts`);
  writeFileSync(path, source);
  return path;
}

/** A migration that creates table t_<rev> and drops it on the way down. */
export function tableMigration(dir: string, revision: string, down: string | string[] | null, extra: Partial<Spec> = {}): string {
  return writeMigration(dir, {
    revision,
    down,
    up: [`CREATE TABLE "t_${revision}" ("id" integer)`],
    downSql: [`DROP TABLE "t_${revision}"`],
    ...extra,
  });
}
