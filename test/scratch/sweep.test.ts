/** Pure: the name a scratch database carries, and which ones a sweep takes for left over. */
import { currentOwner, hostTag, ownerOf, scratchName } from '../../src/scratch/marker';
import { FOREIGN_MAX_AGE_MS, isStale, type Vantage } from '../../src/scratch/sweep';

const HERE = hostTag('build-box');
const NOW = Date.UTC(2026, 10, 30, 8, 0, 0);
const here: Vantage = { host: HERE, now: NOW, alive: (pid) => pid === 4242 };

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

test('another host: only once older than any run could take', () => {
  const other = hostTag('ci-runner-7');
  expect(isStale(scratchName({ host: other, pid: 4242, startedAt: NOW - FOREIGN_MAX_AGE_MS - 1000 }), here, false)).toBe(true);
  expect(isStale(scratchName({ host: other, pid: 999, startedAt: NOW - 60_000 }), here, false)).toBe(false);
});

test('no owner in the name: left over only on a server this process has to itself', () => {
  expect(isStale('ormdiff_scratch_0123456789ab', here, false)).toBe(false);
  expect(isStale('ormdiff_scratch_0123456789ab', here, true)).toBe(true);
});
