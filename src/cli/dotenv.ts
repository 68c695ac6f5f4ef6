/**
 * TypeORM projects keep DATABASE_URL (and what their config reads, DB_HOST…) in `.env`, which their
 * own CLI loads with dotenv. ormdiff loads it too, before the config is read: from the working
 * directory, then from the config's directory when that is elsewhere. A variable already set in the
 * environment always wins, so CI's settings are never overridden by a committed file.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type * as Dotenv from 'dotenv';

export function loadEnvFiles(cwd: string, configFile: string | undefined): string[] {
  const dirs = [cwd, path.dirname(path.resolve(cwd, configFile ?? 'ormconfig.ts'))];
  const files = [...new Set(dirs.map((dir) => path.join(dir, '.env')))].filter((file) => existsSync(file));
  if (files.length === 0) return files;
  // Required only when there is a file to read (dotenv brings node:crypto along).
  const { config: loadDotenv } = require('dotenv') as typeof Dotenv;
  for (const file of files) loadDotenv({ path: file, override: false, quiet: true });
  return files;
}
