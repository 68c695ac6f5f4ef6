/**
 * At require time, what tsc resolves at compile time and leaves in its output: `paths` aliases, `baseUrl`
 * imports, and `./file.js` specifiers naming a `.ts` file (NodeNext style). Only requires made from the
 * project's own files (under its tsconfig's directory, outside node_modules) are touched, and only a
 * request Node itself cannot resolve, or one an alias claims, is rewritten.
 */
import Module from 'node:module';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { aliasCandidates, type PathAliases, readPathAliases } from './tsconfig';

type Resolve = (request: string, parent: { filename?: string | null } | undefined, isMain: boolean, options?: unknown) => string;
const NodeModule = Module as unknown as { _resolveFilename: Resolve };

const projects = new Map<string, PathAliases>();
let installed = false;

const TS_FOR_JS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

function projectOf(filename: string | null | undefined): PathAliases | undefined {
  if (!filename || filename.includes(`${sep}node_modules${sep}`)) return undefined;
  let best: PathAliases | undefined;
  for (const [dir, aliases] of projects) {
    if (filename.startsWith(dir + sep) && (!best || dir.length > best.projectDir.length)) best = aliases;
  }
  return best;
}

const notFound = (error: unknown): boolean => (error as { code?: string }).code === 'MODULE_NOT_FOUND';

function install(): void {
  if (installed) return;
  installed = true;
  const original = NodeModule._resolveFilename;
  NodeModule._resolveFilename = function resolveInProject(request, parent, isMain, options) {
    const project = projectOf(parent?.filename);
    if (!project) return original.call(this, request, parent, isMain, options);
    const bare = !request.startsWith('.') && !isAbsolute(request) && !request.startsWith('node:');
    if (bare) {
      for (const candidate of aliasCandidates(request, project)) {
        try {
          return original.call(this, candidate, parent, isMain, options);
        } catch (error) {
          if (!notFound(error)) throw error;
        }
      }
    }
    try {
      return original.call(this, request, parent, isMain, options);
    } catch (error) {
      if (!notFound(error)) throw error;
      const retries: string[] = [];
      if (bare && project.baseUrl) retries.push(join(project.baseUrl, request));
      const ext = /\.[mc]?js$/.exec(request)?.[0];
      if (ext) for (const ts of TS_FOR_JS[ext]) retries.push(request.slice(0, -ext.length) + ts);
      for (const retry of retries) {
        try {
          return original.call(this, retry, parent, isMain, options);
        } catch (again) {
          if (!notFound(again)) throw again;
        }
      }
      throw error;
    }
  };
}

/**
 * Makes requires from files under the tsconfig's directory resolve its aliases (once per tsconfig).
 * The `.js` → `.ts` fallback applies even when the tsconfig declares no aliases.
 */
export function resolveProjectImports(tsconfig: string | undefined): void {
  if (!tsconfig) return;
  const aliases = readPathAliases(tsconfig) ?? { projectDir: dirname(resolve(tsconfig)), paths: [] };
  if (!projects.has(aliases.projectDir)) projects.set(aliases.projectDir, aliases);
  install();
}
