/**
 * The hazard layer end to end: the committed hints file and interactive answers through
 * compareEntitiesWithDatabase, a scripted asker through diffAndPlan, the terminal asker, and an
 * --online migration file run by ormdiff's runner outside a transaction.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { compareEntitiesWithDatabase } from '../../src/api/compare';
import { diffAndPlan } from '../../src/api/plan';
import { parseHints, type RenameQuestion } from '../../src/api/hints';
import { openProject } from '../../src/api/project';
import { compareOptionsFromArgs, terminalAsker } from '../../src/cli/compare-options';
import { formatRenameHint } from '../../src/diff/renames/hints';
import { renderMigration } from '../../src/render/migration';
import * as runner from '../../src/runner';
import { createTestDatabase, execSql, querySql, type TestDatabase } from '../../src/testing/database';
import { column, schema, table } from '../diff/helpers/build';
import { applyPlan, compare, withClient } from '../scenarios/harness';
import eventsBefore from '../scenarios/49-online-index/before';
import eventsAfter from '../scenarios/49-online-index/after';

let dir: string;
const databases: TestDatabase[] = [];
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ormdiff-hazards-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));
afterAll(() => Promise.all(databases.map((d) => d.drop())));
const fresh = async () => {
  const db = await createTestDatabase('ormdiff_hz');
  databases.push(db);
  return db;
};

function project(columns: string, hints?: object): string {
  writeFileSync(
    join(dir, 'ormconfig.js'),
    `const { EntitySchema } = require(${JSON.stringify(require.resolve('typeorm'))});
module.exports = { type: 'postgres', entities: [new EntitySchema({ name: 'users', tableName: 'users', columns: { id: { type: 'integer', primary: true }, ${columns} } })] };
module.exports.ormdiff = { migrationsDir: 'db/migrations' };`,
  );
  if (hints) {
    mkdirSync(join(dir, 'db/migrations'), { recursive: true });
    writeFileSync(join(dir, 'db/migrations/ormdiff.hints.json'), JSON.stringify(hints));
  }
  return join(dir, 'ormconfig.js');
}

test('the committed hints file decides a rename; interactive answers are added to it', async () => {
  const db = await fresh();
  await execSql(db.url, `CREATE TABLE users (id integer PRIMARY KEY, a text, b text); INSERT INTO users VALUES (1, 'x', 'y');`);
  const config = project(`c: { type: 'text', nullable: true }, d: { type: 'text', nullable: true }`, { renames: ['users.a=c'] });
  const p = await openProject({ config, url: db.url, cwd: dir });

  const filed = await compareEntitiesWithDatabase(p);
  expect(filed.plan.warnings.map((w) => [w.code, w.object])).toEqual([
    ['RN303', 'public.users.a'],
    ['RN302', 'public.users.b'],
  ]);

  const typo = await compareEntitiesWithDatabase(p, { hints: parseHints({ renames: ['users.zz=y'], using: ['users.a=a::int'] }) });
  expect(typo.unusedHints).toEqual(['users.zz=y', 'users.a=a::int']);

  // A read-only comparison (diff, check) asks but leaves the hints file alone.
  const hintsFile = join(dir, 'db/migrations/ormdiff.hints.json');
  const before = readFileSync(hintsFile, 'utf8');
  await compareEntitiesWithDatabase(p, { ask: async () => null });
  expect(readFileSync(hintsFile, 'utf8')).toBe(before);

  // One that writes a migration (revision) keeps the answers.
  const asked: RenameQuestion[] = [];
  const answered = await compareEntitiesWithDatabase(p, { ask: async (q) => (asked.push(q), null), saveAnswers: true });
  expect(asked).toEqual([expect.objectContaining({ object: 'column public.users.b', candidates: ['d'] })]);
  expect(answered.plan.changes.map((c) => c.kind)).toEqual(['renameColumn', 'dropColumn', 'addColumn']);
  expect(JSON.parse(readFileSync(join(dir, 'db/migrations/ormdiff.hints.json'), 'utf8'))).toEqual({ renames: ['users.a=c', 'users.b=-'] });
  // The file now decides the same way without asking, as a CI run would.
  const again = await compareEntitiesWithDatabase(p);
  expect(again.plan.changes).toEqual(answered.plan.changes);
});

test('an answer can settle the next question: each one is asked against a fresh diff', async () => {
  const t = (...names: string[]) => schema({ tables: [table('public', 'posts', { columns: names.map((n) => column(n, 'text')) })] });
  const asked: string[][] = [];
  const result = await withClient((await fresh()).url, (c) =>
    diffAndPlan(c, t('a', 'b'), t('c', 'd'), {
      ask: async (q) => {
        asked.push([q.from, ...q.candidates]);
        return q.from === 'a' ? 'd' : undefined;
      },
    }),
  );
  expect(asked).toEqual([['a', 'c', 'd'], ['b', 'c']]);
  expect(result.answered.map(formatRenameHint)).toEqual(['posts.a=d']);
  expect(result.plan.changes.map((c) => (c.kind === 'renameColumn' ? `${c.from}→${c.to} ${c.origin}` : c.kind))).toEqual(['a→d hint', 'b→c assumed']);
});

describe('the terminal', () => {
  const question: RenameQuestion = { subject: { kind: 'column', table: { schema: 'public', name: 'posts' } }, from: 'body', candidates: ['summary', 'content'], object: 'column public.posts.body' };

  const UP = '\u001b[A';
  /** Answers the prompt with keys, as a person at a terminal types them, and returns what the asker made of it. */
  async function answer(q: RenameQuestion, keys: string[]): Promise<{ result: string | null | undefined; shown: string }> {
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d) => (shown += d.toString()));
    const pending = terminalAsker({ input, output })(q);
    for (const key of keys) {
      await new Promise((r) => setTimeout(r, 20));
      input.write(key);
    }
    return { result: await pending, shown };
  }

  test('a list of the candidates: one picks it, "not renamed" refuses the rename, the default leaves it undecided', async () => {
    const picked = await answer(question, [UP, UP, '\r']);
    expect(picked.result).toBe('content');
    expect(picked.shown).toContain('renamed to summary');
    expect(picked.shown).toContain('column public.posts.body may have been renamed');
    expect((await answer(question, [UP, '\r'])).result).toBeNull();
    expect((await answer(question, ['\r'])).result).toBeUndefined();
  });

  test('one candidate: a yes/no question, yes by default', async () => {
    const single: RenameQuestion = { ...question, candidates: ['summary'] };
    const yes = await answer(single, ['\r']);
    expect(yes.result).toBe('summary');
    expect(yes.shown).toContain('Was column public.posts.body renamed to summary?');
    expect((await answer(single, ['n', '\r'])).result).toBeNull();
  });

  test('--interactive without a terminal never asks, and says so', () => {
    const notes: string[] = [];
    const out = { info: (t: string) => notes.push(t) } as never;
    const options = compareOptionsFromArgs({ interactive: true, rename: ['users.a=b'], online: true }, out, { input: new PassThrough(), output: new PassThrough() });
    expect(options.ask).toBeUndefined();
    expect(options).toMatchObject({ online: true, hints: { renames: [{ kind: 'column', from: 'a', to: 'b' }] } });
    expect(notes).toEqual([expect.stringContaining('--interactive ignored')]);
  });
});

test('an --online migration file runs through the runner outside a transaction, up and down', async () => {
  const db = await fresh();
  await applyPlan(db.url, (await compare(db.url, eventsBefore)).plan, 'up');
  await execSql(db.url, `INSERT INTO events (id, kind) SELECT g, 'k' || (g % 3) FROM generate_series(1, 20) g`);
  const { plan } = await compare(db.url, eventsAfter, { description: '', warnings: [], online: true });
  const meta = { revision: 'a0b1c2d3e4f5', downRevision: null, message: 'index events by kind', createdAt: new Date(Date.UTC(2024, 0, 1)) };
  const file = await renderMigration(plan, meta);
  expect(file.source).toContain('transaction = false;');
  mkdirSync(join(dir, 'migrations'));
  writeFileSync(join(dir, 'migrations', file.fileName), file.source);

  await runner.upgrade({ migrationsDir: join(dir, 'migrations'), url: db.url });
  const valid = `SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'public.events_kind_idx'::regclass`;
  expect(await querySql(db.url, valid)).toEqual([{ valid: true }]);
  await runner.downgrade({ migrationsDir: join(dir, 'migrations'), url: db.url, target: 'base' });
  expect(await querySql(db.url, `SELECT to_regclass('public.events_kind_idx') AS i`)).toEqual([{ i: null }]);
});
