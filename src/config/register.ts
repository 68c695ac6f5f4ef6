/**
 * Makes `require()` understand TypeScript config and entity files, keeping decorator metadata (TypeORM
 * reads column types from `design:type`; loaders such as tsx or jiti drop it). @swc-node/register
 * first, ts-node when swc-node is missing.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const TS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];

export const isTypeScriptFile = (file: string): boolean => TS_EXTENSIONS.some((ext) => file.endsWith(ext)) && !file.endsWith('.d.ts');

let registered: 'swc-node' | 'ts-node' | undefined;

/** The tsconfig.json nearest to `dir` (its paths and target apply to the user's files). */
function nearestTsconfig(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const candidate = join(d, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) return undefined;
  }
}

/** Registers a TypeScript loader once per process; returns which one, or throws if none is installed. */
export function registerTypeScript(fromDir: string): 'swc-node' | 'ts-node' {
  if (registered) return registered;
  const tsconfig = nearestTsconfig(fromDir);
  try {
    const swc = require('@swc-node/register/register') as { register(options: object, hook: object): unknown };
    const { readDefaultTsConfig } = require('@swc-node/register/read-default-tsconfig') as {
      readDefaultTsConfig(path?: string): Record<string, unknown>;
    };
    const base = tsconfig ? readDefaultTsConfig(tsconfig) : { esModuleInterop: true, sourceMap: true };
    swc.register({ ...base, experimentalDecorators: true, emitDecoratorMetadata: true }, { exts: TS_EXTENSIONS });
    registered = 'swc-node';
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    const tsNode = require('ts-node') as { register(options: object): unknown };
    tsNode.register({
      transpileOnly: true,
      project: tsconfig,
      compilerOptions: { module: 'commonjs', experimentalDecorators: true, emitDecoratorMetadata: true },
    });
    registered = 'ts-node';
  }
  return registered;
}
