#!/usr/bin/env node
'use strict';
// The CLI is one bundled file (npm run build): a run that changes nothing spends a tenth of its time
// finding, reading and wrapping ormdiff's own modules one by one otherwise. Packages stay separate.
const cli = require('../dist/cli/ormdiff.js');
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // For the bench and for finding what is slow: one JSON line on stderr, after the command's own output.
  if (process.env.ORMDIFF_TIMINGS) process.stderr.write(`ormdiff-timings ${cli.timingsLine()}\n`);
});
