/**
 * Where the CLI writes: results to stdout, every message to stderr, so `ormdiff diff --format sql | psql`
 * gets SQL only. --quiet silences messages, NO_COLOR (or a non-TTY stderr) drops colour.
 */
export interface Output {
  result(text: string): void;
  info(text: string): void;
  warn(text: string): void;
  error(text: string): void;
  verbose: boolean;
}

export function createOutput(opts: { quiet?: boolean; verbose?: boolean }): Output {
  const color = !process.env.NO_COLOR && process.stderr.isTTY === true;
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const line = (text: string) => process.stderr.write(text.endsWith('\n') ? text : text + '\n');
  return {
    result: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    info: (text) => (opts.quiet ? undefined : line(text)),
    warn: (text) => (opts.quiet ? undefined : line(paint(33, text))),
    error: (text) => line(paint(31, text)),
    verbose: opts.verbose === true,
  };
}
