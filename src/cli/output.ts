/**
 * The one place the CLI writes. Results go to stdout, every message to stderr, so
 * `ormdiff diff --format sql | psql` gets SQL only.
 * - --quiet: errors only (results are still printed: they are what was asked for).
 * - --verbose: debug messages too.
 * - --json: each message is one JSON object on its own line of stderr ({time, level, message}).
 * - Colour (picocolors) on a terminal, never with NO_COLOR (https://no-color.org) or TERM=dumb, and
 *   also off a terminal with FORCE_COLOR (https://force-color.org), as CI logs that render colour ask.
 * - A progress status line only on a terminal, never with --quiet or --json.
 */
import { createColors } from 'picocolors';
import { progress, type Progress, type StatusLine } from './progress';

export type Level = 'error' | 'warn' | 'info' | 'debug';

export interface Output {
  result(text: string): void;
  info(text: string): void;
  warn(text: string): void;
  error(text: string): void;
  /** Only with --verbose. */
  debug(text: string): void;
  /** A status line (terminal only) for `label`'s work: messages, n of m steps, elapsed. Call `done()` at the end. */
  progress(label: string): Progress;
  verbose: boolean;
}

/** What the runner and the api's replays take for progress: messages and each migration as it begins. */
export const progressCallbacks = (p: Progress) => ({ log: p.log, onStep: p.step });

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

/** NO_COLOR (set and not empty) wins; then FORCE_COLOR (any value but 0/false); else only a terminal that is not dumb. */
export function useColour(env: Streams['env'], isTTY: boolean | undefined): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY === true && env.TERM !== 'dumb';
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
  const colours = createColors(!opts.json && useColour(streams.env, stderr.isTTY));
  const paint: Partial<Record<Level, (text: string) => string>> = { warn: colours.yellow, error: colours.red };
  const status = stderr.isTTY === true && !opts.quiet && !opts.json ? terminalStatus(stderr) : undefined;
  const write = (text: string) => (status ? status.above(text) : stderr.write(text));

  const message = (level: Level) => (text: string) => {
    if (!shows(level, opts)) return;
    if (opts.json) return void write(jsonLogLine(level, text, new Date()));
    write(withNewline(paint[level]?.(text) ?? text));
  };
  const info = message('info');

  let active: Progress | undefined;

  return {
    result: (text) => {
      // A result ends the work the status line was about.
      active?.done();
      status?.clear();
      streams.stdout.write(withNewline(text));
    },
    info,
    warn: message('warn'),
    error: message('error'),
    debug: message('debug'),
    progress: (label) => {
      active?.done();
      active = progress(label, { status, message: info });
      return active;
    },
    verbose: opts.verbose === true,
  };
}
