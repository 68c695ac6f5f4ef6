/**
 * Tests run TypeScript through SWC with decorator metadata, as users' entity files are loaded.
 * ORMDIFF_TEST_TYPEORM=typeorm-0.3.0 (etc.) runs them on another TypeORM; ORMDIFF_TEST_MATRIX=1 (set by
 * `npm run test:typeorm-0.3`) runs the version matrix: see test/typeorm-variant.js.
 */
const { matrixProjects, moduleNameMapper } = require('./test/typeorm-variant');

const project = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // The vendored real-world apps compile as their own builds do (test/realworld/tsc-transform.js).
    '/test/realworld/[^/]+/app/.+\\.ts$': '<rootDir>/test/realworld/tsc-transform.js',
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: moduleNameMapper(),
  // The vendored real-world apps' imports of what was not vendored go to their shims (test/realworld/resolver.js).
  resolver: '<rootDir>/test/realworld/resolver.js',
};

const run = {
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  // CLI tests start whole processes that compile a project cold; a loaded CI machine must not fail them on time alone.
  testTimeout: 180000,
  maxWorkers: 2,
};

module.exports = process.env.ORMDIFF_TEST_MATRIX ? { ...run, projects: matrixProjects({ ...project, rootDir: __dirname }) } : { ...project, ...run };
