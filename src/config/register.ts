/**
 * Makes `require()` understand the user's TypeScript config and entity files: compiled by the project's
 * own TypeScript compiler, with its tsconfig, as its `tsc` build would (./typescript explains why not a
 * transpiler), cached under `<config dir>/.ormdiff/ts`.
 */
import { join } from 'node:path';
import { type ProjectCompiler, registerTypeScriptLoader, TS_EXTENSIONS } from './typescript';

export const isTypeScriptFile = (file: string): boolean => TS_EXTENSIONS.some((ext) => file.endsWith(ext)) && !file.endsWith('.d.ts');

/** The loader for the project whose config lives in `configDir` (registered once per process and project). */
export function registerTypeScript(configDir: string): ProjectCompiler {
  return registerTypeScriptLoader(configDir, join(configDir, '.ormdiff', 'ts'));
}
