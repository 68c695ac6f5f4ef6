/**
 * Progress for long work (replaying many migrations, reading a large catalog): a spinner and counter on
 * one status line of a terminal, redrawn in place. Off a terminal, under --quiet or --json there is no
 * status line at all: logs and pipes get whole lines or nothing, never carriage returns.
 */

/** The one line of the terminal that is redrawn; messages are printed above it (see output.ts). */
export interface StatusLine {
  /** Terminal width, so the line never wraps (a wrapped line cannot be redrawn in place). */
  readonly columns: number;
  draw(text: string): void;
  clear(): void;
}

export interface Progress {
  /** One unit of work begins; `detail` names it on the status line. */
  tick(detail?: string): void;
  /**
   * For the runner's `log` callback: each line it logs starts one unit (a migration), so the line is a
   * message (printed as usual) and a tick.
   */
  log: (line: string) => void;
  /** Takes the status line away. Further ticks are ignored. */
  done(): void;
}

export interface ProgressState {
  label: string;
  count: number;
  total?: number;
  detail?: string;
  elapsedMs: number;
  frame: number;
}

export const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAME_MS = 80;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

/** `⠙ Migrating 3/12 4.2s · Running upgrade a -> b, add users`, cut to fit `columns`. */
export function formatProgress(state: ProgressState, columns: number): string {
  const counter = state.total !== undefined ? `${state.count}/${state.total}` : `${state.count}`;
  const text = [
    `${SPINNER[state.frame % SPINNER.length]} ${state.label} ${counter} ${seconds(state.elapsedMs)}`,
    ...(state.detail ? [state.detail.split('\n')[0]] : []),
  ].join(' · ');
  const width = Math.max(10, columns - 1);
  return [...text].length > width ? [...text].slice(0, width - 1).join('') + '…' : text;
}

/**
 * A progress counter. Without a status line (not a terminal, --quiet, --json) it draws nothing; the
 * messages still go to `message`, which applies --quiet and --json itself.
 */
export function progress(
  label: string,
  total: number | undefined,
  opts: { status?: StatusLine; message: (line: string) => void; now?: () => number },
): Progress {
  const now = opts.now ?? Date.now;
  const started = now();
  const state: ProgressState = { label, count: 0, total, elapsedMs: 0, frame: 0 };
  let timer: NodeJS.Timeout | undefined;
  let finished = false;

  const draw = () => {
    state.elapsedMs = now() - started;
    opts.status?.draw(formatProgress(state, opts.status.columns));
  };
  const tick = (detail?: string) => {
    if (finished) return;
    state.count += 1;
    state.detail = detail;
    if (!opts.status) return;
    draw();
    // The spinner keeps turning during one long unit (an index build), so a hung run looks hung.
    timer ??= setInterval(() => {
      state.frame += 1;
      draw();
    }, FRAME_MS).unref();
  };
  return {
    tick,
    log: (line) => {
      opts.message(line);
      tick(line);
    },
    done: () => {
      if (finished) return;
      finished = true;
      if (timer) clearInterval(timer);
      opts.status?.clear();
    },
  };
}
