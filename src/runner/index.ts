/**
 * The migration runner's programmatic API: one function per command, each returning data and
 * printing nothing (progress goes to the optional `log` callback).
 */
export { upgrade, downgrade, stamp } from './migrate';
export type { RunResult, UpgradeOptions, DowngradeOptions, StampOptions, StampResult } from './migrate';
export { current, history, heads, branches, show, assertAtHead, summarize } from './inspect';
export type { CurrentResult, HistoryEntry, HistoryOptions, InspectOptions, RevisionSummary } from './inspect';
export { revision, merge } from './author';
export type { MergeOptions, RevisionOptions, WrittenRevision } from './author';
export { importTypeorm } from './adopt';
export type { ImportResult, ImportTypeormOptions } from './adopt';
export type { RunOptions } from './context';
export type { StepObserver, StepResult, StepStarted } from './execute';
export { checksumMatches, changedRevisions, codeChecksum, CODE_CHECKSUM_TAG } from './checksum';
export type { ChangedRevision, Checksums } from './checksum';
export { sourceLine } from './load';
export type { TypeormTable } from './typeorm-table';
export type { DatabaseOptions } from './session';
export { ensureExtensions, createExtensionSql } from './extensions';
export type { ConnectExtensions, ExtensionOutcome } from './extensions';
export type { Statement } from './sql';
export { renderScript, VERSION_TABLE, HISTORY_TABLE } from './sql';
export type { BlockingRecord, HistoryEvent } from './state';
export { loadGraph, loadRevisions } from './load';
export type { LoadedRevision, MigrationGraph } from './load';
export { buildGraph } from './graph';
export type { RevisionGraph, RevisionNode } from './graph';
export { parseTarget, planUpgrade, planDowngrade, planStamp, revisionsInRange } from './targets';
export type { PlanStep, Target } from './targets';
export { renderMigrationSource, classNameFor, fileNameFor, slugOf, newRevisionId } from './template';
export type { MigrationSource } from './template';
export { formatRevisionLine, formatRevisionVerbose, formatEvent } from './format';
export {
  RunnerError,
  GraphError,
  UsageError,
  MultipleHeadsError,
  NotUpToDateError,
  ChangedMigrationError,
  ConnectionError,
  LockTimeoutError,
  MigrationError,
  PartialMigrationError,
} from './errors';
