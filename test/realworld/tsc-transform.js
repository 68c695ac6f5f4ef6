/**
 * Jest transform for the vendored apps' sources: TypeScript's own emit from one program over the whole
 * app, as the apps' own `tsc` builds compile them. Two reasons, both issue 8 item 2:
 *   - SWC (the rest of the suite) turns the imports of a circular entity graph into live bindings that
 *     throw "Cannot access 'X' before initialization"; tsc's CommonJS output reads undefined and the
 *     relation's lazy type function resolves later;
 *   - `design:type` of a property typed with an imported string union or enum is String/Number only
 *     with the types at hand (a per-file transpile says Object), and `@Column()` without a type reads it.
 * Unresolved imports (packages that are not installed, files not vendored) only lose their types.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const ROOT = __dirname;

const COMPILER_OPTIONS = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  esModuleInterop: true,
  // The apps' own tsconfigs: class fields by assignment (TypeORM 0.3's era), as with target < ES2022.
  useDefineForClassFields: false,
  allowImportingTsExtensions: true,
  skipLibCheck: true,
  noResolve: false,
  sourceMap: true,
  types: [],
};

const programs = new Map();

function tsFiles(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) tsFiles(file, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(file);
  }
  return out;
}

/** One program per app (test/realworld/<app>/app), built on first use. */
function programFor(filename) {
  const app = path.relative(ROOT, filename).split(path.sep)[0];
  if (!programs.has(app)) {
    const dir = path.join(ROOT, app, 'app');
    programs.set(app, ts.createProgram(tsFiles(dir), COMPILER_OPTIONS));
  }
  return programs.get(app);
}

const SELF = crypto.createHash('sha256').update(fs.readFileSync(__filename)).update(ts.version).digest('hex');

module.exports = {
  /** This file and TypeScript's version are part of the key, not only the source (jest's default). */
  getCacheKey(source, filename) {
    return crypto.createHash('sha256').update(SELF).update(filename).update(source).digest('hex');
  },

  process(source, filename) {
    const program = programFor(filename);
    const sourceFile = program.getSourceFile(filename);
    if (!sourceFile || sourceFile.text !== source) {
      // Not part of the program as read (should not happen for vendored files): compile it alone.
      const { outputText, sourceMapText } = ts.transpileModule(source, { fileName: filename, compilerOptions: COMPILER_OPTIONS });
      return { code: outputText, map: sourceMapText };
    }
    let code = '';
    let map;
    program.emit(sourceFile, (name, text) => {
      if (name.endsWith('.js')) code = text;
      else if (name.endsWith('.js.map')) map = text;
    });
    return { code, map };
  },
};
