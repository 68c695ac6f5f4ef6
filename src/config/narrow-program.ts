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
 * cases above; where one occurs, the loader builds the whole program instead, so the output is always
 * the whole program's, byte for byte where the narrow one is used.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type * as TS from 'typescript';

type TypeScript = typeof TS;

const inNodeModules = (file: string): boolean => file.includes(`${sep}node_modules${sep}`) || file.includes('/node_modules/');

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
      types.push(...(member.type ? [member.type] : []), ...parameterTypes(member));
    } else if (ts.isMethodDeclaration(member) && (decorated(member) || anyParameterDecorated)) {
      types.push(...(member.type ? [member.type] : []), ...parameterTypes(member));
    } else if (ts.isConstructorDeclaration(member) && (classDecorated || anyParameterDecorated)) {
      types.push(...parameterTypes(member));
    }
  }
  return types;
}

/** The package directory (with its package.json) a file under node_modules belongs to. */
function packageRoot(file: string): string | undefined {
  for (let dir = dirname(file); dirname(dir) !== dir && !dir.endsWith(`${sep}node_modules`); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  return undefined;
}

const constEnumPackages = new Map<string, boolean>();

/** Whether a package declares a `const enum` anywhere in its declaration files (its own, not its dependencies'). */
function declaresConstEnum(root: string): boolean {
  let found = constEnumPackages.get(root);
  if (found !== undefined) return found;
  found = false;
  const pending = [root];
  while (pending.length && !found) {
    const dir = pending.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') pending.push(path);
      else if (/\.d\.[cm]?ts$/.test(entry.name) && /\bconst\s+enum\b/.test(readFileSync(path, 'utf8'))) {
        found = true;
        break;
      }
    }
  }
  constEnumPackages.set(root, found);
  return found;
}

/**
 * Why the narrow program's output could differ from the whole program's, or undefined when it cannot:
 * a decorated member's type (directly or through project type aliases) names something declared
 * outside the project, a file re-exports names from a package, or code reads a member of something
 * imported from a package that declares `const enum`s.
 */
export function inexactness(ts: TypeScript, program: TS.Program, dropped: DroppedImports): string | undefined {
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter((sf) => !sf.isDeclarationFile && !inNodeModules(sf.fileName));
  const droppedModule = (sf: TS.SourceFile, specifier: TS.Expression) =>
    ts.isStringLiteralLike(specifier) ? dropped.get(`${sf.fileName}\0${specifier.text}`) : undefined;
  /** The import a symbol of this file comes from, when that import was left unresolved. */
  const droppedImportOf = (symbol: TS.Symbol): string | undefined => {
    const declaration = symbol.declarations?.[0];
    const importDeclaration = declaration && ts.findAncestor(declaration, ts.isImportDeclaration);
    return importDeclaration ? droppedModule(importDeclaration.getSourceFile(), importDeclaration.moduleSpecifier) : undefined;
  };
  const unresolvedAlias = (symbol: TS.Symbol) => (symbol.flags & ts.SymbolFlags.Alias) !== 0 && !checker.getAliasedSymbol(symbol).declarations?.length;

  const seenAliases = new Set<TS.Node>();
  /** The first name in a serialized type that only the whole program resolves. */
  const outsideName = (type: TS.Node): string | undefined => {
    let found: string | undefined;
    const visit = (node: TS.Node): void => {
      if (found) return;
      if (ts.isTypeReferenceNode(node)) {
        let leftmost: TS.EntityName = node.typeName;
        while (ts.isQualifiedName(leftmost)) leftmost = leftmost.left;
        const root = checker.getSymbolAtLocation(leftmost);
        if (!root) {
          if (!(leftmost === node.typeName && VALUE_GLOBALS.has(leftmost.text))) found = `${where(node)}: ${leftmost.text} is declared outside the project`;
          return;
        }
        if (unresolvedAlias(root)) {
          found = `${where(node)}: ${leftmost.text} comes from a package`;
          return;
        }
        const symbol = checker.getSymbolAtLocation(node.typeName);
        if (!symbol) {
          found = `${where(node)}: ${node.typeName.getText()} is declared outside the project`;
          return;
        }
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        for (const declaration of target.declarations ?? []) {
          if (ts.isTypeAliasDeclaration(declaration) && !inNodeModules(declaration.getSourceFile().fileName) && !program.isSourceFileDefaultLibrary(declaration.getSourceFile()) && !seenAliases.has(declaration)) {
            seenAliases.add(declaration);
            visit(declaration.type);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(type);
    return found;
  };

  for (const sf of files) {
    for (const statement of sf.statements) {
      if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier && statement.exportClause && droppedModule(sf, statement.moduleSpecifier)) {
        return `${where(statement)}: re-exports names of a package`;
      }
    }
    let reason: string | undefined;
    const visit = (node: TS.Node): void => {
      if (reason) return;
      if (ts.isClassLike(node)) {
        for (const type of serializedTypes(ts, node)) if ((reason = outsideName(type))) return;
      } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
        const symbol = checker.getSymbolAtLocation(node.expression);
        const module = symbol && unresolvedAlias(symbol) ? droppedImportOf(symbol) : undefined;
        const root = module && packageRoot(module);
        if (module && (!root || declaresConstEnum(root))) {
          reason = `${where(node)}: ${node.expression.text} comes from a package that declares const enums`;
          return;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    if (reason) return reason;
  }
  return undefined;
}
