/**
 * The TypeScript loader reads entities exactly as the project's own `tsc` build does. Runs the built
 * ormdiff (dist/) in a child process: jest's require would compile the files itself and bypass the loader.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const DIST = join(ROOT, 'dist');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'loader');
const DUMP = join(FIXTURES, 'dump.js');

interface Dump {
  entities: { table: string; columns: string[]; relations: string[] }[];
  stats: { programs: number; emitted: number; cacheHits: number; narrow: number; lean: number; browserLibrary?: string; whole?: string };
}

const node = (args: string[], cwd: string): string =>
  execFileSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] });

const dump = (project: string, config: string): Dump => JSON.parse(node([DUMP, DIST, config], project)) as Dump;

/** A copy of a fixture project in a temporary directory, resolving typeorm through a node_modules link. */
function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ormdiff-loader-${name}-`));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

describe('TypeScript loader', () => {
  let project: string;
  beforeAll(() => {
    project = copyFixture('design-types');
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("gives the metadata of the project's tsc build: enum and generic design types, a circular two-sided relation", () => {
    // The project's own build, and its compiled config with `.js` entity globs, run as plain JavaScript.
    node([join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], project);
    const built = dump(project, 'build/ormconfig.js');
    expect(built.stats.emitted).toBe(0);

    const loaded = dump(project, 'ormconfig.ts');
    expect(loaded.entities).toEqual(built.entities);
    expect(loaded.stats.emitted).toBeGreaterThan(0);
    // Compiled by programs over the project's own files (no TypeORM or @types/node declarations parsed),
    // without the browser's part of tsc's default library (its tsconfig names no `lib`).
    expect(loaded.stats.whole).toBeUndefined();
    expect(loaded.stats.browserLibrary).toBeUndefined();
    expect(loaded.stats.narrow).toBe(loaded.stats.programs);
    expect(loaded.stats.lean).toBe(loaded.stats.programs);
    const user = loaded.entities.find((e) => e.table === 'user')!;
    const post = loaded.entities.find((e) => e.table === 'post')!;
    expect(user.columns).toContain('role Number');
    expect(user.columns).toContain('joinedAt Date');
    expect(post.columns).toContain('status String');
    expect(post.relations).toEqual(['author many-to-one user']);
    expect(user.relations).toEqual(['posts one-to-many post']);

    // Byte for byte what the project's tsc wrote, although the loader emits without type-checking (noCheck).
    const cacheDir = join(project, '.ormdiff', 'ts');
    const index = JSON.parse(readFileSync(join(cacheDir, 'index.json'), 'utf8')) as Record<string, { pack: string }>;
    const cached = Object.entries(index).map(([file, { pack }]) => (JSON.parse(readFileSync(join(cacheDir, `p-${pack}.json`), 'utf8')) as Record<string, string>)[file]);
    const sources = ['ormconfig', 'src/model/base', 'src/model/enums', 'src/model/post.entity', 'src/model/user.entity'];
    expect(cached.sort()).toEqual(sources.map((file) => readFileSync(join(project, 'build', `${file}.js`), 'utf8')).sort());
  }, 240_000);

  it('compiles nothing on a second run, and recompiles when an imported enum changes', () => {
    const warm = dump(project, 'ormconfig.ts');
    expect(warm.stats).toEqual({ programs: 0, emitted: 0, cacheHits: 5, narrow: 0, lean: 0 });
    expect(readdirSync(join(project, '.ormdiff', 'ts')).length).toBeGreaterThan(0);

    // The entity file is unchanged; only the enum it imports turns from numeric to string.
    writeFileSync(join(project, 'src', 'model', 'enums.ts'), "export enum Role { Reader = 'reader', Writer = 'writer', Admin = 'admin' }\nexport enum Status { Draft = 'draft', Published = 'published' }\n");
    const changed = dump(project, 'ormconfig.ts');
    expect(changed.stats.emitted).toBeGreaterThan(0);
    expect(changed.entities.find((e) => e.table === 'user')!.columns).toContain('role String');
  }, 240_000);
});

describe('TypeScript loader, NodeNext project', () => {
  let project: string;
  beforeAll(() => {
    project = copyFixture('design-types');
    // `module: NodeNext` with `./file.js` specifiers: TypeScript resolves them to .ts, and so must require.
    const tsconfig = join(project, 'tsconfig.json');
    writeFileSync(tsconfig, readFileSync(tsconfig, 'utf8').replace('"module": "commonjs"', '"module": "NodeNext"'));
    for (const name of readdirSync(join(project, 'src', 'model'))) {
      const file = join(project, 'src', 'model', name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/from '(\.\/[a-z.]+)'/g, "from '$1.js'"));
    }
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('reads the same metadata', () => {
    const loaded = dump(project, 'ormconfig.ts');
    expect(loaded.entities.find((e) => e.table === 'user')!.columns).toContain('role Number');
    expect(loaded.entities.find((e) => e.table === 'post')!.relations).toEqual(['author many-to-one user']);
  }, 240_000);
});

describe('tsconfig paths', () => {
  let project: string;
  beforeAll(() => {
    project = copyFixture('paths');
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('resolves aliases an entity and the config import', () => {
    const loaded = dump(project, 'ormconfig.ts');
    expect(loaded.entities).toEqual([{ table: 'accounts', columns: ['id Number', 'plan String'], relations: [] }]);
  }, 240_000);

  it('resolves aliases and baseUrl imports in migration files', () => {
    const script = `const { loadRevisions } = require(${JSON.stringify(join(DIST, 'src/runner/load'))});
      const [r] = loadRevisions('migrations');
      process.stdout.write(JSON.stringify([r.revision, r.migration.table, r.migration.plan]));`;
    expect(JSON.parse(node(['-e', script], project))).toEqual(['a1', 'accounts', 'free']);
  }, 60_000);
});
