/**
 * The one place the CLI writes. Results go to stdout, every message to stderr, so
 * `ormdiff diff --format sql | psql` gets SQL only.
 * - --quiet: errors only (results are still printed: they are what was asked for).
 * - --verbose: debug messages too.
 * - --json: each message is one JSON object on its own line of stderr ({time, level, message}).
 * - Colour only on a terminal and never with NO_COLOR (https://no-color.org) or TERM=dumb.
 * - A progress status line only on a terminal, never with --quiet or --json.
 */
import { progress, type Progress, type StatusLine } from './progress';

export type Level = 'error' | 'warn' | 'info' | 'debug';

export interface Output {
  result(text: string): void;
  info(text: string): void;
  warn(text: string): void;
  error(text: string): void;
  /** Only with --verbose. */
  debug(text: string): void;
  /** A counter on a status line (terminal only); `total` when it is known. Call `done()` at the end. */
  progress(label: string, total?: number): Progress;
  verbose: boolean;
}

export interface OutputOptions {
  quiet?: boolean;
  verbose?: boolean;
  json?: boolean;
}

/** What the output writes to; the process's own streams unless a test gives others. */
export interface Streams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  env: Record<string, string | undefined>;
}

const COLOURS: Partial<Record<Level, number>> = { warn: 33, error: 31 };

export function useColour(env: Streams['env'], isTTY: boolean | undefined): boolean {
  return isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

export function shows(level: Level, opts: OutputOptions): boolean {
  if (level === 'error') return true;
  if (opts.quiet) return false;
  return level !== 'debug' || opts.verbose === true;
}

export function jsonLogLine(level: Level, message: string, time: Date): string {
  return JSON.stringify({ time: time.toISOString(), level, message }) + '\n';
}

const withNewline = (text: string): string => (text.endsWith('\n') ? text : text + '\n');

/** A status line on a terminal stream: `\r` and erase-to-end-of-line, nothing that scrolls. */
function terminalStatus(stream: Streams['stderr']): StatusLine & { above(text: string): void } {
  let shown: string | undefined;
  // A run that ends without done() (an error thrown mid-way) must not leave a half line before the prompt.
  const onExit = () => status.clear();
  const status = {
    get columns() {
      // A pseudo-terminal with no size set reports 0 columns.
      return stream.columns || 80;
    },
    draw(text: string) {
      if (shown === undefined) process.once('exit', onExit);
      shown = text;
      stream.write(`\r${text}\u001b[K`);
    },
    clear() {
      if (shown === undefined) return;
      shown = undefined;
      process.removeListener('exit', onExit);
      stream.write('\r\u001b[K');
    },
    /** A message while a status line is up: clear it, print, draw it again below. */
    above(text: string) {
      const again = shown;
      status.clear();
      stream.write(text);
      if (again !== undefined) status.draw(again);
    },
  };
  return status;
}

export function createOutput(opts: OutputOptions, streams: Streams = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Output {
  const { stderr } = streams;
  const colour = !opts.json && useColour(streams.env, stderr.isTTY);
  const status = stderr.isTTY === true && !opts.quiet && !opts.json ? terminalStatus(stderr) : undefined;
  const write = (text: string) => (status ? status.above(text) : stderr.write(text));

  const message = (level: Level) => (text: string) => {
    if (!shows(level, opts)) return;
    if (opts.json) return void write(jsonLogLine(level, text, new Date()));
    const code = COLOURS[level];
    write(withNewline(colour && code ? `\u001b[${code}m${text}\u001b[0m` : text));
  };
  const info = message('info');

  let active: Progress | undefined;

  return {
    result: (text) => {
      status?.clear();
      streams.stdout.write(withNewline(text));
    },
    info,
    warn: message('warn'),
    error: message('error'),
    debug: message('debug'),
    progress: (label, total) => {
      active?.done();
      active = progress(label, total, { status, message: info });
      return active;
    },
    verbose: opts.verbose === true,
  };
}
