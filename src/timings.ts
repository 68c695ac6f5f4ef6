/**
 * Where a run's time goes, stage by stage (load, entities, connect, introspect, normalize, diff,
 * render), for `ORMDIFF_TIMINGS=1` (one JSON line on stderr at exit, see bin/ormdiff.js) and the bench.
 * Recording costs a clock read per stage, so it is always on.
 */
const stages = new Map<string, number>();

/** Runs `fn`, adding its wall time to `stage`. */
export async function timed<T>(stage: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    stages.set(stage, (stages.get(stage) ?? 0) + performance.now() - start);
  }
}

/** Milliseconds per stage, in the order the stages first ran. */
export function stageTimes(): Record<string, number> {
  return Object.fromEntries([...stages].map(([stage, ms]) => [stage, Math.round(ms * 10) / 10]));
}

const notes = new Map<string, string>();

/** Records a fact about the run beside the stage times (whether the model came from the cache). */
export function noteRun(key: string, value: string): void {
  notes.set(key, value);
}

export function runNotes(): Record<string, string> {
  return Object.fromEntries(notes);
}
