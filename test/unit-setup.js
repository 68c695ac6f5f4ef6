/**
 * Setup of `npm run test:unit` (jest.unit.config.js): the unit list is the tests that need no database,
 * so a connection attempt from one of them is a mistake in the list. It fails at once, naming the file
 * to move out, instead of waiting on a server that the unit run does not start.
 */
const pg = require('pg');

function refuse() {
  const file = (typeof expect !== 'undefined' && expect.getState().testPath) || 'a unit test';
  throw new Error(`${file} opened a PostgreSQL connection, but it is in jest.unit.config.js's database-free list: take it out of UNIT_TESTS`);
}

pg.Client.prototype.connect = refuse;
pg.Pool.prototype.connect = refuse;
