/** Hint syntax (command line and hints file share it), and the committed hints file. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendRenameHints, readHintsFile } from '../../../src/api/hints';
import {
  formatEnumMapHint,
  formatRenameHint,
  formatUsingHint,
  parseEnumMapHint,
  parseRenameHint,
  parseUsingHint,
  type RenameHint,
} from '../../../src/diff/renames/hints';
import { UsageError } from '../../../src/errors';

describe('rename hints', () => {
  test.each<[string, RenameHint]>([
    ['users.fullname=full_name', { kind: 'column', table: { name: 'users' }, from: 'fullname', to: 'full_name' }],
    ['app.users.fullname=-', { kind: 'column', table: { schema: 'app', name: 'users' }, from: 'fullname', to: null }],
    ['table:people=members', { kind: 'table', table: { name: 'people' }, to: 'members' }],
    ['table:crm.people=-', { kind: 'table', table: { schema: 'crm', name: 'people' }, to: null }],
    ['type:user_status=account_status', { kind: 'type', type: { name: 'user_status' }, to: 'account_status' }],
    ['enum:mood.meh=okay', { kind: 'enumValue', type: { name: 'mood' }, from: 'meh', to: 'okay' }],
    ['"My.Table"."a=b"="new name"', { kind: 'column', table: { name: 'My.Table' }, from: 'a=b', to: 'new name' }],
    ['enum:mood."very ""bad"""=bad', { kind: 'enumValue', type: { name: 'mood' }, from: 'very "bad"', to: 'bad' }],
  ])('%s', (text, hint) => {
    expect(parseRenameHint(text)).toEqual(hint);
    expect(parseRenameHint(formatRenameHint(hint))).toEqual(hint);
  });

  test.each(['users.fullname', 'fullname=full_name', 'a.b.c.d=e', 'users."open=x', 'table:=x', 'users.a=b.c'])(
    'rejects %s',
    (text) => expect(() => parseRenameHint(text)).toThrow(),
  );
});

test('--using keeps the whole expression, = signs and quotes included', () => {
  const h = parseUsingHint(`orders.total=CASE WHEN total = '' THEN NULL ELSE total::numeric END`);
  expect(h).toEqual({ table: { name: 'orders' }, column: 'total', expression: `CASE WHEN total = '' THEN NULL ELSE total::numeric END` });
  expect(parseUsingHint(formatUsingHint(h))).toEqual(h);
});

test('--enum-map type.old=new', () => {
  const h = parseEnumMapHint('public.task_state.blocked=todo');
  expect(h).toEqual({ type: { schema: 'public', name: 'task_state' }, from: 'blocked', to: 'todo' });
  expect(parseEnumMapHint(formatEnumMapHint(h))).toEqual(h);
});

describe('migrations/ormdiff.hints.json', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ormdiff-hints-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('missing: no hints; present: parsed; answers are appended without duplicates', () => {
    const file = join(dir, 'migrations', 'ormdiff.hints.json');
    expect(readHintsFile(file)).toEqual({ renames: [], using: [], enumMaps: [] });
    appendRenameHints(file, [{ kind: 'column', table: { name: 'users' }, from: 'a', to: 'b' }]);
    appendRenameHints(file, [
      { kind: 'column', table: { name: 'users' }, from: 'a', to: 'b' },
      { kind: 'table', table: { name: 't' }, to: null },
    ]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ renames: ['users.a=b', 'table:t=-'] });
    expect(readHintsFile(file).renames).toHaveLength(2);
  });

  test('a bad file names itself and what is wrong', () => {
    const file = join(dir, 'ormdiff.hints.json');
    writeFileSync(file, '{"renames": ["users.a"]}');
    expect(() => readHintsFile(file)).toThrow(UsageError);
    expect(() => readHintsFile(file)).toThrow(/ormdiff\.hints\.json renames: rename hint "users\.a" needs "="/);
    writeFileSync(file, '{"rename": []}');
    expect(() => readHintsFile(file)).toThrow(/unknown key "rename"/);
  });
});
