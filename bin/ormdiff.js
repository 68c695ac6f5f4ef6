#!/usr/bin/env node
'use strict';
require('../dist/src/cli/main.js').main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  if (process.env.ORMDIFF_TIMINGS) {
    // For the bench and for finding what is slow: one JSON line on stderr, after the command's own output.
    const { stageTimes, runNotes } = require('../dist/src/timings.js');
    const { roundTripCount } = require('../dist/src/db/connect.js');
    process.stderr.write(`ormdiff-timings ${JSON.stringify({ stagesMs: stageTimes(), roundTrips: roundTripCount(), uptimeMs: Math.round(process.uptime() * 1000), ...runNotes() })}\n`);
  }
});
