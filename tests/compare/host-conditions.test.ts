// parallel-safe: synthetic readings; the one real reading is only checked to have a core
// Host conditions from synthetic readings: /proc/stat parsing, the window's shares, and when two windows'
// conditions explain a change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combineHostConditions, explainByConditions, hostConditionsBetween, readHostReading } from '../../src/entry/compare.js';
import type { HostConditions, HostReading } from '../../src/entry/compare.js';
import { parseCpuinfoMhz, parseProcStat } from '../../src/bench/host-conditions.js';
import { ManualClock } from '../../src/testing/manual-clock.js';

const quiet: HostConditions = { seconds: 10, cores: 2, loadPerCoreStart: 0.3, loadPerCoreDuring: 0.3, otherCpuShare: 0.05, stealShare: 0, frequencyHz: 3e9 };

void test('parseProcStat reads the aggregate cpu line in seconds (USER_HZ 100)', () => {
  const text = 'cpu  100 20 30 400 50 5 5 10 0 0\ncpu0 50 10 15 200 25 2 3 5 0 0\nintr 1\n';
  assert.deepEqual(parseProcStat(text), { busySeconds: 1.6, stealSeconds: 0.1, totalSeconds: 6.2 });
  assert.equal(parseProcStat('intr 1\n'), undefined);
  assert.equal(parseProcStat('cpu  a b c d\n'), undefined);
});

void test('parseCpuinfoMhz averages the cpu MHz lines, in hertz', () => {
  assert.equal(parseCpuinfoMhz('processor\t: 0\ncpu MHz\t\t: 2000.000\nprocessor\t: 1\ncpu MHz\t\t: 3000.000\n'), 2.5e9);
  assert.equal(parseCpuinfoMhz('processor\t: 0\n'), undefined);
});

void test("hostConditionsBetween: other processes' share is the machine's busy time minus the measured tree's", () => {
  const start: HostReading = { atMs: 0, cores: 2, loadAverage: 0.6, cpuTimes: { busySeconds: 100, stealSeconds: 1, totalSeconds: 1000 }, frequencyHz: 2e9 };
  const mid: HostReading = { atMs: 5000, cores: 2, loadAverage: 2.2, frequencyHz: 3e9 };
  const end: HostReading = { atMs: 10_000, cores: 2, loadAverage: 3.8, cpuTimes: { busySeconds: 116, stealSeconds: 2, totalSeconds: 1020 }, frequencyHz: 2.5e9 };
  const c = hostConditionsBetween(start, [mid, end], 6);
  assert.equal(c.seconds, 10);
  assert.equal(c.loadPerCoreStart, 0.3);
  assert.equal(c.loadPerCoreDuring, 1.5);
  assert.equal(c.otherCpuShare, 0.5); // (16 busy - 6 own) / 20
  assert.equal(c.stealShare, 0.05);
  assert.equal(c.frequencyHz, 2.5e9);
  const noStat = hostConditionsBetween({ atMs: 0, cores: 4, loadAverage: 1 }, [{ atMs: 1000, cores: 4, loadAverage: 1 }], 0);
  assert.equal(noStat.otherCpuShare, undefined);
  assert.equal(noStat.stealShare, undefined);
  assert.throws(() => hostConditionsBetween(start, [], 0), /later must hold at least one reading/);
  assert.throws(() => hostConditionsBetween(start, [end], -1), /ownCpuSeconds/);
});

void test('readHostReading takes its time from the clock it is given', async () => {
  const clock = new ManualClock();
  await clock.advance(1234);
  const reading = readHostReading(clock);
  assert.equal(reading.atMs, clock.now());
  assert.ok(reading.cores >= 1);
});

void test('explainByConditions names a load change in words, and is silent when the conditions are alike', () => {
  const busy: HostConditions = { ...quiet, loadPerCoreStart: 1.9, loadPerCoreDuring: 1.9, otherCpuShare: 0.6 };
  const explained = explainByConditions(quiet, busy);
  assert.equal(explained.explains, true);
  assert.deepEqual(explained.differences.map((d) => d.what), ['load per core', 'CPU taken by other processes']);
  assert.match(explained.reason, /load per core 0\.30 during the baseline, 1\.90 now/);
  assert.match(explained.reason, /CPU taken by other processes 5% during the baseline, 60% now/);
  const alike = explainByConditions(quiet, { ...quiet, loadPerCoreDuring: 0.5, otherCpuShare: 0.1 });
  assert.equal(alike.explains, false);
  assert.deepEqual(alike.differences, []);
});

void test('explainByConditions: a load change bounds the change it explains by the CPU share, unless one side was oversubscribed', () => {
  // 1.5 runnable per core now: the benchmark gets about two thirds of a core, so up to 1.5x
  const shared = explainByConditions({ ...quiet, runnablePerCore: 0.5 }, { ...quiet, runnablePerCore: 1.5 });
  assert.equal(shared.factor, 1.5);
  // 4.5 runnable per core (8 spinners on 2 cores): a preempted sample takes a whole time slice longer, so no bound
  const oversubscribed = explainByConditions({ ...quiet, runnablePerCore: 0.5 }, { ...quiet, runnablePerCore: 4.5 });
  assert.equal(oversubscribed.factor, Infinity);
  assert.equal(explainByConditions({ ...quiet, loadPerCoreStart: 2.4, loadPerCoreDuring: 2.4 }, quiet).factor, Infinity);
  // alike conditions explain nothing, however busy
  assert.equal(explainByConditions({ ...quiet, runnablePerCore: 4.5 }, { ...quiet, runnablePerCore: 4.6 }).factor, 1);
});

void test('explainByConditions: an oversubscribed side lifts the bound in its direction only; the other keeps the CPU-share ratio', () => {
  const busierNow = explainByConditions({ ...quiet, runnablePerCore: 0.5 }, { ...quiet, runnablePerCore: 1.5 });
  assert.deepEqual([busierNow.slowdown, busierNow.speedup], [1.5, 1.5]);
  // the baseline met the oversubscribed CPU: any speed-up explained, a slowdown only within the share ratio
  const quieterNow = explainByConditions({ ...quiet, runnablePerCore: 4.3 }, { ...quiet, runnablePerCore: 3.0 });
  assert.equal(quieterNow.speedup, Infinity);
  assert.ok(Math.abs(quieterNow.slowdown - 4.3 / 3.0) < 1e-12, `${quieterNow.slowdown}`);
  assert.equal(quieterNow.factor, Infinity);
  const oversubscribedNow = explainByConditions({ ...quiet, runnablePerCore: 0.5 }, { ...quiet, runnablePerCore: 4.5 });
  assert.deepEqual([oversubscribedNow.slowdown, oversubscribedNow.speedup], [Infinity, 4.5]);
});

void test('explainByConditions: steal and frequency, thresholds, and fields only one side has', () => {
  const r = explainByConditions(quiet, { ...quiet, stealShare: 0.1, frequencyHz: 2.4e9 });
  assert.deepEqual(r.differences.map((d) => d.what), ['CPU steal', 'CPU frequency']);
  assert.match(r.reason, /CPU frequency 3\.00 GHz during the baseline, 2\.40 GHz now/);
  assert.equal(explainByConditions(quiet, { ...quiet, stealShare: 0.1 }, { stealShare: 0.2 }).explains, false);
  const bare: HostConditions = { seconds: 10, cores: 2, loadPerCoreStart: 0.3, loadPerCoreDuring: 0.3 };
  assert.equal(explainByConditions(bare, { ...quiet, otherCpuShare: 0.9, stealShare: 0.5, frequencyHz: 1e9 }).explains, false);
  assert.throws(() => explainByConditions(quiet, quiet, { loadPerCore: -1 }), /loadPerCore option must be at least 0/);
  assert.throws(() => explainByConditions(quiet, quiet, { loadPerCor: 1 } as never), /loadPerCor is not a known explainByConditions option \(did you mean loadPerCore\?\)/);
});

void test('combineHostConditions averages the windows and sums their time', () => {
  const c = combineHostConditions([quiet, { ...quiet, loadPerCoreDuring: 1.3, otherCpuShare: 0.25 }]);
  assert.equal(c.seconds, 20);
  assert.equal(c.loadPerCoreDuring, 0.8);
  assert.equal(c.otherCpuShare, 0.15);
  const noShare: HostConditions = { seconds: 10, cores: 2, loadPerCoreStart: 0.3, loadPerCoreDuring: 0.3 };
  assert.equal(combineHostConditions([quiet, noShare]).otherCpuShare, undefined);
  assert.throws(() => combineHostConditions([]), /at least one/);
});
