/**
 * The built command's stderr as users see it: JSON lines with --json, nothing with --quiet, plain lines
 * in a pipe, and on a real pseudo-terminal (script(1)) a status line and colour unless NO_COLOR.
 */
import { spawn } from 'node:child_process';
import { createTestDatabase, type TestDatabase } from '../../src/testing/database';
import { BIN, ROOT, runCli } from './helpers';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const ESC = '\u001b[';
const cli = (args: string[], env: Record<string, string | undefined> = {}) =>
  runCli(args, { env: { DATABASE_URL: db.url, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env } });

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs the command on a pseudo-terminal: stdout and stderr arrive together, as on screen. */
function onTerminal(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; screen: string }> {
  const command = [process.execPath, BIN, ...args].map(shellQuote).join(' ');
  const childEnv = { ...process.env, DATABASE_URL: db.url, FORCE_COLOR: undefined, ...env } as Record<string, string | undefined>;
  for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
  delete childEnv.NODE_OPTIONS;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let screen = '';
    child.stdout.on('data', (d) => (screen += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, screen }));
  });
}

test('--json: every message on stderr is one JSON object per line', async () => {
  const up = await cli(['--json', 'upgrade', 'head']);
  expect(up.code).toBe(0);
  const lines = up.stderr.trimEnd().split('\n');
  const messages = lines.map((l) => JSON.parse(l));
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) expect(Object.keys(m).sort()).toEqual(['level', 'message', 'time']);
  expect(messages).toContainEqual(expect.objectContaining({ level: 'info', message: expect.stringMatching(/^Running upgrade <base> -> [0-9a-f]{12}/) }));

  const failed = await cli(['--json', '--config', 'nope/ormconfig.ts', 'diff']);
  expect(failed.code).toBe(2);
  expect(JSON.parse(failed.stderr)).toMatchObject({ level: 'error', message: expect.stringMatching(/^ormdiff: .*nope\/ormconfig\.ts/) });
});

test('--quiet: nothing on stderr for a run that goes well', async () => {
  const down = await cli(['--quiet', 'downgrade', 'base']);
  expect(down.code).toBe(0);
  expect(down.stderr).toBe('');
});

test('in a pipe, without NO_COLOR: whole plain lines, no colour and no status line', async () => {
  const up = await cli(['upgrade', 'head']);
  expect(up.code).toBe(0);
  expect(up.stderr).toMatch(/^Running upgrade <base> -> [0-9a-f]{12}.*\n$/m);
  expect(up.stderr).not.toContain('\r');
  expect(up.stderr).not.toContain(ESC);
  const failed = await cli(['--config', 'nope/ormconfig.ts', 'diff']);
  expect(failed.stderr).not.toContain(ESC);
  await cli(['downgrade', 'base']);
});

test('on a terminal: the migration lines stay, a status line turns while they run and is gone at the end', async () => {
  const up = await onTerminal(['upgrade', 'head']);
  expect(up.code).toBe(0);
  expect(up.screen).toMatch(/Running upgrade <base> -> [0-9a-f]{12}/);
  expect(up.screen).toMatch(/\r[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Migrating 1\/1 \d+\.\ds · Running upgrade <base> -> /);
  expect(up.screen.endsWith('\r\u001b[K')).toBe(true);
  await cli(['downgrade', 'base']);
}, 30_000);

test('on a terminal errors are red, unless NO_COLOR is set', async () => {
  const coloured = await onTerminal(['--config', 'nope/ormconfig.ts', 'diff']);
  expect(coloured.code).toBe(2);
  expect(coloured.screen).toContain(`${ESC}31mormdiff: `);
  const plain = await onTerminal(['--config', 'nope/ormconfig.ts', 'diff'], { NO_COLOR: '1' });
  expect(plain.screen).toMatch(/^ormdiff: /);
  expect(plain.screen).not.toContain(ESC);
}, 30_000);
