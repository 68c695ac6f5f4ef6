/**
 * `npm run test:unit`: the tests that need no database, without the global setup that creates the
 * test databases. Each listed file imports no database helper (src/testing/database, the scenario
 * harness, a connecting fixture) and spawns no CLI; test/unit-setup.js makes any pg connection from
 * them fail, and test/architecture/unit-tests.test.ts checks the list (test/unit-tests.js) against those rules.
 */
const { globalSetup: _setup, globalTeardown: _teardown, ...base } = require('./jest.config.js');

const { UNIT_TESTS } = require('./test/unit-tests');

module.exports = {
  ...base,
  testMatch: UNIT_TESTS.map((f) => `<rootDir>/${f}`),
  setupFiles: [...(base.setupFiles ?? []), '<rootDir>/test/unit-setup.js'],
};
