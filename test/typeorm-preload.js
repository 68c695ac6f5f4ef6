/** `node --require` this file: `typeorm` resolves to the ORMDIFF_TEST_TYPEORM copy (see typeorm-variant.js). */
'use strict';
require('./typeorm-variant').installResolver();
