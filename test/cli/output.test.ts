/** What the CLI writes where, for each of --quiet, --verbose, --json, NO_COLOR and a terminal or not. */
import { createOutput, jsonLogLine, type OutputOptions } from '../../src/cli/output';
import { fitWidth, formatProgress, progress, SPINNER } from '../../src/cli/progress';

/** The two streams as a terminal (or a pipe) would receive them. */
function capture(opts: OutputOptions, terminal: { isTTY?: boolean; env?: Record<string, string>; columns?: number } = {}) {
  const written = { stdout: '', stderr: '' };
  const out = createOutput(opts, {
    stdout: { write: (t: string) => (written.stdout += t) },
    stderr: { write: (t: string) => (written.stderr += t), isTTY: terminal.isTTY, columns: terminal.columns },
    env: terminal.env ?? {},
  });
  return { out, written };
}

const ESC = '\u001b[';

describe('levels', () => {
  test('--quiet keeps results and errors only', () => {
    const { out, written } = capture({ quiet: true });
    out.result('R');
    out.info('I');
    out.warn('W');
    out.debug('D');
    out.error('E');
    expect(written).toEqual({ stdout: 'R\n', stderr: 'E\n' });
  });

  test('debug messages only with --verbose', () => {
    const quietish = capture({});
    quietish.out.debug('D');
    expect(quietish.written.stderr).toBe('');
    const verbose = capture({ verbose: true });
    verbose.out.debug('D');
    expect(verbose.written.stderr).toBe('D\n');
    expect(verbose.out.verbose).toBe(true);
  });
});

describe('--json', () => {
  test('every message is one JSON object per line on stderr; results stay as they are on stdout', () => {
    const { out, written } = capture({ json: true, verbose: true }, { isTTY: true });
    out.result('SELECT 1;');
    out.info('Running upgrade a -> b');
    out.warn('line one\nline two');
    out.error('ormdiff: boom');
    out.debug('details');
    expect(written.stdout).toBe('SELECT 1;\n');
    const lines = written.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.map(({ level, message }) => ({ level, message }))).toEqual([
      { level: 'info', message: 'Running upgrade a -> b' },
      { level: 'warn', message: 'line one\nline two' },
      { level: 'error', message: 'ormdiff: boom' },
      { level: 'debug', message: 'details' },
    ]);
    for (const p of parsed) expect(new Date(p.time).toISOString()).toBe(p.time);
    // Machine output: no colour and no status line even on a terminal.
    expect(written.stderr).not.toContain(ESC);
  });

  test('a log line is stable for a given time', () => {
    expect(jsonLogLine('warn', 'x', new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('{"time":"2026-01-02T03:04:05.000Z","level":"warn","message":"x"}\n');
  });

  test('--json --quiet: only errors, still as JSON', () => {
    const { out, written } = capture({ json: true, quiet: true });
    out.info('I');
    out.error('E');
    expect(JSON.parse(written.stderr)).toMatchObject({ level: 'error', message: 'E' });
  });
});

describe('colour', () => {
  test('warnings yellow and errors red on a terminal, info plain', () => {
    const { out, written } = capture({}, { isTTY: true });
    out.info('I');
    out.warn('W');
    out.error('E');
    expect(written.stderr).toBe(`I\n${ESC}33mW${ESC}39m\n${ESC}31mE${ESC}39m\n`);
  });

  test.each([
    ['FORCE_COLOR=1 off a terminal (a CI log that renders colour)', { isTTY: false, env: { FORCE_COLOR: '1' } }, true],
    ['FORCE_COLOR=0 on a terminal', { isTTY: true, env: { FORCE_COLOR: '0' } }, false],
    ['NO_COLOR beats FORCE_COLOR', { isTTY: true, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }, false],
  ])('%s', (_, terminal, coloured) => {
    const { out, written } = capture({}, terminal);
    out.warn('W');
    expect(written.stderr).toBe(coloured ? `${ESC}33mW${ESC}39m\n` : 'W\n');
  });

  test.each([
    ['NO_COLOR set', { isTTY: true, env: { NO_COLOR: '1' } }],
    ['TERM=dumb', { isTTY: true, env: { TERM: 'dumb' } }],
    ['not a terminal', { isTTY: false }],
  ])('none with %s', (_, terminal) => {
    const { out, written } = capture({}, terminal);
    out.warn('W');
    out.error('E');
    expect(written.stderr).toBe('W\nE\n');
  });
});

describe('progress', () => {
  test('on a terminal: drawn at once, messages above it, n of m with what each step does, cleared at the end', () => {
    const { out, written } = capture({}, { isTTY: true, columns: 200 });
    const p = out.progress('Migrating');
    expect(written.stderr).toMatch(/^\r⠋ Migrating 0\.\ds\u001b\[K$/);
    p.log('Started embedded PostgreSQL');
    // The message above the line, and the line now says what is being done.
    expect(written.stderr).toMatch(/\r\u001b\[KStarted embedded PostgreSQL\n[\s\S]*\r⠋ Migrating 0\.\ds · Started embedded PostgreSQL\u001b\[K$/);
    p.step({ index: 1, total: 2, description: 'Running upgrade <base> -> a, first' });
    expect(written.stderr).toMatch(/\r⠋ Migrating 1\/2 0\.\ds · Running upgrade <base> -> a, first\u001b\[K$/);
    const before = written.stderr.length;
    out.info('careful');
    // Cleared, the message, then the same status line again below it.
    expect(written.stderr.slice(before)).toMatch(/^\r\u001b\[Kcareful\n\r⠋ Migrating 1\/2 .*\u001b\[K$/);
    p.step({ index: 2, total: 2, description: 'Running upgrade a -> b, second' });
    expect(written.stderr).toMatch(/\r⠋ Migrating 2\/2 0\.\ds · Running upgrade a -> b, second\u001b\[K$/);
    p.done();
    expect(written.stderr.endsWith('\r\u001b[K')).toBe(true);
    const end = written.stderr.length;
    p.step({ index: 3, total: 3, description: 'late' });
    out.info('after');
    expect(written.stderr.slice(end)).toBe('after\n');
  });

  test('elapsed time and the spinner move while one step runs', async () => {
    let clock = 0;
    const drawn: string[] = [];
    const p = progress('Replaying migrations', {
      status: { columns: 80, draw: (t) => drawn.push(t), clear: () => undefined },
      message: () => undefined,
      now: () => clock,
    });
    p.step({ index: 1, total: 3, description: 'Running upgrade <base> -> a' });
    clock = 2500;
    await new Promise((r) => setTimeout(r, 200));
    p.done();
    expect(drawn.at(-1)).toMatch(/^. Replaying migrations 1\/3 2\.5s · Running upgrade <base> -> a$/);
    expect(new Set(drawn.map((l) => l[0])).size).toBeGreaterThan(1);
  });

  test('a result ends the status line before it is printed on stdout', () => {
    const { out, written } = capture({}, { isTTY: true });
    const p = out.progress('Reading catalog');
    out.result('done');
    expect(written.stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(written.stdout).toBe('done\n');
    const end = written.stderr.length;
    p.step({ index: 1, total: 1, description: 'ignored' });
    expect(written.stderr.length).toBe(end);
  });

  test.each([
    ['not a terminal', {}, { isTTY: false }],
    ['--json', { json: true }, { isTTY: true }],
  ])('%s: no status line, the runner lines as plain messages', (_, opts, terminal) => {
    const { out, written } = capture(opts, terminal);
    const p = out.progress('Migrating');
    p.log('Running upgrade <base> -> a');
    p.step({ index: 1, total: 1, description: 'Running upgrade <base> -> a' });
    p.done();
    expect(written.stderr).not.toContain('\r');
    expect(written.stderr).toContain('Running upgrade <base> -> a');
    expect(written.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('--quiet on a terminal: nothing at all', () => {
    const { out, written } = capture({ quiet: true }, { isTTY: true });
    const p = out.progress('Migrating');
    p.log('Running upgrade <base> -> a');
    p.done();
    expect(written.stderr).toBe('');
  });

  test('the status line never wraps, measured in terminal cells (CJK takes two), and turns its spinner', () => {
    const line = formatProgress({ label: 'Migrating', step: { index: 3, total: 12 }, elapsedMs: 4210, frame: 1, detail: 'Running upgrade a -> b, ' + 'x'.repeat(100) }, 40);
    expect([...line]).toHaveLength(39);
    expect(line).toMatch(/^⠙ Migrating 3\/12 4\.2s · Running upg.*…$/);
    expect(formatProgress({ label: 'Reading', elapsedMs: 0, frame: SPINNER.length }, 80)).toBe('⠋ Reading 0.0s');
    const cjk = formatProgress({ label: 'Migrating', step: { index: 1, total: 1 }, elapsedMs: 0, frame: 0, detail: 'Running upgrade a -> b, 顧客テーブルに住所を追加する' }, 50);
    // 49 cells at most: the same number of characters would be wider than the terminal and wrap.
    expect(cjk.endsWith('…')).toBe(true);
    const cells = [...cjk].reduce((n, c) => n + (/[\u3000-\u9fff]/.test(c) ? 2 : 1), 0);
    expect(cells).toBeLessThanOrEqual(49);
    expect(cells).toBeGreaterThanOrEqual(47);
    expect(fitWidth('表', 10)).toBe('表');
  });
});
