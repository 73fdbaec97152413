import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { isRuneBenchError } from '../../src/core/errors.js';
import type { MetricSource } from '../../src/core/source.js';

const source = (id: string): MetricSource => ({ id, describe: () => [], collect: () => ({}) });

void test('invalid options throw TypeError or RangeError naming the option', () => {
  const cases: [unknown, ErrorConstructor, RegExp][] = [
    [{ interval: 0 }, RangeError, /interval/],
    [{ interval: Number.NaN }, RangeError, /interval/],
    [{ interval: '100' }, TypeError, /interval/],
    [{ historySize: 0 }, RangeError, /historySize/],
    [{ historySize: 2.5 }, RangeError, /historySize/],
    [{ historySize: '10' }, TypeError, /historySize/],
    [{ sourceTimeout: 0 }, RangeError, /sourceTimeout/],
    [{ sourceTimeout: 'x' }, TypeError, /sourceTimeout/],
    [{ sources: 'cpu' }, TypeError, /sources/],
    [{ sources: [{ id: 'x' }] }, TypeError, /sources/],
  ];
  for (const [options, type, message] of cases) {
    assert.throws(() => new PerformanceMonitor(options as never), (e: unknown) => e instanceof type && message.test(e.message), JSON.stringify(options));
  }
  // a duplicate id is the same typed error everywhere (addSource, registerSuite, addRule, BenchmarkSuite.add)
  assert.throws(() => new PerformanceMonitor({ sources: [source('a'), source('a')] }), (e: unknown) => isRuneBenchError(e, 'ERR_DUPLICATE') && /duplicate/.test(e.message));
});

void test('defaults: 1 s interval, 1000 snapshots, the four default sources', () => {
  const m = new PerformanceMonitor();
  assert.equal(m.interval, 1000);
  assert.equal(m.history.capacity, 1000);
  assert.deepEqual(m.sources.map((s) => s.id), ['process.cpu', 'process.memory', 'nodejs.eventloop', 'v8js.gc']);
  assert.equal(m.running, false);
  assert.equal(m.latest, undefined);
});

void test('addSource rejects duplicates with ERR_DUPLICATE; removeSource reports whether it removed', async () => {
  const m = new PerformanceMonitor({ sources: [source('a')] });
  assert.throws(() => m.addSource(source('a')), (e: unknown) => isRuneBenchError(e, 'ERR_DUPLICATE'));
  assert.throws(() => m.addSource({ id: '' } as never), TypeError);
  m.addSource({ id: 'b', describe: () => [], collect: () => ({ b: 1 }) });
  assert.equal((await m.sample()).get('b'), 1);
  assert.equal(m.removeSource('b'), true);
  assert.equal(m.removeSource('b'), false);
  assert.equal((await m.sample()).has('b'), false);
  await m.stop();
});
