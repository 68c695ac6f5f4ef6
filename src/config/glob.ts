/**
 * Entity patterns match what TypeORM 1.x matches: its DirectoryExportedClassesLoader lists `entities`
 * globs with tinyglobby's `globSync`, so the same library with the same defaults (extglobs, braces,
 * `**`, no dot files) is used here, relative patterns resolved against the config's directory.
 */
import { resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';

/** Absolute paths of the files a pattern matches, relative patterns resolved against `cwd`; sorted. */
export function globFiles(pattern: string, cwd: string): string[] {
  // TypeORM normalises Windows separators the same way (PlatformTools.pathNormalize) before globbing.
  const files = globSync(pattern.split(sep).join('/'), { cwd, absolute: true });
  return [...new Set(files.map((file) => resolve(file)))].sort();
}

/** What TypeORM loads from an entity pattern's matches: JavaScript and TypeScript modules, not declarations. */
const isEntityFile = (file: string): boolean => /\.(js|mjs|cjs|ts|mts|cts)$/.test(file) && !file.endsWith('.d.ts');

/** The entity files `patterns` match, each once, in pattern order, as TypeORM requires them (the order can matter to circular imports). */
export function entityFilesOf(patterns: string[], cwd: string): string[] {
  return [...new Set(patterns.flatMap((p) => globFiles(p, cwd).filter(isEntityFile)))];
}
