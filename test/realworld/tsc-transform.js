/**
 * Jest transform for the vendored apps' sources: TypeScript's own emit (transpileModule), as the apps
 * build themselves with tsc. SWC, which the rest of the suite uses, turns the imports of a circular
 * entity graph into live bindings that throw "Cannot access 'X' before initialization" (issue 8 item 2),
 * where tsc's CommonJS output reads undefined and the relation's lazy type function resolves later.
 */
const ts = require('typescript');

module.exports = {
  process(source, filename) {
    const { outputText, sourceMapText } = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        esModuleInterop: true,
        // The apps' own tsconfigs: class fields by assignment (TypeORM 0.3's era), as with target < ES2022.
        useDefineForClassFields: false,
        sourceMap: true,
      },
    });
    return { code: outputText, map: sourceMapText };
  },
};
