// parallel-safe: type tests
// Pins the public type surface as a user imports it from the package entry point. Checked by
// `npm run typecheck` (tsc over tests/); the runtime test below only confirms the entry loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectTypeOf } from 'expect-type';
import { BenchmarkSuite, BottleneckDetector, PerformanceMonitor, RegressionDetector, RuneBenchError, Severity, getFormatter, getSuite, type BottleneckEvent, type BottleneckFinding, type Formatter, type MetricSnapshot, type MetricSource, type MetricValues, type RegressionEvent, type RuneBenchErrorCode, type RunMonitorHistory, type RunMonitorPoint, type SuiteDefinition, type SuiteResult, type TaskResult } from '../src/index.js';

function typeChecks(): void {
  const monitor = new PerformanceMonitor();
  monitor.on('sample', (s) => {
    expectTypeOf(s).toEqualTypeOf<MetricSnapshot>();
  });
  // @ts-expect-error an unknown event name does not compile
  monitor.on('sampled', () => undefined);

  const suite = new BenchmarkSuite('s');
  expectTypeOf(suite.run()).toEqualTypeOf<Promise<SuiteResult>>();
  suite.on('task:complete', (t) => {
    expectTypeOf(t).toEqualTypeOf<TaskResult>();
  });
  // @ts-expect-error an unknown event name does not compile
  suite.on('task:done', () => undefined);

  const bottlenecks = new BottleneckDetector();
  bottlenecks.on('bottleneck', (e) => {
    expectTypeOf(e).toEqualTypeOf<BottleneckEvent>();
  });
  // @ts-expect-error an unknown event name does not compile
  bottlenecks.on('finding', () => undefined);

  const regressions = new RegressionDetector();
  regressions.on('regression', (e) => {
    expectTypeOf(e).toEqualTypeOf<RegressionEvent>();
  });

  expectTypeOf<Severity>().toEqualTypeOf<'low' | 'medium' | 'high' | 'critical'>();
  expectTypeOf<BottleneckFinding['severity']>().toEqualTypeOf<Severity>();
  expectTypeOf(getSuite('comprehensive')).toEqualTypeOf<SuiteDefinition>();
  expectTypeOf<SuiteDefinition['run']>().returns.toEqualTypeOf<Promise<SuiteResult>>();
  // a monitored run's history is plain JSON-ready data on the result, values keyed by metric name
  expectTypeOf<SuiteResult['monitorHistory']>().toEqualTypeOf<RunMonitorHistory | undefined>();
  expectTypeOf<RunMonitorHistory['points'][number]>().toEqualTypeOf<RunMonitorPoint>();
  expectTypeOf<RunMonitorPoint['values']>().toEqualTypeOf<MetricValues>();
  expectTypeOf(getFormatter('table')).toEqualTypeOf<Formatter>();
  expectTypeOf<Formatter['format']>().returns.toEqualTypeOf<string>();
  expectTypeOf<RuneBenchError['code']>().toEqualTypeOf<RuneBenchErrorCode>();
  expectTypeOf<MetricSource['collect']>().returns.toEqualTypeOf<MetricValues | Promise<MetricValues>>();
}

void test('the package entry loads and exposes its main classes', () => {
  assert.equal(typeof typeChecks, 'function');
  assert.equal(typeof PerformanceMonitor, 'function');
  assert.equal(typeof BenchmarkSuite, 'function');
  assert.equal(Severity.Critical, 'critical');
  assert.equal(getSuite('comprehensive').id, 'comprehensive');
});
