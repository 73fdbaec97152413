// parallel-safe: on-demand samples of fixed sources
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BottleneckDetector, type BottleneckReport } from '../../../src/detect/bottleneck/bottleneck-detector.js';
import type { BottleneckEvent } from '../../../src/detect/bottleneck/bottleneck-tracker.js';
import { heapNearLimitRule } from '../../../src/detect/bottleneck/rules/heap-near-limit.js';
import type { MetricSource } from '../../../src/core/source.js';
import { isRuneBenchError } from '../../../src/core/errors.js';
import { PerformanceMonitor } from '../../../src/monitor/performance-monitor.js';

void test('attached to a real PerformanceMonitor: each sample is evaluated; events raise and clear a finding', async () => {
  // A source reporting a heap ratio the test controls: 95% full for 3 samples, then 10%.
  let used = 950;
  const heap: MetricSource = {
    id: 'test.heap',
    describe: () => [
      { name: 'v8js.heap.used', unit: 'By', kind: 'gauge', description: 'used' },
      { name: 'v8js.heap.limit', unit: 'By', kind: 'gauge', description: 'limit' },
    ],
    collect: () => ({ 'v8js.heap.used': used, 'v8js.heap.limit': 1000 }),
  };
  const monitor = new PerformanceMonitor({ sources: [heap], intervalMs: 1000 });
  const detector = new BottleneckDetector({ rules: [heapNearLimitRule({ recent: 1 })], lastSamples: 3 });
  const events: BottleneckEvent[] = [];
  const reports: BottleneckReport[] = [];
  detector.on('bottleneck', (e) => events.push(e));
  detector.on('evaluation', (r) => reports.push(r));
  const detach = detector.attach(monitor);
  assert.equal(detector.attached, true);
  assert.throws(() => detector.attach(monitor), (e: unknown) => isRuneBenchError(e, 'ERR_BUSY'));

  for (let i = 0; i < 3; i++) await monitor.sample();
  used = 100;
  for (let i = 0; i < 3; i++) await monitor.sample();
  detach();
  await monitor.sample();

  assert.equal(reports.length, 6, 'one evaluation per sample while attached');
  assert.deepEqual(events.map((e) => `${e.change}:${e.ruleId}:${e.finding.severity}`), ['raised:heap-near-limit:critical', 'cleared:heap-near-limit:critical']);
  assert.equal(events[0]!.scope, 'process');
  assert.equal(detector.attached, false);
  assert.equal(detector.active.length, 0);
  // After the fact, over the monitor's history (iterable): the newest sample is at 10%, so no finding.
  const after = detector.analyze(monitor.history);
  assert.equal(after.window.samples, 7);
  assert.equal(after.findings.length, 0);
  assert.equal(detector.analyze(monitor.history, { lastSamples: 4 }).window.samples, 4);
});

void test('evaluateEvery thins evaluations', async () => {
  const source: MetricSource = { id: 'x', describe: () => [], collect: () => ({}) };
  const monitor = new PerformanceMonitor({ sources: [source], intervalMs: 1000 });
  const detector = new BottleneckDetector({ evaluateEvery: 3 });
  let evaluations = 0;
  detector.on('evaluation', () => evaluations++);
  detector.attach(monitor);
  for (let i = 0; i < 7; i++) await monitor.sample();
  detector.detach();
  assert.equal(evaluations, 2);
});
