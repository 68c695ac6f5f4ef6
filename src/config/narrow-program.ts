/**
 * A program over the project's own files only, and the test of whether it emits what the whole
 * program would.
 *
 * The whole program parses every declaration file the project reaches: TypeORM's (a megabyte),
 * @types/node (two), everything else under node_modules the entities import or `types` names. On a
 * first run that is most of the time and memory (2 s and 200 MiB for a five-entity NestJS app). Emit
 * needs little of it: the import elision and `design:type` of the project's files depend on types
 * declared elsewhere only where a decorated member's type (or a project type alias it goes through)
 * names one, where a file re-exports names of a package (kept when the name is a value, dropped
 * when it is a type), and where code reads a member of a package's `const enum` (inlined).
 *
 * So the narrow program is the project's files plus the standard library its options name (the
 * built-in types such as `Date` serialize as in the whole program), with every import that resolves
 * into node_modules left unresolved, and no automatic `@types`. `inexactness` finds each of the three
 * cases above; where one occurs, the loader builds the whole program instead. Where the narrow program
 * is used its output is the whole program's byte for byte, but for a member typed with an interface,
 * object type or class a package declares (TypeORM's `Relation<T>`): tsc then writes a check that
 * finds, at runtime, the same value the whole program names (the class, or Object).
 *
 * It is tried first without the browser's part of that library (the DOM, web worker and script host
 * declarations that tsc's default library adds to the ECMAScript one: two megabytes, a third of the
 * program's time over a thousand entity files). Emit reads the library only where a decorated member's
 * type names one of its globals, so `inexactness` refuses, as the library's doing: a name no file of
 * that program declares, a project global that the dropped files declare too (merged with theirs, it
 * may serialize differently), and an interface whose base is undeclared (a base with call signatures
 * makes it `Function`). The narrow program with the whole library is tried next.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import type * as TS from 'typescript';

type TypeScript = typeof TS;

/** Whether a path (Node's, or TypeScript's with forward slashes) lies under node_modules. */
export const inNodeModules = (file: string): boolean => file.includes(`${sep}node_modules${sep}`) || file.includes('/node_modules/');

/** Imports the narrow program left unresolved: `${containing file}\0${specifier}` → the file it would have resolved to. */
export type DroppedImports = Map<string, string>;

export interface NarrowHost {
  host: TS.CompilerHost;
  dropped: DroppedImports;
}

/** The project's host, resolving only into the project: packages and `/// <reference types>` stay unresolved. */
export function narrowHost(ts: TypeScript, host: TS.CompilerHost, options: TS.CompilerOptions): NarrowHost {
  const dropped: DroppedImports = new Map();
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), (f) => host.getCanonicalFileName(f), options);
  const narrow: TS.CompilerHost = {
    ...host,
    resolveModuleNameLiterals(literals, containingFile, redirectedReference, opts, containingSourceFile) {
      return literals.map((literal) => {
        const mode = ts.getModeForUsageLocation(containingSourceFile, literal, opts);
        const resolved = ts.resolveModuleName(literal.text, containingFile, opts, host, cache, redirectedReference, mode);
        const file = resolved.resolvedModule?.resolvedFileName;
        if (file && (resolved.resolvedModule!.isExternalLibraryImport || inNodeModules(file))) {
          dropped.set(`${containingFile}\0${literal.text}`, file);
          return { resolvedModule: undefined };
        }
        return resolved;
      });
    },
    resolveTypeReferenceDirectiveReferences(references) {
      return references.map(() => ({ resolvedTypeReferenceDirective: undefined }));
    },
  };
  return { host: narrow, dropped };
}

/** The options of the narrow program: no automatic `@types` (the standard library stays). */
export const narrowOptions = (options: TS.CompilerOptions): TS.CompilerOptions => ({ ...options, types: [] });

/** Library files that are the browser's, not ECMAScript's. */
const BROWSER_LIBRARY = /^lib\.(dom|webworker|scripthost)\b/;

export interface LeanLibrary {
  /** The narrow program's options, with the ECMAScript part of the standard library only. */
  options: TS.CompilerOptions;
  /** The browser's library files, whose globals that program does not declare. */
  dropped: string[];
}

/**
 * The narrow options without the browser's part of the standard library; undefined where the library
 * has none (noLib, a `lib` list without it) or is a default file not known here.
 */
export function leanLibrary(ts: TypeScript, narrow: TS.CompilerOptions, libDir: string): LeanLibrary | undefined {
  if (narrow.noLib) return undefined;
  const dropped = () => readdirSync(libDir).filter((name) => BROWSER_LIBRARY.test(name)).map((name) => join(libDir, name));
  if (narrow.lib) {
    // Parsed options name library files (`lib.es2021.d.ts`), as tsc resolves them in its lib folder.
    const kept = narrow.lib.filter((name) => !BROWSER_LIBRARY.test(basename(name)));
    return kept.length === narrow.lib.length ? undefined : { options: { ...narrow, lib: kept }, dropped: dropped() };
  }
  // tsc's default for the target bundles the ECMAScript file of that edition with the browser's.
  const bundle = ts.getDefaultLibFileName(narrow);
  const ecmascript = bundle === 'lib.d.ts' ? 'lib.es5.d.ts' : bundle === 'lib.es6.d.ts' ? 'lib.es2015.d.ts' : bundle.replace(/\.full\.d\.ts$/, '.d.ts');
  if (ecmascript === bundle || !existsSync(join(libDir, ecmascript))) return undefined;
  return { options: { ...narrow, lib: [ecmascript] }, dropped: dropped() };
}

const GLOBAL_DECLARATION = (name: string) => new RegExp(`^\\s*(?:declare\\s+)?(?:interface|type|var|let|const|class|function|namespace|module|enum)\\s+${name.replace(/\$/g, '\\$')}\\b`, 'm');

/** Whether one of `files` declares a global `name` (the library's files declare at the start of a line). */
const declaredIn = (files: string[], name: string): boolean => {
  const declaration = GLOBAL_DECLARATION(name);
  return files.some((file) => declaration.test(libraryText(file)));
};

const libraryText = memoized((file) => readFileSync(file, 'utf8'));

/**
 * Globals the standard library does not declare that a decorated member may be typed with, whose
 * value is the class itself: @types/node declares `Buffer` with construct signatures and a value, so
 * the whole program serializes it as `Buffer`, and the narrow one as a check that finds the same value.
 */
const VALUE_GLOBALS = new Set(['Buffer']);

const where = (node: TS.Node): string => {
  const sf = node.getSourceFile();
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return `${relative(process.cwd(), sf.fileName) || sf.fileName}:${line + 1}`;
};

/** The type annotations tsc serializes into decorator metadata for one class. */
function serializedTypes(ts: TypeScript, cls: TS.ClassLikeDeclaration): TS.TypeNode[] {
  const decorated = (node: TS.Node) => ts.canHaveDecorators(node) && (ts.getDecorators(node)?.length ?? 0) > 0;
  const parameterTypes = (fn: TS.SignatureDeclarationBase) => fn.parameters.flatMap((p) => (p.type ? [p.type] : []));
  const classDecorated = decorated(cls);
  const types: TS.TypeNode[] = [];
  for (const member of cls.members) {
    const anyParameterDecorated = ts.isFunctionLike(member) && member.parameters.some(decorated);
    if (ts.isPropertyDeclaration(member) && decorated(member) && member.type) types.push(member.type);
    else if ((ts.isGetAccessor(member) || ts.isSetAccessor(member)) && decorated(member)) {
      // tsc takes an accessor's type from its pair too (the setter's parameter first).
      const pair = cls.members.filter((m): m is TS.AccessorDeclaration => (ts.isGetAccessor(m) || ts.isSetAccessor(m)) && m.name.getText() === member.name.getText());
      for (const accessor of pair) types.push(...(accessor.type ? [accessor.type] : []), ...parameterTypes(accessor));
    } else if (ts.isMethodDeclaration(member) && (decorated(member) || anyParameterDecorated)) {
      types.push(...(member.type ? [member.type] : []), ...parameterTypes(member));
    } else if (ts.isConstructorDeclaration(member) && (classDecorated || anyParameterDecorated)) {
      types.push(...parameterTypes(member));
    }
  }
  return types;
}

/** `compute`, asked once per key for the life of the process (packages do not change under a run). */
function memoized<V>(compute: (key: string) => V): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    if (!known.has(key)) known.set(key, compute(key));
    return known.get(key)!;
  };
}

/** The package directory (with its package.json) a file under node_modules belongs to. */
const packageRoot = memoized((file): string | undefined => {
  for (let dir = dirname(file); dirname(dir) !== dir && !dir.endsWith(`${sep}node_modules`); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  return undefined;
});

/** Whether a package can be required at runtime (not a types-only package such as @types/x). */
const hasRuntimeEntry = memoized((root): boolean => {
  if (root.split(sep).includes('@types')) return false;
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main?: unknown; exports?: unknown };
    return Boolean(pkg.main || pkg.exports) || existsSync(join(root, 'index.js'));
  } catch {
    return false;
  }
});

/** Every declaration file of a package (its own, not its dependencies'). */
const declarationFiles = (root: string): string[] =>
  globSync(['**/*.d.ts', '**/*.d.mts', '**/*.d.cts'], { cwd: root, absolute: true, ignore: ['**/node_modules/**'] });

/** A package's declaration files and their text. */
const packageTexts = memoized((root) => declarationFiles(root).map((file) => ({ file, text: readFileSync(file, 'utf8') })));

const declarationKinds = new Map<string, boolean>();

/**
 * Whether every declaration a package's declaration files make of `name` is one the whole program
 * serializes as the narrow program's check does at runtime: an interface or an object-like type alias
 * (no value: both give Object; `type Relation<T> = T`, TypeORM's, is one), or a class (its value). Only
 * the few files that mention the name are parsed. Anything else (an enum, an alias of a primitive, no
 * declaration found) is not.
 */
function declaredObjectOrClass(ts: TypeScript, root: string, name: string): boolean {
  const key = `${root}\0${name}`;
  if (!declarationKinds.has(key)) declarationKinds.set(key, readDeclarationKind(ts, root, name));
  return declarationKinds.get(key)!;
}

function readDeclarationKind(ts: TypeScript, root: string, name: string): boolean {
  const word = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`);
  let found = false;
  for (const { file, text } of packageTexts(root)) {
    if (!word.test(text)) continue;
    const sf = ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false);
    for (const statement of sf.statements) {
      const declared = (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isFunctionDeclaration(statement) || ts.isModuleDeclaration(statement)) && statement.name?.getText(sf) === name;
      const variable = ts.isVariableStatement(statement) && statement.declarationList.declarations.some((d) => d.name.getText(sf) === name);
      if (!declared && !variable) continue;
      found = true;
      if (ts.isInterfaceDeclaration(statement) || ts.isClassDeclaration(statement)) continue;
      if (ts.isTypeAliasDeclaration(statement)) {
        const type = statement.type;
        const ownParameter = ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && (statement.typeParameters ?? []).some((p) => p.name.text === (type.typeName as TS.Identifier).text);
        if (ownParameter || ts.isTypeLiteralNode(type) || ts.isMappedTypeNode(type)) continue;
      }
      return false;
    }
  }
  return found;
}

/** Whether a package declares a `const enum` anywhere in its declaration files (its own, not its dependencies'). */
const declaresConstEnum = memoized((root) => packageTexts(root).some(({ text }) => /\bconst\s+enum\b/.test(text)));

/** Why a narrow program's output could differ from the whole program's; `library`: caused by the part of the standard library it left out. */
export interface Inexactness {
  reason: string;
  library: boolean;
}

/** Whether a declaration is global: in a script file (not a module), or in a `declare global` block. */
function isGlobalDeclaration(ts: TypeScript, declaration: TS.Declaration): boolean {
  if (!ts.isExternalModule(declaration.getSourceFile())) return true;
  return ts.findAncestor(declaration, (n) => ts.isModuleDeclaration(n) && (n.flags & ts.NodeFlags.GlobalAugmentation) !== 0) !== undefined;
}

/**
 * Why the narrow program's output could differ from the whole program's, or undefined when it cannot:
 * a decorated member's type (directly or through project type aliases and interfaces' bases) names
 * something declared outside the project, a file re-exports names from a package, or code reads a
 * member of something imported from a package that declares `const enum`s. `droppedLibrary`: the
 * standard library files this program left out (leanLibrary); names they may declare are refused as
 * the library's doing.
 */
export function inexactness(ts: TypeScript, program: TS.Program, dropped: DroppedImports, droppedLibrary: string[] = []): Inexactness | undefined {
  const checker = program.getTypeChecker();
  const lean = droppedLibrary.length > 0;
  const files = program.getSourceFiles().filter((sf) => !sf.isDeclarationFile && !inNodeModules(sf.fileName));
  const droppedModule = (sf: TS.SourceFile, specifier: TS.Expression) =>
    ts.isStringLiteralLike(specifier) ? dropped.get(`${sf.fileName}\0${specifier.text}`) : undefined;
  const packageCause = (reason: string): Inexactness => ({ reason, library: false });
  /** A name this program does not declare: the library left out may (a lean program), else something outside the project. */
  const undeclared = (node: TS.Node, name: string): Inexactness => ({ reason: `${where(node)}: ${name} is declared outside the project`, library: lean });
  /**
   * For a name imported with `import … from` or `import … = require()`: the file its module resolves to
   * where the narrow program left it unresolved, null where the whole program cannot resolve it either.
   * Undefined for any other kind of alias.
   */
  const importedFrom = (symbol: TS.Symbol): string | null | undefined => {
    const declaration = symbol.declarations?.[0];
    if (!declaration) return undefined;
    const statement = ts.findAncestor(declaration, (n) => ts.isImportDeclaration(n) || ts.isImportEqualsDeclaration(n));
    let specifier: TS.Expression | undefined;
    if (statement && ts.isImportDeclaration(statement)) specifier = statement.moduleSpecifier;
    else if (statement && ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) specifier = statement.moduleReference.expression;
    if (!specifier || !ts.isStringLiteralLike(specifier)) return undefined;
    return droppedModule(statement!.getSourceFile(), specifier) ?? null;
  };
  const unresolvedAlias = (symbol: TS.Symbol) => (symbol.flags & ts.SymbolFlags.Alias) !== 0 && !checker.getAliasedSymbol(symbol).declarations?.length;
  /** A name imported from a package that the whole program would serialize as the narrow one's runtime check does. */
  const importedObjectOrClass = (symbol: TS.Symbol, module: string): boolean => {
    const specifier = symbol.declarations?.[0];
    const root = packageRoot(module);
    if (!specifier || !ts.isImportSpecifier(specifier) || !root || !hasRuntimeEntry(root)) return false;
    return declaredObjectOrClass(ts, root, (specifier.propertyName ?? specifier.name).text);
  };
  // The checker answers a name it cannot resolve with undefined or with its `unknown` symbol (no declarations).
  const resolved = (symbol: TS.Symbol | undefined) => (symbol?.declarations?.length ? symbol : undefined);
  const inProject = (declaration: TS.Node) => {
    const file = declaration.getSourceFile();
    return !inNodeModules(file.fileName) && !program.isSourceFileDefaultLibrary(file);
  };

  const seenDeclarations = new Set<TS.Node>();
  /**
   * The first name in a type that only the whole program resolves. A member's own annotation is
   * followed as tsc's serializer reads it (a union's members, a conditional's branches, a type
   * reference's name; not an object literal's members, an array's element or type arguments); a
   * project type alias it names is read whole, as the checker computes the alias's type from all of it.
   */
  const outsideName = (type: TS.Node, whole: boolean): Inexactness | undefined => {
    let found: Inexactness | undefined;
    const visit = (node: TS.Node): void => {
      if (found) return;
      if (ts.isTypeReferenceNode(node)) {
        found = referenceOutside(node);
        if (!found && whole) ts.forEachChild(node, visit);
      } else if (whole) ts.forEachChild(node, visit);
      else if (ts.isParenthesizedTypeNode(node)) visit(node.type);
      else if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) visit(node.type);
      else if (ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node)) node.types.forEach(visit);
      else if (ts.isConditionalTypeNode(node)) [node.trueType, node.falseType].forEach(visit);
    };
    visit(type);
    return found;
  };
  /**
   * What a project declaration a serialized type resolves to depends on outside the project: a global
   * one the left-out library files declare too, or (an interface) a base declared outside: the checker
   * makes an interface `Function` for a base's call signatures, `Object` for a base it cannot find.
   */
  const declarationOutside = (declaration: TS.Declaration, name: string): Inexactness | undefined => {
    if (!inProject(declaration) || seenDeclarations.has(declaration)) return undefined;
    seenDeclarations.add(declaration);
    if (lean && isGlobalDeclaration(ts, declaration) && declaredIn(droppedLibrary, name)) {
      return { reason: `${where(declaration)}: the global ${name} is declared by the browser's library too`, library: true };
    }
    if (ts.isTypeAliasDeclaration(declaration)) return outsideName(declaration.type, true);
    // A class serializes as itself whatever it extends; an interface as what its bases make it.
    if (!ts.isInterfaceDeclaration(declaration)) return undefined;
    for (const base of declaration.heritageClauses?.flatMap((clause) => clause.types) ?? []) {
      let leftmost: TS.Expression = base.expression;
      while (ts.isPropertyAccessExpression(leftmost)) leftmost = leftmost.expression;
      if (!ts.isIdentifier(leftmost)) continue;
      const root = resolved(checker.getSymbolAtLocation(leftmost));
      if (!root) return undeclared(base, leftmost.text);
      if (unresolvedAlias(root)) {
        // A package's base: the whole program may find call signatures the narrow one cannot.
        if (importedFrom(root) !== null) return packageCause(`${where(base)}: ${leftmost.text} comes from a package`);
        continue;
      }
      const symbol = resolved(checker.getSymbolAtLocation(base.expression));
      const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      for (const next of target?.declarations ?? []) {
        const inside = declarationOutside(next, leftmost.text);
        if (inside) return inside;
      }
    }
    return undefined;
  };
  const referenceOutside = (node: TS.TypeReferenceNode): Inexactness | undefined => {
    let leftmost: TS.EntityName = node.typeName;
    while (ts.isQualifiedName(leftmost)) leftmost = leftmost.left;
    const root = resolved(checker.getSymbolAtLocation(leftmost));
    if (!root) return leftmost === node.typeName && VALUE_GLOBALS.has(leftmost.text) ? undefined : undeclared(node, leftmost.text);
    if (unresolvedAlias(root)) {
      const module = importedFrom(root);
      // An import no resolution finds: the whole program writes the same runtime check.
      if (module === null) return undefined;
      return module !== undefined && leftmost === node.typeName && importedObjectOrClass(root, module) ? undefined : packageCause(`${where(node)}: ${leftmost.text} comes from a package`);
    }
    const symbol = resolved(checker.getSymbolAtLocation(node.typeName));
    if (!symbol) return undeclared(node, node.typeName.getText());
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const name = ts.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.right.text;
    for (const declaration of target.declarations ?? []) {
      const inside = declarationOutside(declaration, name);
      if (inside) return inside;
    }
    return undefined;
  };

  for (const sf of files) {
    for (const statement of sf.statements) {
      if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier && statement.exportClause && droppedModule(sf, statement.moduleSpecifier)) {
        return packageCause(`${where(statement)}: re-exports names of a package`);
      }
    }
    let found: Inexactness | undefined;
    const visit = (node: TS.Node): void => {
      if (found) return;
      if (ts.isClassLike(node)) {
        for (const type of serializedTypes(ts, node)) if ((found = outsideName(type, false))) return;
      } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
        const symbol = checker.getSymbolAtLocation(node.expression);
        const module = symbol && unresolvedAlias(symbol) ? importedFrom(symbol) : null;
        const root = module ? packageRoot(module) : undefined;
        if (module === undefined || (module !== null && (!root || declaresConstEnum(root)))) {
          found = packageCause(`${where(node)}: ${node.expression.text} comes from a package that declares const enums`);
          return;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    if (found) return found;
  }
  return undefined;
}
