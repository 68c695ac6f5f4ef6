/** Pure: the name a scratch database carries, and which ones a sweep takes for left over. */
import { currentOwner, hostTag, ownerOf, scratchName } from '../../src/scratch/marker';
import { FOREIGN_MAX_AGE_MS, isStale, processStartedAt, START_SLACK_MS, type Vantage } from '../../src/scratch/sweep';

const HERE = hostTag('build-box');
const NOW = Date.UTC(2026, 10, 30, 8, 0, 0);
/** pid 4242 has run for eleven days; pid 5151 started an hour ago. */
const STARTED: Record<number, number> = { 4242: NOW - 11 * FOREIGN_MAX_AGE_MS, 5151: NOW - 3_600_000 };
const here: Vantage = { host: HERE, now: NOW, alive: (pid) => pid in STARTED, startedAt: (pid) => STARTED[pid] };

test('the name round-trips its owner, fits in a Postgres identifier, and is one plain lower-case word', () => {
  const owner = { host: HERE, pid: 4194304, startedAt: NOW };
  const name = scratchName(owner, 'a1b2c3');
  expect(name).toMatch(/^ormdiff_scratch_[0-9a-f]{8}_[0-9a-z]+_[0-9a-z]+_a1b2c3$/);
  expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
  expect(ownerOf(name)).toEqual(owner);
  const mine = currentOwner();
  expect(ownerOf(scratchName(mine))).toEqual({ ...mine, startedAt: Math.floor(mine.startedAt / 1000) * 1000 });
});

test('a name without an owner (an older ormdiff, or by hand) has none', () => {
  expect(ownerOf('ormdiff_scratch_0123456789ab')).toBeUndefined();
  expect(ownerOf('ormdiff_scratch_zz_1_1_ab')).toBeUndefined();
});

test('stale: a process of this host that is gone; never a live one, whatever its age', () => {
  const old = NOW - 10 * FOREIGN_MAX_AGE_MS;
  expect(isStale(scratchName({ host: HERE, pid: 999, startedAt: NOW }), here, false)).toBe(true);
  expect(isStale(scratchName({ host: HERE, pid: 4242, startedAt: old }), here, false)).toBe(false);
});

test('stale: a live pid whose process started after the database was made (the pid was reused)', () => {
  expect(isStale(scratchName({ host: HERE, pid: 5151, startedAt: NOW - 2 * 3_600_000 }), here, false)).toBe(true);
  // Its own database, and one made as it started (the name keeps whole seconds; the clock may have been stepped).
  expect(isStale(scratchName({ host: HERE, pid: 5151, startedAt: NOW - 60_000 }), here, false)).toBe(false);
  expect(isStale(scratchName({ host: HERE, pid: 5151, startedAt: NOW - 3_600_000 - START_SLACK_MS + 1000 }), here, false)).toBe(false);
  // Where the OS does not tell when a process started, the pid alone decides.
  const blind: Vantage = { ...here, startedAt: () => undefined };
  expect(isStale(scratchName({ host: HERE, pid: 5151, startedAt: NOW - 2 * 3_600_000 }), blind, false)).toBe(false);
});

test('a process start time read from the OS: this process began before now and after the machine booted', () => {
  const began = processStartedAt(process.pid);
  if (process.platform !== 'linux') return expect(began).toBeUndefined();
  expect(began).toBeLessThanOrEqual(Date.now());
  expect(began).toBeGreaterThan(Date.now() - process.uptime() * 1000 - START_SLACK_MS);
  expect(processStartedAt(2 ** 22 + 1)).toBeUndefined();
});

test('another host: only once older than any run could take', () => {
  const other = hostTag('ci-runner-7');
  expect(isStale(scratchName({ host: other, pid: 4242, startedAt: NOW - FOREIGN_MAX_AGE_MS - 1000 }), here, false)).toBe(true);
  expect(isStale(scratchName({ host: other, pid: 999, startedAt: NOW - 60_000 }), here, false)).toBe(false);
});

test('no owner in the name: left over only on a server this process has to itself', () => {
  expect(isStale('ormdiff_scratch_0123456789ab', here, false)).toBe(false);
  expect(isStale('ormdiff_scratch_0123456789ab', here, true)).toBe(true);
});
