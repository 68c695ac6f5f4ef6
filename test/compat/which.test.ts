import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
test('which', () => {
  const main = require.resolve('typeorm');
  console.log(main, require('typeorm/package.json').version);
});
