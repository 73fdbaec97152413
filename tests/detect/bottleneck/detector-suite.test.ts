// parallel-safe: pure computation on fixed inputs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BottleneckDetector } from '../../../src/detect/bottleneck/bottleneck-detector.js';
import type { SuiteResult, TaskResult, TaskStatistics } from '../../../src/core/results.js';
import { RESULT_SCHEMA_VERSION } from '../../../src/core/results.js';
import { series } from './synthetic.js';

function stats(rme: number): TaskStatistics {
  const m = 0.001;
  return {
    samples: 20, operations: 200, batchSize: 10, mean: m, median: m, min: m, max: m, p75: m, p90: m, p95: m, p99: m,
    sd: 0, mad: 0, sem: 0, rme, medianCI: { lower: m, upper: m, level: 0.95 },
    outliers: { lowSevere: 0, lowMild: 0, highMild: 0, highSevere: 0 }, opsPerSecond: 1000, resolution: 1e-9, belowResolution: false,
  };
}

function task(name: string, rme: number): TaskResult {
  return { name, status: 'ok', stats: stats(rme), duration: 1, tags: [] };
}

function result(overrides: Partial<SuiteResult> = {}): SuiteResult {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    name: 'large_repository',
    status: 'ok',
    startedAt: '2026-01-01T00:00:00.000Z',
    env: { id: 'x', node: 'v20', v8: '11', platform: 'linux', arch: 'x64', osRelease: '6', cpuModel: 'cpu', cores: 2, totalMemory: 1, loadPerCore: 0.2 },
    tasks: [task('status', 0.01), task('log', 0.02)],
    summary: { duration: 12, operationsPerSecond: 1, peakMemory: 1, peakCpu: 1, successRate: 1 },
    ...overrides,
  };
}

void test('a clean run on a quiet host gives no findings', () => {
  const report = new BottleneckDetector().analyzeSuite(result());
  assert.equal(report.findings.length, 0);
  assert.equal(report.host.length, 0);
  assert.equal(report.lowConfidence, false);
});

void test('host load at start, unstable tasks and a low cache hit ratio are read off the result', () => {
  const report = new BottleneckDetector().analyzeSuite(
    result({
      env: { ...result().env, loadPerCore: 2.5 },
      tasks: [task('status', 0.15), task('log', 0.3), task('diff', 0.01)],
      summary: { ...result().summary, cacheHitRatio: 0.3 },
    }),
  );
  assert.equal(report.top?.ruleId, 'cache-efficiency');
  assert.equal(report.top.severity, 'medium');
  assert.deepEqual(report.host.map((f) => f.ruleId).sort(), ['noisy-host', 'unstable-results']);
  assert.equal(report.lowConfidence, true);
  const unstable = report.host.find((f) => f.ruleId === 'unstable-results');
  assert.match(unstable?.title ?? '', /2 of 3/);
  assert.deepEqual(unstable?.window, { start: 0, end: 12, samples: 0 });
});

void test('findings the result carries, nested results and the run\'s snapshots are merged, most severe per rule', () => {
  const carried = { ruleId: 'gc-pressure', title: 'GC', severity: 'low' as const, impact: 6, confidence: 1, evidence: [], recommendation: '', window: { start: 0, end: 1, samples: 3 } };
  const child = result({ name: 'network', findings: [carried] });
  const snapshots = series(11, () => ({ 'v8js.gc.duration': 0.03 }));
  const report = new BottleneckDetector().analyzeSuite(result({ name: 'comprehensive', children: [child] }), snapshots);
  const gc = report.findings.filter((f) => f.ruleId === 'gc-pressure');
  assert.equal(gc.length, 1);
  assert.equal(gc[0]?.severity, 'high', 'the snapshots show 30% GC, worse than the carried low finding');
});

void test('unstable measurements count every task of the tree, named by key', () => {
  const a = result({ name: 'disk_io', tasks: [task('seq-read', 0.1), task('seq-write', 0.12), task('fsync', 0.01)] });
  const b = result({ name: 'network', tasks: [task('fetch', 0.2), task('push', 0.01), task('clone', 0.01)] });
  const report = new BottleneckDetector().analyzeSuite(result({ name: 'comprehensive', tasks: [task('root', 0.01)], children: [a, b] }));
  const unstable = report.host.filter((f) => f.ruleId === 'unstable-results');
  assert.equal(unstable.length, 1);
  assert.equal(unstable.at(0)?.title, 'Unstable measurements (3 of 7 tasks)');
  assert.match(unstable.at(0)?.recommendation ?? '', /comprehensive\/disk_io\/seq-read, comprehensive\/disk_io\/seq-write, comprehensive\/network\/fetch/);
});
