/**
 * Progress for long work (starting the embedded server, replaying many migrations): one status line of
 * a terminal, redrawn in place, saying what is being done, which unit of how many, and the time so far.
 * Off a terminal, under --quiet or --json there is no status line at all: logs and pipes get whole
 * lines or nothing, never carriage returns.
 */
import type StringWidth from 'string-width';

/** Required on the first status line: most runs draw none (not a terminal, --quiet, --json). */
let width: typeof StringWidth | undefined;
const stringWidth = (text: string): number => (width ??= require('string-width') as typeof StringWidth)(text);

/** The one line of the terminal that is redrawn; messages are printed above it (see output.ts). */
export interface StatusLine {
  /** Terminal width, so the line never wraps (a wrapped line cannot be redrawn in place). */
  readonly columns: number;
  draw(text: string): void;
  clear(): void;
}

/** Unit `index` (1-based) of `total` begins: a migration being replayed or run. */
export interface ProgressStep {
  index: number;
  total: number;
  description: string;
}

export interface Progress {
  /** A message (printed as usual), which is also what is being done now until the next one or step. */
  log: (line: string) => void;
  /** For the runner's `onStep`: the counter and what the step does. */
  step: (step: ProgressStep) => void;
  /** Takes the status line away. Later messages are still printed; later steps are ignored. */
  done(): void;
}

export interface ProgressState {
  label: string;
  step?: { index: number; total: number };
  detail?: string;
  elapsedMs: number;
  frame: number;
}

export const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAME_MS = 80;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

/** `text` cut to `width` terminal cells (CJK and emoji take two), with `…` where it was cut. */
export function fitWidth(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = stringWidth(char);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return out + '…';
}

/** `⠙ Migrating 3/12 4.2s · Running upgrade a -> b, add users`, cut to fit `columns`. */
export function formatProgress(state: ProgressState, columns: number): string {
  const counter = state.step ? ` ${state.step.index}/${state.step.total}` : '';
  const text = [
    `${SPINNER[state.frame % SPINNER.length]} ${state.label}${counter} ${seconds(state.elapsedMs)}`,
    ...(state.detail ? [state.detail.split('\n')[0]] : []),
  ].join(' · ');
  // The last column stays empty: a line that fills it wraps on some terminals.
  return fitWidth(text, Math.max(10, columns - 1));
}

/**
 * A status line for one piece of work, drawn from the start so a slow first step (initdb, compiling the
 * config) shows time passing. Without a status line (not a terminal, --quiet, --json) it draws nothing;
 * the messages still go to `message`, which applies --quiet and --json itself.
 */
export function progress(
  label: string,
  opts: { status?: StatusLine; message: (line: string) => void; now?: () => number },
): Progress {
  const now = opts.now ?? Date.now;
  const started = now();
  const state: ProgressState = { label, elapsedMs: 0, frame: 0 };
  let finished = false;

  const draw = () => {
    if (finished || !opts.status) return;
    state.elapsedMs = now() - started;
    opts.status.draw(formatProgress(state, opts.status.columns));
  };
  // The spinner keeps turning during one long unit (an index build), so a hung run looks hung.
  const timer = opts.status
    ? setInterval(() => {
        state.frame += 1;
        draw();
      }, FRAME_MS).unref()
    : undefined;
  draw();

  return {
    log: (line) => {
      opts.message(line);
      if (finished) return;
      state.detail = line;
      draw();
    },
    step: ({ index, total, description }) => {
      if (finished) return;
      state.step = { index, total };
      state.detail = description;
      draw();
    },
    done: () => {
      if (finished) return;
      finished = true;
      if (timer) clearInterval(timer);
      opts.status?.clear();
    },
  };
}
