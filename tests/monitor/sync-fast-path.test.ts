import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { EventLoopSource } from '../../src/monitor/sources/event-loop.js';
import type { MetricSource } from '../../src/core/source.js';
import { sleep, spin } from './helpers.js';

const syncSource: MetricSource = { id: 'sync', describe: () => [], collect: () => ({ sync: 1 }) };

void test('timer samples with only synchronous sources stay on their absolute deadlines', async () => {
  // The timer is re-armed with refresh() while a sample is less than 2 ms late: lateness must never build up.
  const m = new PerformanceMonitor({ intervalMs: 100, sources: [syncSource] });
  // Deadlines are start + (k + 1) x interval: measure against them, not against the first sample, which a
  // loaded machine may itself have delayed (then every on-time sample after it would look early).
  const started = performance.now() / 1000;
  await m.start();
  await sleep(2560);
  await m.stop();
  const times = m.history.toArray().map((s) => s.monotonic);
  assert.ok(times.length >= 24 && times.length <= 26, `took ${times.length} samples`);
  const offsets = times.map((t, k) => (t - started - (k + 1) * 0.1) * 1000);
  for (const [k, off] of offsets.entries()) assert.ok(off > -3, `sample ${k} is ${off.toFixed(2)} ms before its deadline`);
  // A plain re-armed timer drifts ~0.5 ms per sample (12 ms here); the median of the last five is robust to a
  // sample delayed by a loaded machine.
  const last = offsets.slice(-5).sort((a, b) => a - b)[2]!;
  assert.ok(last < 5, `the last samples are ${last.toFixed(2)} ms behind their deadlines: ${offsets.map((o) => o.toFixed(1)).join(' ')}`);
  assert.ok(m.history.toArray().every((s) => s.get('sync') === 1));
});

void test('a manual sample in flight makes the timer wait: a mix of sync and async sources never overlaps', async () => {
  let active = 0;
  let maxActive = 0;
  const slow: MetricSource = {
    id: 'slow',
    describe: () => [],
    async collect() {
      active++;
      maxActive = Math.max(maxActive, active);
      await sleep(35);
      active--;
      return { slow: 1 };
    },
  };
  const m = new PerformanceMonitor({ intervalMs: 25, sources: [syncSource, slow], sourceTimeoutMs: 1000 });
  await m.start();
  const manual = [m.sample(), m.sample(), m.sample()];
  await sleep(300);
  await Promise.all(manual);
  await m.stop();
  assert.equal(maxActive, 1);
  assert.ok(m.history.size >= 5, `took ${m.history.size} samples`);
  assert.ok(m.history.toArray().every((s) => s.get('slow') === 1 && s.get('sync') === 1));
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
