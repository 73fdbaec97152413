// parallel-safe: counter values, and rates checked against the snapshot's own elapsed time
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { CustomMetricsSource } from '../../src/monitor/sources/custom.js';
import { isRuneBenchError } from '../../src/core/errors.js';
import { sleep } from './helpers.js';

// The custom metrics of this file, declared as a user declares their own (MetricRegistry).
declare module '../../src/core/metric-names.js' {
  interface MetricRegistry {
    'app.objects.hashed': '{count}';
    'app.objects.hashed.rate': '{count}/s';
    'app.bytes': 'By';
    'app.bytes.rate': 'By/s';
    'app.queue.length': '{count}';
  }
}

void test('counters report totals and per-second rates; gauges their value once set', async () => {
  const custom = new CustomMetricsSource();
  const hashed = custom.counter('app.objects.hashed', { description: 'Objects hashed' });
  const bytes = custom.counter('app.bytes', { unit: 'By' });
  const queue = custom.gauge('app.queue.length', { unit: '{count}' });
  const m = new PerformanceMonitor({ sources: [custom] });
  await m.start();
  const empty = await m.sample();
  assert.equal(empty.has('app.queue.length'), false);
  assert.equal(empty.get('app.objects.hashed'), 0);
  for (let i = 0; i < 500; i++) hashed.add();
  bytes.add(4096);
  queue.set(7);
  await sleep(100);
  const s = await m.sample();
  await m.stop();
  assert.equal(s.get('app.objects.hashed'), 500);
  assert.equal(hashed.value, 500);
  const seconds = s.monotonic - empty.monotonic;
  assert.ok(Math.abs(s.get('app.objects.hashed.rate')! - 500 / seconds) < 1e-6);
  assert.ok(Math.abs(s.get('app.bytes.rate')! - 4096 / seconds) < 1e-6);
  assert.equal(s.get('app.queue.length'), 7);
  assert.equal(s.descriptors['app.bytes.rate']?.unit, 'By/s');
  assert.equal(s.descriptors['app.objects.hashed.rate']?.kind, 'rate');
  assert.equal(s.descriptors['app.queue.length']?.unit, '{count}');
});

void test('names are validated; re-declaring returns the same handle; kinds cannot clash', () => {
  const custom = new CustomMetricsSource({ id: 'mine' });
  assert.equal(custom.id, 'mine');
  const c = custom.counter('x');
  assert.equal(custom.counter('x'), c);
  assert.throws(() => custom.gauge('x'), (e: unknown) => isRuneBenchError(e, 'ERR_DUPLICATE'));
  assert.throws(() => custom.counter('x.rate'), (e: unknown) => isRuneBenchError(e, 'ERR_DUPLICATE'));
  assert.throws(() => custom.counter('bad name'), TypeError);
  assert.throws(() => custom.counter('y', { unit: '1' as never }), TypeError);
  assert.throws(() => {
    c.add(-1);
  }, RangeError);
  assert.throws(() => {
    c.add(Number.NaN);
  }, RangeError);
});
