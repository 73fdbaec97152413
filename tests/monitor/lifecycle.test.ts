// parallel-safe: runs on a manual clock
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import type { MetricSource } from '../../src/core/source.js';
import { ManualClock } from '../../src/testing/manual-clock.js';

// The metric of this file's late-added source, declared as a user declares their own (MetricRegistry).
declare module '../../src/core/metric-names.js' {
  interface MetricRegistry {
    late: '1';
  }
}

void test('sources are started once before collecting, stopped by stop(), and restarted by a new start()', async () => {
  const clock = new ManualClock();
  const calls: string[] = [];
  const tracked: MetricSource = {
    id: 'tracked',
    describe: () => [],
    start: async () => {
      await Promise.resolve();
      calls.push('start');
    },
    stop: () => {
      calls.push('stop');
    },
    collect: () => {
      calls.push('collect');
      return { tracked: 1 };
    },
  };
  const m = new PerformanceMonitor({ intervalMs: 20, sources: [tracked], clock });
  const events: string[] = [];
  m.on('start', () => events.push('start'));
  m.on('stop', () => events.push('stop'));
  await m.start();
  await m.start(); // no-op while running
  await clock.advance(70);
  await m.stop();
  assert.equal(m.history.size, 3);
  await clock.advance(60);
  assert.equal(m.history.size, 3, 'nothing is sampled while stopped');
  await m.start();
  await clock.advance(70);
  await m.stop();
  assert.equal(m.history.size, 6);
  assert.deepEqual(events, ['start', 'stop', 'start', 'stop']);
  assert.deepEqual(calls, ['start', 'collect', 'collect', 'collect', 'stop', 'start', 'collect', 'collect', 'collect', 'stop']);
});

void test('a source added while running is sampled from the next tick on', async () => {
  const clock = new ManualClock();
  const m = new PerformanceMonitor({ intervalMs: 20, sources: [], clock });
  await m.start();
  await clock.advance(50);
  m.addSource({ id: 'late', describe: () => [{ name: 'late', unit: '1', kind: 'gauge', description: 'added late' }], collect: () => ({ late: 0.5 }) });
  await clock.advance(30);
  await m.stop();
  const all = m.history.toArray();
  assert.deepEqual(all.map((s) => s.get('late')), [undefined, undefined, 0.5, 0.5]);
  assert.equal(all.at(-1)!.descriptors.late?.description, 'added late');
});

void test('stop() followed at once by start() does not leave two sampling chains', async () => {
  const clock = new ManualClock();
  let collecting: (() => void) | undefined;
  const slow: MetricSource = {
    id: 'slow',
    describe: () => [],
    collect: () => {
      collecting?.();
      return new Promise((resolve) => clock.setTimeout(() => { resolve({ slow: 1 }); }, 15));
    },
  };
  const m = new PerformanceMonitor({ intervalMs: 40, sources: [slow], clock });
  await m.start();
  // Let a scheduled collection get in flight, then stop and start again without waiting.
  const inFlight = new Promise<void>((resolve) => (collecting = resolve));
  await clock.advance(45);
  await inFlight;
  collecting = undefined;
  const stopping = m.stop();
  await m.start();
  await clock.advance(10);
  await stopping;
  const from = m.history.size;
  const restartedAt = clock.now();
  await clock.advance(600);
  const stoppingAgain = m.stop();
  await clock.advance(100);
  await stoppingAgain;
  // One chain: one sample per 40 ms after the restart, not two.
  const taken = m.history.toArray().slice(from).map((s) => Math.round(s.monotonic * 1e3 - restartedAt));
  assert.equal(taken.length, 15, `samples at ${taken.join(' ')} ms after the restart`);
  for (let i = 1; i < taken.length; i++) assert.equal(taken[i]! - taken[i - 1]!, 40);
});
