import { describeRealWorldApp } from '../harness';

describeRealWorldApp({
  name: 'medusa-v1',
  config: 'ormconfig.ts',
  // As `medusa migrations run` does: the migrations of feature flags that are off (medusa_v2, …) are skipped.
  // (Required at run time: the shim imports vendored files, which are not typechecked with ormdiff.)
  includeMigration: (exports) =>
    (require('./shims/feature-flags') as { isMigrationEnabled(e: Record<string, unknown>): boolean }).isMigrationEnabled(exports),
});
