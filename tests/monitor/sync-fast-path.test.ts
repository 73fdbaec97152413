import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { EventLoopSource } from '../../src/monitor/sources/event-loop.js';
import type { MetricSource } from '../../src/core/source.js';
import { ManualClock } from '../../src/testing/manual-clock.js';
import { sleep, spin } from './helpers.js';

// The metric of this file's test source, declared as a user declares their own (MetricRegistry).
declare module '../../src/core/metric-names.js' {
  interface MetricRegistry {
    sync: '1';
  }
}

const syncSource: MetricSource = { id: 'sync', describe: () => [], collect: () => ({ sync: 1 }) };

void test('timer samples with only synchronous sources stay on their absolute deadlines, one timer re-armed in place', async () => {
  const clock = new ManualClock(500);
  const m = new PerformanceMonitor({ intervalMs: 100, sources: [syncSource], clock });
  const armed = new Set<unknown>();
  const setTimeoutOf = clock.setTimeout.bind(clock);
  clock.setTimeout = (callback, delayMs) => {
    const timer = setTimeoutOf(callback, delayMs);
    armed.add(timer);
    return timer;
  };
  await m.start();
  await clock.advance(2_560);
  await m.stop();
  const times = m.history.toArray().map((s) => Math.round(s.monotonic * 1e6) / 1e3);
  assert.deepEqual(times, Array.from({ length: 25 }, (_, k) => 500 + (k + 1) * 100));
  assert.equal(armed.size, 1, 'on time, the one timer is refreshed rather than a new one created per sample');
  assert.ok(m.history.toArray().every((s) => s.get('sync') === 1));
});

void test('manual samples of synchronous sources still resolve asynchronously and in order', async () => {
  const m = new PerformanceMonitor({ sources: [syncSource] });
  const seen: number[] = [];
  m.on('sample', (s) => seen.push(s.monotonic));
  const p = m.sample();
  assert.equal(seen.length, 0, 'the sample event comes after sample() returns');
  const [a, b] = await Promise.all([p, m.sample()]);
  assert.ok(b.monotonic > a.monotonic);
  assert.deepEqual(seen, [a.monotonic, b.monotonic]);
  await m.stop();
});

void test('with one or two histogram ticks per sample the delay percentiles stay ordered and see a block', async () => {
  // resolution 40 ms with samples ~100 ms apart: the O(1) min/max paths (count 1 or 2) are taken.
  const m = new PerformanceMonitor({ sources: [new EventLoopSource({ resolutionMs: 40 })] });
  await m.start();
  await sleep(100);
  await m.sample();
  await sleep(100);
  const calm = await m.sample();
  await sleep(10);
  spin(120);
  await sleep(5);
  const blocked = await m.sample();
  await m.stop();
  for (const s of [calm, blocked]) {
    const p50 = s.get('nodejs.eventloop.delay.p50');
    const p99 = s.get('nodejs.eventloop.delay.p99');
    const max = s.get('nodejs.eventloop.delay.max');
    assert.ok(p50 !== undefined && p99 !== undefined && max !== undefined, 'all three delay metrics are present');
    assert.ok(p50 >= 0 && p50 <= p99 && p99 <= max, `p50 ${p50} p99 ${p99} max ${max}`);
  }
  assert.ok(blocked.get('nodejs.eventloop.delay.max')! >= 0.06, `max delay ${blocked.get('nodejs.eventloop.delay.max')} after a 120 ms block`);
  assert.ok(blocked.get('nodejs.eventloop.delay.max')! > calm.get('nodejs.eventloop.delay.max')!);
});
