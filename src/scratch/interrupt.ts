/**
 * Clean-up that must happen even when the user presses Ctrl-C: a scratch database left behind would
 * pile up on the user's server, an embedded server left running would hold its port and data dir.
 *
 * While at least one action is registered, SIGINT and SIGTERM run the registered actions (newest
 * first, each at most once) and then end the process with 128 + the signal number, as a shell
 * would report it (130, 143). Outside those moments the signals keep Node's default behaviour.
 */
type Action = () => Promise<void>;

const SIGNALS = { SIGINT: 2, SIGTERM: 15 } as const;
type Signal = keyof typeof SIGNALS;

const actions: Action[] = [];
let cleaningUp = false;

/** Runs once however often it is called: the normal path and a signal may both ask for it. */
export function once(action: Action): Action {
  let running: Promise<void> | undefined;
  return () => (running ??= action());
}

async function onSignal(signal: Signal): Promise<void> {
  const code = 128 + SIGNALS[signal];
  // A second Ctrl-C while cleaning up means the user does not want to wait.
  if (cleaningUp) process.exit(code);
  cleaningUp = true;
  for (const action of [...actions].reverse()) await action().catch(() => undefined);
  process.exit(code);
}

const handlers = Object.fromEntries(
  Object.keys(SIGNALS).map((signal) => [signal, () => void onSignal(signal as Signal)]),
) as Record<Signal, () => void>;

/** Registers `action` to run on SIGINT/SIGTERM until the returned function is called. */
export function onInterrupt(action: Action): () => void {
  if (actions.length === 0) for (const signal of Object.keys(handlers) as Signal[]) process.on(signal, handlers[signal]);
  actions.push(action);
  return () => {
    const at = actions.indexOf(action);
    if (at >= 0) actions.splice(at, 1);
    if (actions.length === 0 && !cleaningUp) {
      for (const signal of Object.keys(handlers) as Signal[]) process.removeListener(signal, handlers[signal]);
    }
  };
}

/**
 * Runs `fn` with `cleanup` guaranteed afterwards: on success, on failure, and on SIGINT/SIGTERM
 * (then the process ends with 130/143 once the clean-up is done). When both fail, `fn`'s error is
 * the one thrown: it is the cause, the failed clean-up a consequence.
 */
export async function withCleanup<T>(cleanup: Action, fn: () => Promise<T>): Promise<T> {
  const run = once(cleanup);
  const unregister = onInterrupt(run);
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    await run().catch(() => undefined);
    unregister();
    throw error;
  }
  try {
    await run();
  } finally {
    unregister();
  }
  return result;
}
