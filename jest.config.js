/** Tests run TypeScript through SWC with decorator metadata, as users' entity files are loaded. */
module.exports = {
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
  // The vendored real-world apps' imports of what was not vendored go to their shims (test/realworld/resolver.js).
  resolver: '<rootDir>/test/realworld/resolver.js',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  testTimeout: 60000,
  maxWorkers: 2,
};
