/**
 * The baseline: the revision up to which the migrations are history. It is kept in a one-line file
 * beside the migrations, `ormdiff.baseline` (not a .ts/.js file, so neither ormdiff nor TypeORM loads
 * it as a migration), committed with them: the baseline and everything it descends from is history,
 * already run everywhere and not to be changed. `check` and `lint` report the hazards of history as
 * information, and `verify` starts after it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './errors';
import { ancestorsOf, RevisionGraph } from './graph';

export const BASELINE_FILE = 'ormdiff.baseline';

export const baselinePath = (migrationsDir: string): string => join(migrationsDir, BASELINE_FILE);

/** The baseline revision the folder records, if any. */
export function readBaseline(migrationsDir: string): string | undefined {
  const file = baselinePath(migrationsDir);
  if (!existsSync(file)) return undefined;
  const id = readFileSync(file, 'utf8').trim();
  return id || undefined;
}

export function writeBaseline(migrationsDir: string, revision: string): void {
  writeFileSync(baselinePath(migrationsDir), `${revision}\n`);
}

/** The baseline and its ancestors; refused when no file declares the recorded baseline. */
export function historicalRevisions(graph: RevisionGraph, baseline: string | undefined, migrationsDir: string): Set<string> {
  if (baseline === undefined) return new Set();
  if (!graph.nodes.has(baseline)) {
    throw new UsageError(`${baselinePath(migrationsDir)} names revision ${baseline}, which no migration file declares; set it again with \`ormdiff baseline <revision>\``);
  }
  return ancestorsOf(graph, [baseline]);
}
