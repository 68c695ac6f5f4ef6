/**
 * The house rules, read from the imports themselves (TypeScript's own pre-processor, so `import type`,
 * `export … from` and `require` count alike): no import circle anywhere in src, and no room imports
 * a room above it. Needs no database.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

/**
 * The rooms of src, lowest first. A room may import only rooms on an earlier line (and itself); rooms
 * on one line stay independent of each other. `errors`, `typeorm`, `timings` and `index` are the files
 * src/errors.ts, src/typeorm.ts (TypeORM required on first use), src/timings.ts (stage times) and src/index.ts.
 */
const LAYERS: string[][] = [
  ['schema'], // the neutral model
  ['sql'], // quoting and escaping
  ['errors', 'typeorm', 'timings'],
  ['db'], // connections, database creation, redaction
  ['introspect', 'diff'], // pg_catalog → model; (model, model) → Change[]
  ['config'], // ormconfig.ts, TypeScript loading
  ['entities'], // TypeORM metadata → model
  ['ddl'], // Change → SQL
  ['normalize'], // the entity model in Postgres' spelling (runs DDL)
  ['plan'], // Change[] → Plan: order, down, safer forms, checks
  ['facts', 'lint'], // live-data counts for the checks; the migration-file linter
  ['render'], // reports over a plan: migration file, SQL script, Markdown, JSON
  ['runner'], // revisions, history, lock, execution
  ['scratch'], // scratch databases, the embedded server
  ['api'], // one function per command
  ['cli', 'testing'], // the command line; helpers for users' test suites
  ['index'], // the package's public surface
];

const SRC = join(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** file → the files of src it imports (relative specifiers only; packages are outside the rule). */
export function importGraph(files: string[], read: (file: string) => string = (f) => readFileSync(f, 'utf8')): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(read(file), true, true);
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => normalize(join(dirname(file), spec)))
      .map((base) => [`${base}.ts`, join(base, 'index.ts'), base].find((c) => known.has(c)))
      .filter((t): t is string => t !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Strongly connected components of more than one file, or of one file importing itself (Tarjan). */
export function importCircles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return circles;
}

/** The room of a file under `root`: its first folder, or the file's name for a file at the top. */
const roomOf = (root: string, file: string): string => relative(root, file).split(/[\\/]/)[0].replace(/\.ts$/, '');

/** Imports that point sideways or up the layer order, as `from → to` lines; rooms not in the order are reported too. */
export function layerViolations(root: string, graph: Map<string, string[]>, layers: string[][]): string[] {
  const rank = new Map(layers.flatMap((rooms, i) => rooms.map((room) => [room, i] as const)));
  const problems: string[] = [];
  for (const [file, targets] of graph) {
    const from = roomOf(root, file);
    if (!rank.has(from)) {
      problems.push(`${relative(root, file)}: room "${from}" is not in the layer order`);
      continue;
    }
    for (const target of targets) {
      const to = roomOf(root, target);
      if (to === from || !rank.has(to)) continue;
      if (rank.get(to)! >= rank.get(from)!) problems.push(`${relative(root, file)} → ${relative(root, target)} (${from} may not import ${to})`);
    }
  }
  return problems;
}

describe('src imports', () => {
  const graph = importGraph(sourceFiles(SRC));

  test('reads the imports of every file (the rule is not vacuous)', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get(join(SRC, 'plan', 'plan.ts'))).toContain(join(SRC, 'ddl', 'sql.ts'));
  });

  test('no import circles', () => {
    expect(importCircles(graph).map((c) => c.map((f) => relative(SRC, f)).join(' ↔ '))).toEqual([]);
  });

  test('no room imports a room above it or beside it', () => {
    expect(layerViolations(SRC, graph, LAYERS)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const root = '/r/src';
  const files: Record<string, string> = {
    '/r/src/schema/model.ts': `export type A = 1;`,
    '/r/src/plan/plan.ts': `import type { A } from '../schema/model';\nimport { r } from '../render/sql';`,
    '/r/src/render/sql.ts': `export { p } from '../plan/plan';`,
    '/r/src/render/index.ts': `const x = require('./sql');`,
    '/r/src/misc/x.ts': `import '../render';`,
  };
  const graph = importGraph(Object.keys(files), (f) => files[f]);

  test('a circle through a re-export is found', () => {
    expect(importCircles(graph)).toEqual([['/r/src/plan/plan.ts', '/r/src/render/sql.ts']]);
  });

  test('an upward import, and a room missing from the order, are reported', () => {
    expect(layerViolations(root, graph, [['schema'], ['plan'], ['render']])).toEqual([
      'plan/plan.ts → render/sql.ts (plan may not import render)',
      'misc/x.ts: room "misc" is not in the layer order',
    ]);
  });
});
