// parallel-safe: results built on a manual clock; the real runs only supply tasks
// SuiteResultBuilder: a suite's result built once from its parts, with the one summary and an injected clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SuiteResultBuilder } from '../../src/bench/result-builder.js';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { RESULT_SCHEMA_VERSION } from '../../src/core/results.js';
import { MetricSnapshot } from '../../src/core/snapshot.js';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { ManualClock } from '../../src/testing/manual-clock.js';

async function realRun(name: string, fail = false) {
  const suite = new BenchmarkSuite(name, { timeMs: 10, minSamples: 3, warmup: false });
  suite.add('sqrt', () => Math.sqrt(2));
  if (fail) {
    suite.add('fails', () => {
      throw new Error('no');
    });
  }
  return suite.run();
}

void test('adopts a run and adds figures, notices and peaks; the duration covers preparation', async () => {
  const clock = new ManualClock(0, Date.UTC(2026, 0, 2));
  const builder = new SuiteResultBuilder('mine', { clock });
  await clock.advance(2_500); // preparation
  const run = await realRun('bench-name');
  const result = builder
    .adopt(run)
    .figure({ name: 'files', value: 12, unit: '{count}' })
    .notice('prepared 12 files')
    .peaks({ memory: run.summary.peakMemory + 1_000 })
    .build();
  assert.equal(result.schemaVersion, RESULT_SCHEMA_VERSION);
  assert.equal(result.name, 'mine');
  assert.equal(result.status, 'ok');
  assert.deepEqual(result.tasks, run.tasks);
  assert.equal(result.startedAt, run.startedAt);
  assert.equal(result.summary.duration, Math.max(2.5, run.summary.duration));
  assert.equal(result.summary.peakMemory, run.summary.peakMemory + 1_000);
  assert.equal(result.summary.operationsPerSecond, run.summary.operationsPerSecond);
  assert.equal(result.summary.successRate, 1);
  assert.deepEqual(result.figures, [{ name: 'files', value: 12, unit: '{count}' }]);
  assert.deepEqual(result.notices, ['prepared 12 files']);
  assert.throws(() => builder.adopt(run), RangeError);
});

void test('a parent of children: status, success rate and peaks over the tree; no copies of the children', async () => {
  const clock = new ManualClock(0, Date.UTC(2026, 0, 2));
  const ok = await realRun('ok');
  const partial = await realRun('partial', true);
  const result = new SuiteResultBuilder('parent', { clock }).child(ok).child(partial).build();
  assert.equal(result.status, 'partial');
  assert.deepEqual(result.tasks, []);
  assert.deepEqual(result.children?.map((c) => c.name), ['ok', 'partial']);
  assert.equal(result.summary.successRate, 2 / 3);
  assert.equal(result.summary.operationsPerSecond, ok.summary.operationsPerSecond + partial.summary.operationsPerSecond);
  assert.equal(result.summary.peakMemory, Math.max(ok.summary.peakMemory, partial.summary.peakMemory));
  assert.equal(result.figures, undefined);
  assert.equal(result.startedAt, new Date(Date.UTC(2026, 0, 2)).toISOString());
});

void test('a run that ended while preparing: the given status, no tasks, success rate 0', () => {
  const result = new SuiteResultBuilder('early', { clock: new ManualClock() }).status('aborted').notice('aborted while generating the tree').build();
  assert.equal(result.status, 'aborted');
  assert.deepEqual(result.tasks, []);
  assert.equal(result.summary.successRate, 0);
  assert.deepEqual(result.notices, ['aborted while generating the tree']);
  assert.throws(() => new SuiteResultBuilder(''), TypeError);
});

void test('keeps the adopted run\'s monitor history, or the snapshots of a monitor over the whole suite', async () => {
  const cpu = { 'process.cpu.utilization': { name: 'process.cpu.utilization', unit: '1', kind: 'gauge', description: 'cpu' } } as const;
  const monitor = new PerformanceMonitor({ intervalMs: 60_000, sources: [{ id: 'cpu', describe: () => Object.values(cpu), collect: () => ({ 'process.cpu.utilization': 0.5 }) }] });
  const suite = new BenchmarkSuite('watched', { timeMs: 10, minSamples: 3, warmup: false, monitor });
  suite.add('sqrt', () => Math.sqrt(2));
  const run = await suite.run();
  assert.ok(run.monitorHistory !== undefined);
  assert.deepEqual(new SuiteResultBuilder('mine').adopt(run).build().monitorHistory, run.monitorHistory);
  const whole = Array.from({ length: 5 }, (_, i) => new MetricSnapshot({ timestamp: 1_700_000_000_000 + i, monotonic: i, values: { 'process.cpu.utilization': i / 10 }, descriptors: cpu }));
  const built = new SuiteResultBuilder('mine').adopt(run).monitorHistory(whole).build();
  assert.equal(built.monitorHistory?.snapshotCount, 5, 'the whole suite\'s snapshots replace the run\'s');
  assert.equal(built.monitorHistory.points[4]?.values['process.cpu.utilization'], 0.4);
  assert.equal(new SuiteResultBuilder('plain').adopt(await realRun('plain')).build().monitorHistory, undefined);
});
