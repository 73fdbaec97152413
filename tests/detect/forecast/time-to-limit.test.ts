// parallel-safe: synthetic series and on-demand samples of fixed sources
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BottleneckDetector } from '../../../src/detect/bottleneck/bottleneck-detector.js';
import { builtinBottleneckRules } from '../../../src/detect/bottleneck/rules/builtin.js';
import { isRuneBenchError } from '../../../src/core/errors.js';
import type { MetricSource } from '../../../src/core/source.js';
import { builtinForecastLimits, heapForecastLimit, openFdsForecastLimit } from '../../../src/detect/forecast/builtin-limits.js';
import type { ForecastLimit } from '../../../src/detect/forecast/forecast-limit.js';
import { ForecastWatcher } from '../../../src/detect/forecast/forecast-watcher.js';
import type { LimitForecast } from '../../../src/detect/forecast/limit-forecast.js';
import { timeToLimitRule, timeToLimitRules } from '../../../src/detect/forecast/time-to-limit-rule.js';
import { createPrometheusFormatter } from '../../../src/format/prometheus-formatter.js';
import { PerformanceMonitor } from '../../../src/monitor/performance-monitor.js';
import { series } from '../bottleneck/synthetic.js';

const GB = 1024 ** 3;

/** Heap under a GC sawtooth whose floor climbs `rate` bytes/s toward a 4 GB limit; 1 snapshot per second. */
function heapWindow(count: number, floorAtEnd: number, rate: number) {
  return series(
    count,
    (i) => ({ 'v8js.heap.used': floorAtEnd - rate * (count - 1 - i) + (i % 8) * 20e6, 'v8js.heap.limit': 4 * GB }),
    1,
  );
}

void test('time-to-limit rule: severity grows as the time to the limit shrinks; the title is the forecast', () => {
  const rule = timeToLimitRule(heapForecastLimit());
  assert.equal(rule.id, 'time-to-limit-heap');
  const rate = 10e6;
  const far = rule.evaluate(heapWindow(120, 4 * GB - rate * 2000, rate));
  const mid = rule.evaluate(heapWindow(120, 4 * GB - rate * 600, rate));
  const near = rule.evaluate(heapWindow(120, 4 * GB - rate * 220, rate));
  const now = rule.evaluate(heapWindow(120, 4 * GB - rate * 30, rate));
  const severities = [far, mid, near, now].map((r) => (r !== undefined && !('kind' in r) ? r.severity : 'none'));
  assert.deepEqual(severities, ['low', 'medium', 'high', 'critical']);
  assert.ok(near !== undefined && !('kind' in near));
  assert.match(near.title, /^heap reaches its 4\.00 GB limit in 3m 40s \[\d+m \d\ds, \d+m \d\ds\]$/);
  assert.ok(now !== undefined && !('kind' in now) && near.impact < now.impact);
  // Beyond the low horizon, and with no trend: nothing.
  assert.equal(rule.evaluate(heapWindow(120, 4 * GB - rate * 5000, rate)), undefined);
  assert.equal(rule.evaluate(heapWindow(120, 1 * GB, 0)), undefined);
});

void test('time-to-limit rules join a BottleneckDetector beside the built-in rules; bad horizons are refused', () => {
  const detector = new BottleneckDetector({ rules: [...builtinBottleneckRules(), ...timeToLimitRules()] });
  assert.equal(detector.rules.length, builtinBottleneckRules().length + builtinForecastLimits().length);
  const report = detector.analyze(heapWindow(120, 4 * GB - 10e6 * 100, 10e6));
  assert.ok(report.findings.some((f) => f.ruleId === 'time-to-limit-heap' && f.severity === 'high'));
  assert.throws(() => timeToLimitRule(heapForecastLimit(), { horizons: { critical: 600, high: 300, medium: 900, low: 3600 } }), RangeError);
  assert.throws(() => timeToLimitRule(heapForecastLimit(), { horizon: {} } as never), /did you mean horizons/);
});

void test('ForecastWatcher attached to a monitor emits typed forecast events for a host limit; a throwing limit is reported', async () => {
  let fds = 100;
  const source: MetricSource = {
    id: 'test.fds',
    describe: () => [{ name: 'process.open_fds', unit: '{count}', kind: 'gauge', description: 'fds' }],
    collect: () => ({ 'process.open_fds': fds }),
  };
  const broken: ForecastLimit = { id: 'broken', label: 'broken', metric: 'process.open_fds', limit: () => { throw new Error('no limit'); } };
  const monitor = new PerformanceMonitor({ sources: [source], intervalMs: 1000 });
  const watcher = new ForecastWatcher({ limits: [openFdsForecastLimit(1024), broken], lastSamples: 60 });
  const seen: LimitForecast[] = [];
  const errors: string[] = [];
  watcher.on('forecast', (f) => seen.push(f));
  watcher.on('error', (e) => errors.push(e.limitId));
  watcher.attach(monitor);
  assert.throws(() => watcher.attach(monitor), (e: unknown) => isRuneBenchError(e, 'ERR_BUSY'));
  for (let i = 0; i < 20; i++) {
    fds += 3;
    await monitor.sample();
  }
  watcher.detach();
  assert.ok(seen.length > 0, 'a steady fd leak is forecast');
  const last = seen.at(-1) as LimitForecast;
  assert.equal(last.limitId, 'open-fds');
  assert.equal(last.limit, 1024);
  assert.match(last.message, /^open file descriptors reaches its 1024 limit in /);
  assert.ok(last.slope > 0);
  assert.ok(errors.length > 0 && errors.every((id) => id === 'broken'));
  assert.throws(() => new ForecastWatcher({ limits: [heapForecastLimit(), heapForecastLimit()] }), (e: unknown) => isRuneBenchError(e, 'ERR_DUPLICATE'));
  assert.throws(() => new ForecastWatcher({ windowMs: 1000, lastSamples: 10 }), TypeError);
});

void test('Prometheus exposition: a time-to-limit finding gives seconds_to_limit gauges (point, earliest, latest)', () => {
  const found = timeToLimitRule(heapForecastLimit()).evaluate(heapWindow(120, 4 * GB - 10e6 * 220, 10e6));
  assert.ok(found !== undefined && !('kind' in found));
  const text = createPrometheusFormatter().format({ kind: 'findings', findings: [found] });
  const value = (bound: string): number => {
    const line = text.split('\n').find((l) => l.startsWith(`rune_bench_seconds_to_limit{rule="time-to-limit-heap",bound="${bound}"}`));
    assert.ok(line !== undefined, `no ${bound} gauge in:\n${text}`);
    return Number(line.split(' ').at(-1));
  };
  assert.ok(Math.abs(value('point') - 220) < 5, `point ${value('point')}`);
  assert.ok(value('earliest') <= value('point') && value('point') <= value('latest'));
  assert.match(text, /# TYPE rune_bench_seconds_to_limit gauge/);
});

void test('ForecastWatcher: a throwing forecast listener is reported as listenerError, the others still run', () => {
  const watcher = new ForecastWatcher({ limits: [openFdsForecastLimit(1024)] });
  const got: string[] = [];
  const failures: unknown[] = [];
  watcher.on('forecast', () => {
    throw new Error('listener bug');
  });
  watcher.on('forecast', (f) => got.push(f.limitId));
  watcher.on('listenerError', (e) => failures.push(e.error));
  const made = watcher.evaluate(series(30, (i) => ({ 'process.open_fds': 100 + 3 * i }), 1));
  assert.equal(made.length, 1);
  assert.deepEqual(got, ['open-fds']);
  assert.equal(failures.length, 1);
});
