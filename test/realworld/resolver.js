/**
 * Jest resolver for the vendored real-world apps (test/realworld/<app>/app/, copied unedited).
 *
 * A vendored file may import something that was not vendored: a package ormdiff does not install
 * (class-transformer, lodash, …) or one of the app's own modules outside the entity graph (DTOs, the
 * app's utility barrel). Each app's `shims.json` maps such an import to a tiny stand-in in its
 * `shims/` folder, like a tsconfig `paths` alias, but only for importers inside that app:
 *   - a bare specifier ("class-transformer") maps by name;
 *   - a relative import maps by the repository path it would resolve to ("src/modules/post/dtos/post.dto.ts"),
 *     and only when that file was not vendored.
 * Everything else resolves as usual. `register.js` applies the same aliases to plain Node (`node -r`), for
 * the ormdiff CLI and its own TypeScript loader.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = __dirname;
const EXTENSIONS = ['', '.ts', '.js', '/index.ts', '/index.js'];
const apps = new Map();

/** The app folder (test/realworld/<app>) that `dir` lies in, if any. */
function appOf(dir) {
  const rel = path.relative(ROOT, dir);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const name = rel.split(path.sep)[0];
  if (!apps.has(name)) {
    const file = path.join(ROOT, name, 'shims.json');
    apps.set(name, fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {});
  }
  return { dir: path.join(ROOT, name), shims: apps.get(name) };
}

function shimFor(request, basedir) {
  const app = appOf(basedir);
  if (!app) return undefined;
  let key = request;
  if (request.startsWith('.')) {
    const target = path.resolve(basedir, request);
    if (EXTENSIONS.some((ext) => fs.existsSync(target + ext) && fs.statSync(target + ext).isFile())) return undefined;
    key = path.relative(path.join(app.dir, 'app'), target).split(path.sep).join('/');
  }
  const shim = app.shims[key] ?? app.shims[key.replace(/\.ts$/, '')];
  return shim === undefined ? undefined : path.join(app.dir, shim);
}

module.exports = (request, options) => shimFor(request, options.basedir) ?? options.defaultResolver(request, options);
module.exports.shimFor = shimFor;
