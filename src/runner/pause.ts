/**
 * Test-only: `ORMDIFF_TEST_PAUSE_AT=<step>` makes the process stop at that named step, print
 * `ormdiff-test: paused at <step>` on stderr, and wait there until it is signalled, so the fault
 * tests (test/faults) can interrupt a run at an exact moment. Unset, each call is a no-op.
 *
 * Steps: `scratch:before-create`, `scratch:creating` (CREATE DATABASE sent, not yet answered),
 * `scratch:created`, `upgrade:validated` (input checked; the lock not taken, no version table made),
 * `upgrade:locked` (migration lock held, no migration started).
 */
export async function pauseAt(step: string): Promise<void> {
  if (process.env.ORMDIFF_TEST_PAUSE_AT !== step) return;
  process.stderr.write(`ormdiff-test: paused at ${step}\n`);
  // The interval keeps the event loop, and so the process, alive until a signal ends it.
  await new Promise<never>(() => setInterval(() => undefined, 60_000));
}
