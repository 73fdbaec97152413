// parallel-safe: runs on a manual clock
// The scheduler re-arms kept timers (one per whole-millisecond delay) instead of creating a timer per late
// tick, and still keeps every deadline exactly (manual clock).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import type { Clock } from '../../src/core/clock.js';
import type { MetricSource } from '../../src/core/source.js';
import { ManualClock } from '../../src/testing/manual-clock.js';

// The metric of this file's test source, declared as a user declares their own (MetricRegistry).
declare module '../../src/core/metric-names.js' {
  interface MetricRegistry {
    slow: '1';
  }
}

/** An async source that answers `ms` later on `clock`. */
const slowSource = (clock: Clock, ms: number): MetricSource => ({
  id: 'slow',
  describe: () => [],
  collect: () =>
    new Promise((resolve) => {
      clock.setTimeout(() => {
        resolve({ slow: 1 });
      }, ms);
    }),
});

void test('every tick runs 30 ms late after its collection: two kept timers serve all deadlines, each exact', async () => {
  const clock = new ManualClock(1_000);
  const m = new PerformanceMonitor({ intervalMs: 50, sources: [slowSource(clock, 30)], sourceTimeoutMs: 1_000, clock });
  const created: number[] = [];
  const setTimeoutOf = clock.setTimeout.bind(clock);
  // Timers created on the clock, less the source's own (30 ms) and the source timeout's (1000 ms).
  clock.setTimeout = (callback, delayMs) => {
    if (delayMs !== 30 && delayMs !== 1_000) created.push(delayMs);
    return setTimeoutOf(callback, delayMs);
  };
  const times: number[] = [];
  m.on('sample', (s) => times.push(Math.round(s.monotonic * 1e3)));
  await m.start();
  await clock.advance(1_020);
  const stopping = m.stop();
  await clock.advance(100);
  await stopping;
  // Each collection starts on its deadline (1050, 1100, ...) and ends 30 ms later, so the next timer is armed
  // 20 ms before its deadline: the first timer (50 ms) and one of 20 ms, re-armed for all later deadlines.
  assert.deepEqual(times, Array.from({ length: 20 }, (_, k) => 1_050 + k * 50));
  assert.deepEqual(created, [50, 20]);
});
