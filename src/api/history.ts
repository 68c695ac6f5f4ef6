/**
 * Migrations at or before the baseline (src/runner/baseline.ts) are history: they ran everywhere and
 * cannot be changed any more, so their hazards are reported as information and block nothing.
 */
import { resolve } from 'node:path';
import type { LintResult } from '../lint/lint';
import { loadGraph } from '../runner';
import { historicalRevisions, readBaseline } from '../runner/baseline';

/** The files (absolute paths) of the historical revisions; empty without a baseline. */
export function historicalFiles(migrationsDir: string): Set<string> {
  const baseline = readBaseline(migrationsDir);
  if (baseline === undefined) return new Set();
  const graph = loadGraph(migrationsDir);
  return new Set([...historicalRevisions(graph, baseline, migrationsDir)].map((id) => resolve(graph.nodes.get(id)!.path)));
}

/** `results[i]` is the lint result of `files[i]`; those of historical files become information. */
export function markHistory(results: LintResult[], files: readonly string[], migrationsDir: string): LintResult[] {
  const history = historicalFiles(migrationsDir);
  if (history.size === 0) return results;
  return results.map((r, i) =>
    history.has(resolve(files[i]))
      ? {
          ...r,
          blocking: false,
          findings: r.findings.map((f) => ({ ...f, severity: 'info' as const, blocking: false, message: `${f.message} (history: at or before the baseline)` })),
        }
      : r,
  );
}
