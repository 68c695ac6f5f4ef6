/**
 * What `ormdiff init` writes into an existing TypeORM project: an ormconfig.ts (importing the project's
 * own DataSource when there is one, so the connection settings live in one place), the migrations
 * directory with an empty rename-hints file, and `.ormdiff/` in .gitignore. Nothing that exists is
 * overwritten; running it twice changes nothing the second time.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { UsageError } from '../errors';

/** Where TypeORM's docs and `typeorm init` put the data source, most likely first. */
export const DATA_SOURCE_CANDIDATES = [
  'src/data-source.ts',
  'src/data-source.js',
  'src/datasource.ts',
  'src/db/data-source.ts',
  'src/database/data-source.ts',
  'src/config/data-source.ts',
  'src/typeorm.config.ts',
  'data-source.ts',
  'typeorm.config.ts',
];

// Tests and migrations hold DataSources and entities too, but not the application's.
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'migrations', 'test', 'tests', '__tests__']);

export const HINTS_FILE = 'ormdiff.hints.json';
export const GITIGNORE_ENTRY = '.ormdiff/';

/** Files before subdirectories at each level, then by name: a shallow DataSource is found before a deep one. */
function shallowFirst(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; ; i++) {
    const xFile = i === x.length - 1;
    const yFile = i === y.length - 1;
    if (xFile !== yFile) return xFile ? -1 : 1;
    if (x[i] !== y[i]) return x[i].localeCompare(y[i]);
    if (xFile) return 0;
  }
}

/** Source files at any depth under the project (not in dependencies, build output, tests or dot-directories), `/`-separated. */
function sourceFiles(root: string): string[] {
  return globSync('**/*.{ts,js,mts,cts}', {
    cwd: root,
    ignore: ['**/*.d.ts', ...[...SKIPPED_DIRS].map((dir) => `**/${dir}/**`)],
    followSymbolicLinks: false,
  }).sort(shallowFirst);
}

/** How a file exports its DataSource: `export default new DataSource(…)` or `export const X = new DataSource(…)`. */
export type DataSourceExport = { kind: 'default' } | { kind: 'named'; name: string };

export function dataSourceExport(source: string): DataSourceExport | undefined {
  const named = /export\s+(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*[\w.$<>]+\s*)?=\s*new\s+DataSource\s*\(/.exec(source);
  if (named) return { kind: 'named', name: named[1] };
  if (/export\s+default\s+new\s+DataSource\s*\(/.test(source)) return { kind: 'default' };
  // `const AppDataSource = new DataSource(…); export default AppDataSource;`
  const local = /(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*[\w.$<>]+\s*)?=\s*new\s+DataSource\s*\(/.exec(source);
  if (local && new RegExp(`export\\s+default\\s+${local[1].replace(/\$/g, '\\$')}\\s*;?`).test(source)) return { kind: 'default' };
  if (local && new RegExp(`export\\s*\\{[^}]*\\b${local[1].replace(/\$/g, '\\$')}\\b[^}]*\\}`).test(source)) return { kind: 'named', name: local[1] };
  return undefined;
}

export interface FoundDataSource {
  /** Relative to the project root, `/`-separated. */
  file: string;
  export: DataSourceExport;
}

/** The project's DataSource file: a usual location first, else the first source file that exports one. */
export function findDataSource(root: string): FoundDataSource | undefined {
  const candidates = [...DATA_SOURCE_CANDIDATES.filter((f) => existsSync(path.join(root, f))), ...sourceFiles(root)];
  for (const file of [...new Set(candidates)]) {
    if (file === 'ormconfig.ts' || file.endsWith('.test.ts') || file.endsWith('.spec.ts')) continue;
    const exported = dataSourceExport(readFileSync(path.join(root, file), 'utf8'));
    if (exported) return { file: file.split(path.sep).join('/'), export: exported };
  }
  return undefined;
}

/** Entity globs for the directories that hold `@Entity` classes, when there is no DataSource to import. */
export function findEntityGlobs(root: string): string[] {
  const dirs = new Map<string, string>();
  for (const file of sourceFiles(root)) {
    if (!/@Entity\s*\(/.test(readFileSync(path.join(root, file), 'utf8'))) continue;
    const dir = path.posix.dirname(file);
    dirs.set(dir, `${dir === '.' ? '' : `${dir}/`}*${path.extname(file)}`);
  }
  return [...dirs.values()];
}

const importPath = (configDir: string, root: string, file: string): string => {
  const rel = path.relative(configDir, path.join(root, file)).split(path.sep).join('/').replace(/\.(ts|js|mts|cts)$/, '');
  return rel.startsWith('.') ? rel : `./${rel}`;
};

/** A single-quoted TypeScript string, as most TypeORM projects write them. */
const tsString = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const ORMDIFF_SETTINGS = (migrationsDir: string) => `/** ormdiff's own settings (see the README). */
export const ormdiff = {
  migrationsDir: ${tsString(migrationsDir)},
};
`;

/** An ormconfig.ts that re-exports the project's DataSource. */
export function ormconfigImporting(found: FoundDataSource, from: string, migrationsDir: string): string {
  const binding = found.export.kind === 'named' ? `{ ${found.export.name} }` : 'dataSource';
  const name = found.export.kind === 'named' ? found.export.name : 'dataSource';
  return `import ${binding} from ${tsString(from)};

/**
 * ormdiff reads the entities from the application's own DataSource, so connection settings and entity
 * lists are kept in one place. The database comes from --url, else DATABASE_URL, else this DataSource.
 */
export default ${name};

${ORMDIFF_SETTINGS(migrationsDir)}`;
}

/** An ormconfig.ts with a DataSource of its own, for projects that have none to import. */
export function ormconfigStandalone(entityGlobs: string[], migrationsDir: string): string {
  const globs = entityGlobs.length > 0 ? entityGlobs : ['src/**/*.entity.ts'];
  return `import 'reflect-metadata';
import { DataSource } from 'typeorm';

/** The database comes from --url, else DATABASE_URL. */
export default new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: [${globs.map(tsString).join(', ')}],
});

${ORMDIFF_SETTINGS(migrationsDir)}`;
}

/** .gitignore text with `entry` added once (an existing line, with or without its slash, counts). */
export function withGitignoreEntry(text: string, entry: string): string {
  const bare = entry.replace(/\/$/, '');
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  if (lines.some((l) => l === entry || l === bare || l === `/${entry}` || l === `/${bare}`)) return text;
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  return `${text}${separator}${entry}\n`;
}

export interface ScaffoldOptions {
  /** The project root (where package.json is). */
  root: string;
  /** Config file to write, relative to root. Default `ormconfig.ts`. */
  config?: string;
  /**
   * Migrations directory, relative to the config file (or absolute). Default: the folder the DataSource's
   * `migrations` option names, else `migrations`.
   */
  migrationsDir?: string;
  /** The project's DataSource file, relative to root, when it is not where init would find it. */
  dataSource?: string;
}

export interface ScaffoldStep {
  /** Relative to root. */
  path: string;
  action: 'created' | 'updated' | 'kept';
  note?: string;
}

export interface ScaffoldResult {
  steps: ScaffoldStep[];
  /** Things the user should look at (a directory of files ormdiff cannot load, no DataSource found…). */
  warnings: string[];
}

function givenDataSource(root: string, file: string): FoundDataSource {
  const full = path.resolve(root, file);
  if (!existsSync(full)) throw new UsageError(`--data-source ${file}: no such file`);
  const exported = dataSourceExport(readFileSync(full, 'utf8'));
  if (!exported) {
    throw new UsageError(`--data-source ${file} does not export a DataSource (export default new DataSource(…) or export const X = new DataSource(…))`);
  }
  return { file: path.relative(root, full).split(path.sep).join('/'), export: exported };
}

const isMigrationSource = (name: string) => /\.(ts|js|mts|cts)$/.test(name) && !name.endsWith('.d.ts');

/** A class named as `typeorm migration:create` names them: TypeORM orders by the 13 digits at the end. */
const TYPEORM_CLASS = /\bclass\s+[A-Za-z_$][\w$]*\d{13}\b/;

/**
 * The folder the DataSource's `migrations` option names (`migrations: ['src/migrations/*.ts']`), relative to
 * the project root as TypeORM's CLI resolves it; read from the source text, since init loads nothing.
 */
export function dataSourceMigrationsDir(source: string): string | undefined {
  const m = /\bmigrations\s*:\s*\[\s*(['"`])([^'"`]+)\1/.exec(source);
  if (!m) return undefined;
  const parts = m[2].replace(/^\.\//, '').split('/');
  const wild = parts.findIndex((p) => /[*?[{]/.test(p));
  const dir = (wild < 0 ? parts.slice(0, -1) : parts.slice(0, wild)).join('/');
  return dir || undefined;
}

export function scaffold(opts: ScaffoldOptions): ScaffoldResult {
  const root = path.resolve(opts.root);
  const configRel = opts.config ?? 'ormconfig.ts';
  const configPath = path.resolve(root, configRel);
  const configDir = path.dirname(configPath);
  let migrationsRel = opts.migrationsDir ?? 'migrations';
  const configExists = existsSync(configPath);
  const found = configExists ? undefined : opts.dataSource ? givenDataSource(root, opts.dataSource) : findDataSource(root);
  if (!opts.migrationsDir && found) {
    // An existing TypeORM project keeps its migrations where its DataSource runs them: ormdiff adopts them there.
    const theirs = dataSourceMigrationsDir(readFileSync(path.join(root, found.file), 'utf8'));
    if (theirs) migrationsRel = path.relative(configDir, path.join(root, theirs)).split(path.sep).join('/');
  }
  const migrationsPath = path.resolve(configDir, migrationsRel);
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/') || '.';
  const steps: ScaffoldStep[] = [];
  const warnings: string[] = [];

  if (configExists) {
    steps.push({ path: rel(configPath), action: 'kept' });
  } else {
    if (found) {
      const from = importPath(configDir, root, found.file);
      writeFileSync(configPath, ormconfigImporting(found, from, migrationsRel));
      const what = found.export.kind === 'named' ? found.export.name : 'the default export';
      steps.push({ path: rel(configPath), action: 'created', note: `uses ${what} of ${found.file}` });
    } else {
      const globs = findEntityGlobs(root);
      writeFileSync(configPath, ormconfigStandalone(globs, migrationsRel));
      steps.push({ path: rel(configPath), action: 'created', note: 'with a DataSource of its own' });
      warnings.push(
        `no TypeORM DataSource found to import; ${rel(configPath)} has its own, with entities ${globs.length ? globs.join(', ') : 'src/**/*.entity.ts (no @Entity class found)'}: check them`,
      );
    }
  }

  if (existsSync(migrationsPath)) {
    const sources = readdirSync(migrationsPath).filter(isMigrationSource);
    const texts = sources.map((f) => readFileSync(path.join(migrationsPath, f), 'utf8'));
    const adopted = sources.filter((_, i) => !/\bdownRevision\b/.test(texts[i]) && TYPEORM_CLASS.test(texts[i]));
    steps.push({ path: rel(migrationsPath) + '/', action: 'kept', ...(adopted.length ? { note: `${adopted.length} TypeORM migration(s) adopted as they are` } : {}) });
    const foreign = sources.filter((_, i) => !/\bdownRevision\b/.test(texts[i]) && !TYPEORM_CLASS.test(texts[i]));
    if (foreign.length > 0) {
      warnings.push(
        `${rel(migrationsPath)}/ holds files that are neither ormdiff revisions nor TypeORM migrations named by a timestamp (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}); ` +
          'ormdiff loads every .ts/.js file there: move them, or run init with --migrations-dir',
      );
    }
  } else {
    mkdirSync(migrationsPath, { recursive: true });
    steps.push({ path: rel(migrationsPath) + '/', action: 'created' });
  }

  const hints = path.join(migrationsPath, HINTS_FILE);
  if (existsSync(hints)) steps.push({ path: rel(hints), action: 'kept' });
  else {
    writeFileSync(hints, JSON.stringify({ renames: [] }, null, 2) + '\n');
    steps.push({ path: rel(hints), action: 'created', note: 'rename hints for the diff' });
  }

  const gitignore = path.join(root, '.gitignore');
  const before = existsSync(gitignore) && statSync(gitignore).isFile() ? readFileSync(gitignore, 'utf8') : undefined;
  const after = withGitignoreEntry(before ?? '', GITIGNORE_ENTRY);
  if (after === before) steps.push({ path: '.gitignore', action: 'kept' });
  else {
    writeFileSync(gitignore, after);
    steps.push({ path: '.gitignore', action: before === undefined ? 'created' : 'updated', note: `ignores ${GITIGNORE_ENTRY}` });
  }
  return { steps, warnings };
}
