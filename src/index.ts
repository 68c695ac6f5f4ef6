/**
 * ormdiff's programmatic API: every CLI command is one of these functions, so tests, jest fixtures and
 * CI scripts call them directly.
 */
export { diff, renderPlan, type DiffOptions, type DiffResult, type DiffFormat } from './api/diff';
export { revision, type RevisionCommandOptions, type RevisionResult } from './api/revision';
export { openProject, type Project, type ProjectOptions } from './api/project';
export { check, type CheckOptions, type CheckResult, type Finding, type UnacknowledgedHazard } from './api/check';
export { verify, type VerifyOptions, type VerifyResult, type VerifyProblem } from './api/verify';
export { lint } from './api/lint';
export { scaffold as init, type ScaffoldOptions, type ScaffoldResult } from './api/scaffold';
export { withScratchDatabase, replayMigrations, scratchSourceFor, type ScratchSource, type ScratchDatabase } from './scratch';
export { compareEntitiesWithDatabase, compareWithClient, readDesired, type Comparison } from './api/compare';
export {
  upgrade,
  downgrade,
  stamp,
  current,
  history,
  heads,
  branches,
  show,
  merge,
  importTypeorm,
  assertAtHead,
} from './runner';
export { introspect } from './introspect';
export { readEntities } from './entities/read';
export { loadConfig } from './config/load';
export { diffSchemas } from './diff/diff';
export { invert, type Change } from './diff/changes';
export { planChanges, type Plan, type Statement, type Warning } from './plan/plan';
export { renderChange } from './ddl/sql';
export { renderPlanSql } from './render/sql';
export { renderMigration } from './render/migration';
export { renderMarkdown } from './render/markdown';
export { renderJson } from './render/json';
export type * from './schema/model';
export { OrmdiffError, UsageError, DatabaseError, ExitCode } from './errors';
export { createTestDatabase, type TestDatabase } from './testing/database';
export { migratedTestDatabase, testDatabase, startTestServer, type ServedTestDatabase, type TestServer } from './testing';
