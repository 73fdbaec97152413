import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { EventLoopSource } from '../../src/monitor/sources/event-loop.js';
import type { CollectContext } from '../../src/core/source.js';
import type { MetricValues } from '../../src/core/metric.js';
import { sleep, spin } from './helpers.js';

void test('event loop delay and utilization rise when the loop is blocked', async () => {
  const m = new PerformanceMonitor({ sources: [new EventLoopSource({ resolutionMs: 10 })] });
  await m.start();
  await sleep(200);
  const calm = await m.sample();
  await sleep(50);
  spin(250);
  await sleep(30);
  const blocked = await m.sample();
  await m.stop();
  assert.ok(blocked.get('nodejs.eventloop.delay.max')! >= 0.15, `max delay ${blocked.get('nodejs.eventloop.delay.max')}`);
  assert.ok(blocked.get('nodejs.eventloop.delay.max')! > calm.get('nodejs.eventloop.delay.max')!);
  assert.ok(blocked.get('nodejs.eventloop.utilization')! > 0.5);
  assert.ok(blocked.get('nodejs.eventloop.utilization')! > calm.get('nodejs.eventloop.utilization')!);
  assert.ok(blocked.get('nodejs.eventloop.delay.p50')! <= blocked.get('nodejs.eventloop.delay.p99')!);
  assert.throws(() => new EventLoopSource({ resolutionMs: 0 }), RangeError);
});

void test('a block still in progress when the sample is taken is not lost', async () => {
  // The histogram records a delay only on its next tick, and reset() forgets the pending one: a sample
  // taken right after a long block must still show it (it is the case that matters most).
  const m = new PerformanceMonitor({ sources: [new EventLoopSource({ resolutionMs: 10 })] });
  await m.start();
  await sleep(100);
  await m.sample();
  spin(300);
  const blocked = await m.sample();
  await sleep(100);
  const after = await m.sample();
  await m.stop();
  const max = blocked.get('nodejs.eventloop.delay.max');
  assert.ok(max !== undefined && max >= 0.2, `max delay ${String(max)} after a 300 ms block`);
  assert.ok(after.get('nodejs.eventloop.delay.max')! < max, 'the next interval does not repeat the block');
});

void test('an idle loop sampled every 500 ms at a 200 ms resolution shows no stall (every other sample read 100 ms before)', async () => {
  // Node's monitorEventLoopDelay forgets the previous tick on reset(), so the first tick after each sample
  // recorded nothing and the uncovered part of the window read as a block in progress
  const source = new EventLoopSource({ resolutionMs: 200 });
  source.start();
  const maxima: number[] = [];
  try {
    for (let i = 0; i < 8; i++) {
      await sleep(500);
      maxima.push(source.collect()['nodejs.eventloop.delay.max'] ?? 0);
    }
  } finally {
    source.stop();
  }
  // a loaded machine may delay a timer now and then; the defect made half the samples read ~100 ms
  const stalls = maxima.filter((m) => m >= 0.08).length;
  assert.ok(stalls <= 1, `samples reading a stall of 80 ms or more: ${maxima.map((m) => (m * 1000).toFixed(1)).join(' ')} ms`);
});

void test('a block between two samples is reported once, by the sample right after it', async () => {
  const source = new EventLoopSource({ resolutionMs: 200 });
  source.start();
  try {
    await sleep(450);
    source.collect();
    spin(300);
    const blocked = source.collect()['nodejs.eventloop.delay.max'] ?? 0;
    await sleep(450);
    const after = source.collect()['nodejs.eventloop.delay.max'] ?? 0;
    assert.ok(blocked >= 0.1, `a 300 ms block read ${String(blocked)} s`);
    assert.ok(after < blocked, `the next sample repeats it: ${String(after)} s`);
  } finally {
    source.stop();
  }
});

/** A collect context as the monitor gives it: `deadline` set for a sample its schedule took. */
const context = (now: number, deadline?: number): CollectContext => ({
  signal: new AbortController().signal,
  elapsed: undefined,
  now,
  ...(deadline === undefined ? {} : { deadline }),
});

void test('pauseWhenIdle: after an idle interval the delay is how late the monitor sample ran, and an on-demand sample has none', async () => {
  const source = new EventLoopSource({ resolutionMs: 10, pauseWhenIdle: true });
  source.start();
  try {
    // An idle interval stops the timer; on a busy machine an interval may read busy now and then (a
    // callback preempted for 10 ms or more), so allow a few.
    let late: MetricValues = {};
    for (let i = 0; i < 10 && late['nodejs.eventloop.delay.max'] !== 0.25; i++) {
      await sleep(60);
      late = source.collect(context(5.25, 5));
    }
    assert.equal(late['nodejs.eventloop.delay.max'], 0.25, 'the sample ran 250 ms after its deadline');
    assert.equal(late['nodejs.eventloop.delay.p50'], 0.25);
    assert.equal(late['nodejs.eventloop.delay.p99'], 0.25);
    assert.ok(late['nodejs.eventloop.utilization']! < 0.5);
    await sleep(20);
    const onDemand = source.collect(context(6));
    assert.equal(onDemand['nodejs.eventloop.delay.max'], undefined, 'no delay observation while the timer is stopped');
    assert.notEqual(onDemand['nodejs.eventloop.utilization'], undefined);
  } finally {
    source.stop();
  }
});

void test('pauseWhenIdle: a busy interval starts the timer again, so a later block between two samples is seen', async () => {
  const source = new EventLoopSource({ resolutionMs: 10, pauseWhenIdle: true });
  source.start();
  try {
    await sleep(60);
    source.collect(context(1)); // idle: the timer stops
    spin(30);
    source.collect(context(2)); // busy for 30 ms: the timer starts again
    await sleep(30);
    spin(200); // a block that no sample deadline falls into
    await sleep(30);
    const blocked = source.collect(context(3));
    assert.ok(blocked['nodejs.eventloop.delay.max']! >= 0.15, `a 200 ms block read ${String(blocked['nodejs.eventloop.delay.max'])} s`);
  } finally {
    source.stop();
  }
});

void test('the default monitor at 100 ms, idle and then blocked for 300 ms, reports the block', async () => {
  const m = new PerformanceMonitor({ intervalMs: 100 });
  await m.start();
  await sleep(400); // idle samples: the event loop source's timer stops
  const before = m.history.size;
  spin(300);
  await sleep(250);
  await m.stop();
  const after = m.history.toArray().slice(before);
  const max = Math.max(...after.map((s) => s.get('nodejs.eventloop.delay.max') ?? 0));
  assert.ok(max >= 0.15, `largest delay after a 300 ms block: ${max} s`);
  assert.ok(after.every((s) => s.has('nodejs.eventloop.delay.p50')), 'every scheduled sample has the delay');
});
