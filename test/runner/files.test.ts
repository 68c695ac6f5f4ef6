import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { merge, revision } from '../../src/runner/author';
import { GraphError, MultipleHeadsError } from '../../src/runner/errors';
import { loadGraph } from '../../src/runner/load';
import { Dir, migrationsDir, tableMigration, writeMigration } from './fixtures';

let dir: Dir;
beforeEach(() => {
  dir = migrationsDir();
});
afterEach(() => dir.remove());

describe('loading a migrations directory', () => {
  it('reads revision, parents, transaction, header, the checksum of the code and a sha256 of the bytes', () => {
    const a = tableMigration(dir.path, 'aaa111', null, { message: 'create a' });
    tableMigration(dir.path, 'bbb222', 'aaa111', { transaction: false });
    writeFileSync(`${dir.path}/helper.d.ts`, 'export declare const x: number;');
    const g = loadGraph(dir.path);
    const ra = g.nodes.get('aaa111')!;
    expect(ra.checksum).toMatch(/^code-v1:[0-9a-f]{64}$/);
    expect(ra.byteChecksum).toBe(createHash('sha256').update(readFileSync(a)).digest('hex'));
    expect(ra.message).toBe('create a');
    expect(ra.transaction).toBe(true);
    expect(g.nodes.get('bbb222')!.transaction).toBe(false);
    expect(g.nodes.get('bbb222')!.downRevisions).toEqual(['aaa111']);
    expect(g.heads).toEqual(['bbb222']);
  });

  it('refuses a missing parent, a duplicate id and a cycle, naming the files', () => {
    tableMigration(dir.path, 'aaa111', null);
    tableMigration(dir.path, 'bbb222', 'nope99');
    expect(() => loadGraph(dir.path)).toThrow("Can't locate revision nope99 (the downRevision of bbb222 in bbb222_step_bbb222.ts)");

    writeMigration(dir.path, { revision: 'bbb222', down: 'aaa111', message: 'copy' });
    expect(() => loadGraph(dir.path)).toThrow('Revision bbb222 is declared twice: in bbb222_copy.ts and in bbb222_step_bbb222.ts');
  });

  it('refuses a cycle', () => {
    tableMigration(dir.path, 'aaa111', 'ccc333');
    tableMigration(dir.path, 'bbb222', 'aaa111');
    tableMigration(dir.path, 'ccc333', 'bbb222');
    expect(() => loadGraph(dir.path)).toThrow(/^Cycle in the revision graph: .*\(files .*aaa111_step_aaa111\.ts/);
  });

  it('reports a file that does not compile and a class without a revision or a timestamp', () => {
    writeFileSync(`${dir.path}/broken.ts`, 'export class X { up( {');
    writeFileSync(`${dir.path}/plain.ts`, 'export class Plain { async up() {} async down() {} }');
    // A TypeORM migration named by its timestamp is adopted as it is (adopt-typeorm.test.ts).
    writeFileSync(`${dir.path}/adopted.ts`, 'export class Plain1700000000000 { async up() {} async down() {} }');
    let err: GraphError | undefined;
    try {
      loadGraph(dir.path);
    } catch (e) {
      err = e as GraphError;
    }
    expect(err).toBeInstanceOf(GraphError);
    expect(err!.problems).toHaveLength(2);
    expect(err!.problems[0]).toMatch(/^Could not load migration file broken\.ts: /);
    // The compiler's backtrace stays out of the one line.
    expect(err!.problems[0]).not.toContain('backtrace');
    expect(err!.problems[1]).toBe(
      'plain.ts: class Plain has neither a `revision` field nor a name ending in a 13-digit timestamp (TypeORM\'s order); ' +
        'rename the class to end in one (as `typeorm migration:create` does) or move its code into `ormdiff revision -m "…"`',
    );
  });
});

describe('revision and merge', () => {
  it('writes the migration file format, prettier-formatted, chained after head', async () => {
    const first = await revision({ migrationsDir: dir.path, message: 'Create users!', revisionId: 'a1b2c3d4e5f6', now: new Date(1_700_000_000_000) });
    expect(first.path).toBe(`${dir.path}/a1b2c3d4e5f6_create_users.ts`);
    expect(readFileSync(first.path, 'utf8')).toBe(`/**
 * Create users!
 *
 * Revision ID: a1b2c3d4e5f6
 * Revises: (none)
 * Create Date: 2023-11-14T22:13:20.000Z
 */
import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateUsers1700000000000 implements MigrationInterface {
  name = "CreateUsers1700000000000";
  revision = "a1b2c3d4e5f6";
  downRevision: string | string[] | null = null;

  public async up(queryRunner: QueryRunner): Promise<void> {}

  public async down(queryRunner: QueryRunner): Promise<void> {}
}
`);
    const second = await revision({ migrationsDir: dir.path, message: 'next' });
    expect(second.revision).toMatch(/^[0-9a-f]{12}$/);
    expect(second.downRevision).toBe('a1b2c3d4e5f6');
    expect(loadGraph(dir.path).heads).toEqual([second.revision]);
  });

  it('refuses a new revision on several heads, and merges them into one', async () => {
    tableMigration(dir.path, 'aaa111', null);
    tableMigration(dir.path, 'bbb222', 'aaa111');
    tableMigration(dir.path, 'ccc333', 'aaa111');
    await expect(revision({ migrationsDir: dir.path, message: 'x' })).rejects.toThrow(MultipleHeadsError);
    const m = await merge({ migrationsDir: dir.path, revisions: ['heads'], message: 'join branches' });
    expect(m.downRevision).toEqual(['bbb222', 'ccc333']);
    expect(readFileSync(m.path, 'utf8')).toContain('downRevision: string | string[] | null = ["bbb222", "ccc333"];');
    expect(readFileSync(m.path, 'utf8')).toContain(' * Revises: bbb222, ccc333\n');
    const g = loadGraph(dir.path);
    expect(g.heads).toEqual([m.revision]);
    await expect(merge({ migrationsDir: dir.path, revisions: ['aaa111', 'bbb222'] })).rejects.toThrow('aaa111 is an ancestor of bbb222: merging them joins nothing');
  });

  it('escapes SQL into template literals that round-trip', async () => {
    const sql = 'SELECT E\'a\\\\b\', `x`, \'${y}\'';
    const r = await revision({ migrationsDir: dir.path, message: 'weird', up: [sql] });
    const g = loadGraph(dir.path);
    const seen: string[] = [];
    await g.nodes.get(r.revision)!.migration.up({ query: async (s: string) => void seen.push(s) } as never);
    expect(seen).toEqual([sql]);
  });
});

describe("the project's formatting", () => {
  const write = (config: Record<string, string>) => {
    for (const [name, text] of Object.entries(config)) writeFileSync(`${dir.path}/${name}`, text);
    return revision({ migrationsDir: `${dir.path}/migrations`, message: 'add users', revisionId: 'f00d00000001', up: ['CREATE TABLE "users" ("id" integer)'], now: new Date(1_700_000_000_000) });
  };

  it('writes with prettier defaults when the project configures nothing', async () => {
    const written = await write({});
    expect(written.source).toContain('import { MigrationInterface, QueryRunner } from "typeorm";');
    expect(written.source).toMatch(/^ {4}await queryRunner\.query\(`CREATE TABLE "users" \("id" integer\)`\);$/m);
  });

  it("follows the project's prettier config for the file's path", async () => {
    const written = await write({ '.prettierrc.json': JSON.stringify({ singleQuote: true, semi: false, tabWidth: 4 }) });
    expect(readFileSync(written.path, 'utf8')).toBe(written.source);
    expect(written.source).toContain("import { MigrationInterface, QueryRunner } from 'typeorm'\n");
    expect(written.source).toMatch(/^ {8}await queryRunner\.query\(`CREATE TABLE "users" \("id" integer\)`\)$/m);
  });

  it('follows .editorconfig where no prettier config says otherwise', async () => {
    const written = await write({ '.editorconfig': 'root = true\n\n[*.ts]\nindent_style = tab\n' });
    expect(written.source).toMatch(/^\t\tawait queryRunner\.query\(`CREATE TABLE "users" \("id" integer\)`\);$/m);
  });

  it('a file formatted either way has the same checksum: the code is the same', async () => {
    const plain = await write({});
    const sumPlain = loadGraph(`${dir.path}/migrations`).nodes.get('f00d00000001')!.checksum;
    rmSync(plain.path);
    await write({ '.prettierrc.json': JSON.stringify({ singleQuote: true, semi: false, useTabs: true }) });
    expect(loadGraph(`${dir.path}/migrations`).nodes.get('f00d00000001')!.checksum).toBe(sumPlain);
  });
});
