// parallel-safe: type tests
// Type tests: checked by tsc (tsconfig.json includes tests/), and run as a trivial node test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectTypeOf } from 'expect-type';
import { PerformanceMonitor, type MonitorErrorEvent } from '../../src/monitor/performance-monitor.js';
import type { MetricSnapshot } from '../../src/core/snapshot.js';
import type { MetricSummary, MetricTrend } from '../../src/monitor/series-stats.js';
import type { MetricSource } from '../../src/core/source.js';
import { ChildProcessSource, type ChildExitEvent } from '../../src/monitor/sources/child-process.js';

void test('the monitor\'s events and queries are typed', () => {
  const monitor = new PerformanceMonitor({ sources: [] });
  monitor.on('sample', (s) => {
    expectTypeOf(s).toEqualTypeOf<MetricSnapshot>();
  });
  monitor.on('error', (e) => {
    expectTypeOf(e).toEqualTypeOf<MonitorErrorEvent>();
    expectTypeOf(e.error.code).toBeString();
  });
  monitor.once('start', () => undefined);
  // @ts-expect-error: an unknown event name does not compile
  monitor.on('sampel', () => undefined);
  // @ts-expect-error: a sample listener does not receive a number
  monitor.on('sample', (s: number) => s);
  expectTypeOf(monitor.latest).toEqualTypeOf<MetricSnapshot | undefined>();
  expectTypeOf(monitor.sample()).resolves.toEqualTypeOf<MetricSnapshot>();
  expectTypeOf(monitor.summary('process.cpu.utilization')).toEqualTypeOf<MetricSummary | undefined>();
  expectTypeOf(monitor.trend('process.cpu.utilization')).toEqualTypeOf<MetricTrend | undefined>();
  expectTypeOf(monitor.series('process.cpu.utilization').values).toEqualTypeOf<number[]>();
  // @ts-expect-error: a typo in a metric name does not compile
  monitor.summary('proces.cpu.utilization');
  expectTypeOf(monitor.window({ lastSamples: 3 })).toEqualTypeOf<MetricSnapshot[]>();
  expectTypeOf(monitor.window({ windowMs: 3 })).toEqualTypeOf<MetricSnapshot[]>();
  // @ts-expect-error: window takes { windowMs } or { lastSamples }
  assert.throws(() => monitor.window({ ms: 3 }), TypeError);

  const children = new ChildProcessSource();
  expectTypeOf(children).toExtend<MetricSource>();
  children.on('exit', (e) => {
    expectTypeOf(e).toEqualTypeOf<ChildExitEvent>();
  });
  assert.equal(monitor.listenerCount('sample'), 2);
  monitor.removeAllListeners();
  assert.equal(monitor.listenerCount('sample'), 0);
});
