/**
 * Stand-in for packages/medusa/src/loaders/feature-flags/index.ts (the loader reads the project config
 * and the environment). Every flag is on, to match the test, which applies every migration, the
 * flagged ones included, as TypeORM's runner does.
 */
export const featureFlagRouter = {
  isFeatureEnabled(_flag: string | string[]): boolean {
    return true;
  },
};
