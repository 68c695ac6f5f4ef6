/**
 * `node -r test/realworld/register.js …`: the shims of resolver.js as a Node module alias, so that the
 * ormdiff CLI, with its own TypeScript loader, loads the vendored apps exactly as a user's project.
 */
const Module = require('node:module');
const path = require('node:path');
const { shimFor } = require('./resolver');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const shim = parent && parent.filename ? shimFor(request, path.dirname(parent.filename)) : undefined;
  return resolve.call(this, shim ?? request, parent, ...rest);
};
