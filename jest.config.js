/**
 * Tests run TypeScript through SWC with decorator metadata, as users' entity files are loaded.
 * ORMDIFF_TEST_TYPEORM=typeorm-0.3.0 (etc.) runs them on another TypeORM: see test/typeorm-variant.js.
 */
const { moduleNameMapper } = require('./test/typeorm-variant');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
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
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  testTimeout: 60000,
  maxWorkers: 2,
};
