import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { EventLoopSource } from '../../src/monitor/sources/event-loop.js';
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
