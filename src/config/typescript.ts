/**
 * Compiles the user's TypeScript exactly as their own `tsc` build does, for `require()`.
 *
 * TypeORM reads a column's type from `design:type` when `@Column()` names none, and what tsc writes
 * there depends on types declared in other files (an imported numeric enum is `Number`, a generic `T`
 * is `Object`): only a `ts.Program` with its type checker gets that right, a file-at-a-time transpiler
 * (swc, esbuild, ts.transpileModule) cannot. tsc's CommonJS output also keeps circular imports between
 * entity files working, as they do in the user's build. So: one program over the files about to be
 * loaded, with the project's tsconfig, forced to CommonJS with decorator metadata, emitted even when
 * it has type errors (ormdiff is not a type checker). Nor does it type-check at all where the compiler
 * can emit without (noCheck): the checker then answers only what emit asks, for the same output.
 *
 * The program is first built over the project's own files only, and used where it provably emits the
 * same (./narrow-program): most of a first run is otherwise spent parsing the declaration files of
 * TypeORM, @types/node and the rest of node_modules. Compiled output is cached (see ./compile-cache),
 * so a second run does not build a program at all.
 */
import { createHash } from 'node:crypto';
import Module from 'node:module';
import { dirname, join, sep } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import type * as TS from 'typescript';
import { CompileCache, type Manifest } from './compile-cache';
import { inexactness, inNodeModules, leanLibrary, narrowHost, narrowOptions, type LeanLibrary, type NarrowHost } from './narrow-program';
import { noteRun } from '../timings';
import { resolveProjectImports } from './resolve';
import { nearestTsconfig, tsconfigChain } from './tsconfig';

type TypeScript = typeof TS;

export const TS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];

/**
 * What the loader did in this process; tests assert a warm run compiles nothing. `narrow`: programs
 * over the project's files only that were used, `lean` of them those without the browser's library;
 * `browserLibrary`: why that library was needed after all; `whole`: why the whole program was built.
 */
export const loaderStats: { programs: number; emitted: number; cacheHits: number; narrow: number; lean: number; browserLibrary?: string; whole?: string } = {
  programs: 0,
  emitted: 0,
  cacheHits: 0,
  narrow: 0,
  lean: 0,
};

/** Bumped when the loader's output for the same input could change. */
const LOADER_VERSION = '2';


/** Where the project's own `typescript` is (the one its build uses), else ormdiff's. */
function typescriptPackage(projectDir: string): string {
  try {
    return require.resolve('typescript', { paths: [projectDir] });
  } catch {
    return require.resolve('typescript');
  }
}

/** The version of the compiler at `main`, without loading it (that takes ~200 ms). */
function typescriptVersion(main: string): string {
  for (let dir = dirname(main); dirname(dir) !== dir; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'typescript') return pkg.version ?? 'unknown';
    } catch {
      // keep walking up
    }
  }
  return 'unknown';
}

/** tsc's default module resolution for a module kind (Classic aside: Node10, which finds packages). */
function defaultResolution(ts: TypeScript, module: TS.ModuleKind | undefined): TS.ModuleResolutionKind {
  const kinds = ts.ModuleKind as unknown as Record<string, number>;
  if (module === ts.ModuleKind.NodeNext) return ts.ModuleResolutionKind.NodeNext;
  if (module !== undefined && [kinds.Node16, kinds.Node18, kinds.Node20].includes(module)) return ts.ModuleResolutionKind.Node16;
  if (module !== undefined && module === kinds.Preserve) return ts.ModuleResolutionKind.Bundler;
  return ts.ModuleResolutionKind.Node10;
}

function compilerOptions(ts: TypeScript, tsconfig: string | undefined): { options: TS.CompilerOptions; declarationRoots: string[] } {
  // Without a tsconfig there is no build to match: a Node project's defaults (no DOM types to parse).
  let options: TS.CompilerOptions = { target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], esModuleInterop: true };
  let declarationRoots: string[] = [];
  if (tsconfig) {
    const host: TS.ParseConfigFileHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined };
    const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, host);
    if (parsed) {
      options = parsed.options;
      // Global declarations (`declare global`, ambient enums) the project's build sees through `include`.
      declarationRoots = parsed.fileNames.filter((f) => f.endsWith('.d.ts'));
    }
  }
  const resolution = options.moduleResolution ?? defaultResolution(ts, options.module);
  // Node16/NodeNext resolution exists only with the module kind of the same name (TypeScript fails an
  // assertion otherwise), and that kind may emit ESM, which require() cannot load. Bundler resolution
  // resolves as they do for types (`./user.js` → user.ts, package `exports`) and accepts CommonJS.
  const nodeStyle = resolution === ts.ModuleResolutionKind.Node16 || resolution === ts.ModuleResolutionKind.NodeNext;
  return {
    declarationRoots,
    options: {
      ...options,
      module: ts.ModuleKind.CommonJS,
      // Resolve imports (hence types) as the user's build does, although the output is CommonJS.
      moduleResolution: nodeStyle ? ts.ModuleResolutionKind.Bundler : resolution,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      verbatimModuleSyntax: false,
      noEmit: false,
      noEmitOnError: false,
      emitDeclarationOnly: false,
      declaration: false,
      declarationMap: false,
      composite: false,
      incremental: false,
      tsBuildInfoFile: undefined,
      outFile: undefined,
      sourceMap: false,
      inlineSourceMap: false,
      inlineSources: false,
      // The emit resolver would otherwise type-check every emitted file (and, through it, the types of
      // lib.d.ts, @types and typeorm it touches): most of a cold run. With noCheck (TypeScript 5.6+) the
      // emitter computes lazily just what emit reads (import elision, design:type, check flags);
      // TypeScript's own test suite asserts that JS emit is the same either way.
      ...(supportsNoCheck(ts) ? { noCheck: true } : {}),
    },
  };
}

/** Whether this compiler's JS emit honours `noCheck` (public since 5.6). */
function supportsNoCheck(ts: TypeScript): boolean {
  const [major, minor] = ts.versionMajorMinor.split('.').map(Number);
  return major > 5 || (major === 5 && minor >= 6);
}

/**
 * What the output of a given file set depends on besides the files: the compiler's version, the
 * tsconfig chain's text (options, paths) and this loader. Computed without loading the compiler, so a
 * warm run never loads it.
 */
function compilerKey(typescript: string, tsconfig: string | undefined, projectDir: string): string {
  const hash = createHash('sha256').update(`${LOADER_VERSION}\0${typescriptVersion(typescript)}\0`);
  // Types from node_modules (a library's classes, @types/node's Buffer) change only with the lockfile.
  const lockfile = nearestLockfile(projectDir);
  for (const file of [...(tsconfig ? tsconfigChain(tsconfig) : []), ...(lockfile ? [lockfile] : [])]) {
    hash.update(`${file}\0`);
    try {
      hash.update(readFileSync(file));
    } catch {
      // gone since it was read: the key still differs from the one it was cached under
    }
  }
  return hash.digest('hex');
}

const LOCKFILES = ['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock'];

function nearestLockfile(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    for (const name of LOCKFILES) if (existsSync(join(d, name))) return join(d, name);
    if (dirname(d) === d) return undefined;
  }
}

interface Compiler {
  ts: TypeScript;
  options: TS.CompilerOptions;
  declarationRoots: string[];
  host: TS.CompilerHost;
  /** Answers of fileExists/directoryExists, valid while one program is built. */
  probes: Map<string, boolean>;
  /** The same host resolving only into the project, and its options (./narrow-program). */
  narrow: NarrowHost & { options: TS.CompilerOptions };
  /** The narrow options without the browser's library, where the library has it (./narrow-program). */
  lean: LeanLibrary | undefined;
}

/**
 * Which program compiles the project's files, from the cheapest that emits as the whole program does:
 * its files with the ECMAScript library, its files with the whole library, or the whole program.
 */
type ProgramKind = 'lean' | 'narrow' | 'whole';

export class ProjectCompiler {
  private readonly typescript: string;
  private readonly key: string;
  private readonly roots = new Set<string>();
  private loaded: Compiler | undefined;
  private program: { program: TS.Program; kind: ProgramKind } | undefined;
  /** Why the last kind of program tried did not serve. */
  private refusal: string | undefined;
  private manifest: Manifest | undefined;

  /** The kind of program built next: one turning out not to emit as the whole program would gives way to the next kind. */
  private kind: ProgramKind;

  constructor(
    readonly tsconfig: string | undefined,
    private readonly cache: CompileCache,
    projectDir: string,
    options: { narrow?: boolean } = {},
  ) {
    this.kind = (options.narrow ?? true) ? 'lean' : 'whole';
    this.typescript = typescriptPackage(tsconfig ? dirname(tsconfig) : projectDir);
    // Outputs of the two kinds of program differ in text where they agree at runtime (./narrow-program):
    // the whole program, when asked for, is not served what a narrow one wrote.
    this.key = `${compilerKey(this.typescript, tsconfig, tsconfig ? dirname(tsconfig) : projectDir)}${this.kind === 'whole' ? '-whole' : ''}`;
  }

  /** The compiler, its options and host: loaded on the first cache miss only. */
  private get compiler(): Compiler {
    if (!this.loaded) {
      const ts = require(this.typescript) as TypeScript;
      const { options, declarationRoots } = compilerOptions(ts, this.tsconfig);
      const host = ts.createCompilerHost(options);
      // As tsc does: JSDoc in TypeScript files has no bearing on types or emit, so parse it only for
      // the tags that can produce errors (TypeScript 5.3+; older ones parse it all).
      host.jsDocParsingMode = ts.JSDocParsingMode?.ParseForTypeErrors;
      // Programs rebuilt for late roots reuse every file already parsed (lib files are most of the time).
      const parsed = new Map<string, TS.SourceFile | undefined>();
      const getSourceFile = host.getSourceFile.bind(host);
      host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
        if (!parsed.has(fileName)) parsed.set(fileName, getSourceFile(fileName, languageVersion, onError, shouldCreate));
        return parsed.get(fileName);
      };
      // Module resolution asks the same questions again and again (every `typeorm` import walks the
      // same node_modules: ~25,000 stat calls for 2,000 paths); tsc memoises them per build too.
      const probes = new Map<string, boolean>();
      const memo = (kind: string, probe: (path: string) => boolean) => (path: string): boolean => {
        const key = `${kind}${path}`;
        let found = probes.get(key);
        if (found === undefined) probes.set(key, (found = probe(path)));
        return found;
      };
      host.fileExists = memo('f', host.fileExists.bind(host));
      const directoryExists = host.directoryExists?.bind(host);
      if (directoryExists) host.directoryExists = memo('d', directoryExists);
      const narrow = narrowOptions(options);
      const libDir = host.getDefaultLibLocation?.() ?? dirname(ts.getDefaultLibFilePath(options));
      const lean = leanLibrary(ts, narrow, libDir);
      this.loaded = { ts, options, declarationRoots, host, probes, narrow: { ...narrowHost(ts, host, narrow), options: narrow }, lean };
    }
    return this.loaded;
  }

  /** Files about to be required: the next program (if one is needed at all) is built over all of them. */
  addRoots(files: string[]): void {
    for (const file of files) if (!inNodeModules(file) && !file.endsWith('.d.ts')) this.roots.add(file);
  }

  /** CommonJS for a project file, from the cache when nothing it could depend on changed. */
  compile(file: string): string {
    const cached = this.cache.read(file, this.key);
    if (cached !== undefined) {
      loaderStats.cacheHits++;
      return cached;
    }
    this.roots.add(file);
    let sourceFile = this.program?.program.getSourceFile(file);
    if (!sourceFile) {
      this.buildProgram();
      sourceFile = this.program!.program.getSourceFile(file);
    }
    if (!sourceFile) throw new Error(`TypeScript could not read ${file}`);
    let code: string | undefined;
    this.program!.program.emit(sourceFile, (name, text) => {
      if (/\.[mc]?js$/.test(name)) code = text;
    });
    if (code === undefined) throw new Error(`TypeScript emitted nothing for ${file}`);
    loaderStats.emitted++;
    this.cache.write(file, this.key, this.manifestOfProgram(), code);
    return code;
  }

  /** Files outside the project (a .ts file shipped in node_modules): no program, no cache. */
  transpile(file: string): string {
    const { ts, options } = this.compiler;
    return ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: options, fileName: file }).outputText;
  }

  private buildProgram(): void {
    const { ts, options, host, declarationRoots, probes, narrow, lean } = this.compiler;
    // Files may have appeared since the last program (a long-lived process, a test writing a project).
    probes.clear();
    const rootNames = [...declarationRoots, ...this.roots];
    this.manifest = undefined;
    const previous = this.program;
    this.program = undefined;
    if (this.kind === 'lean' && !lean) this.kind = 'narrow';
    const build = (kind: ProgramKind, programOptions: TS.CompilerOptions, programHost: TS.CompilerHost): TS.Program => {
      loaderStats.programs++;
      // Only a program of the same kind shares structure (the library differs between kinds).
      return ts.createProgram({ rootNames, options: programOptions, host: programHost, ...(previous && previous.kind === kind ? { oldProgram: previous.program } : {}) });
    };
    // From a refusal on, for every file of this project: their outputs come from one kind of program.
    if (this.kind === 'lean') {
      const program = build('lean', lean!.options, narrow.host);
      const found = inexactness(ts, program, narrow.dropped, lean!.dropped);
      if (found === undefined) {
        this.program = { program, kind: 'lean' };
        loaderStats.narrow++;
        loaderStats.lean++;
        noteRun('compile', 'project files');
        return;
      }
      this.kind = found.library ? 'narrow' : 'whole';
      this.refusal = found.reason;
      loaderStats[found.library ? 'browserLibrary' : 'whole'] = found.reason;
    }
    if (this.kind === 'narrow') {
      const program = build('narrow', narrow.options, narrow.host);
      const found = inexactness(ts, program, narrow.dropped);
      if (found === undefined) {
        this.program = { program, kind: 'narrow' };
        loaderStats.narrow++;
        noteRun('compile', this.refusal ? `project files with the browser's library: ${this.refusal}` : 'project files');
        return;
      }
      this.kind = 'whole';
      this.refusal = found.reason;
      loaderStats.whole = found.reason;
    }
    noteRun('compile', this.refusal ? `whole program: ${this.refusal}` : 'whole program');
    this.program = { program: build('whole', options, host), kind: 'whole' };
  }

  /** Every project file the program saw: a change to any of them may change what a file compiles to. */
  private manifestOfProgram(): Manifest {
    if (!this.manifest) {
      const { program } = this.program!;
      const files = program
        .getSourceFiles()
        .filter((sf) => !program.isSourceFileDefaultLibrary(sf) && !program.isSourceFileFromExternalLibrary(sf) && !inNodeModules(sf.fileName))
        .map((sf) => sf.fileName.split('/').join(sep));
      this.manifest = this.cache.manifest(files);
    }
    return this.manifest;
  }
}

interface NodeModuleInstance {
  _compile(code: string, filename: string): void;
}
const NodeModule = Module as unknown as { _extensions: Record<string, (m: NodeModuleInstance, filename: string) => void> };

/** One per project (tsconfig and cache), so the config's program is reused for the entities. */
const compilers = new Map<string, ProjectCompiler>();
/** The project being loaded: TypeScript it requires, even from outside its directory, compiles with its settings. */
let active: ProjectCompiler | undefined;
let hooked = false;

function hook(): void {
  if (hooked) return;
  hooked = true;
  for (const ext of TS_EXTENSIONS) {
    NodeModule._extensions[ext] = (m, filename) => {
      const compiler = active!;
      m._compile(inNodeModules(filename) ? compiler.transpile(filename) : compiler.compile(filename), filename);
    };
  }
}

/**
 * Makes `require()` compile TypeScript with the project's compiler and tsconfig (the one nearest to
 * `projectDir`), caching under `cacheDir`, and resolve the tsconfig's path aliases. Once per project.
 */
export function registerTypeScriptLoader(projectDir: string, cacheDir: string): ProjectCompiler {
  const tsconfig = nearestTsconfig(projectDir);
  const id = `${tsconfig ?? ''}\0${cacheDir}`;
  let compiler = compilers.get(id);
  // ORMDIFF_WHOLE_PROGRAM=1: never the program over the project's files only (to rule it out).
  const narrow = process.env.ORMDIFF_WHOLE_PROGRAM !== '1';
  if (!compiler) compilers.set(id, (compiler = new ProjectCompiler(tsconfig, new CompileCache(cacheDir), projectDir, { narrow })));
  active = compiler;
  resolveProjectImports(tsconfig);
  hook();
  return compiler;
}
