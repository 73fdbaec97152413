// parallel-safe: statuses, the tree, notices and the summary's arithmetic; the monitor's first and last points are taken on demand
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { BenchmarkSuite } from '../../../src/bench/benchmark-suite.js';
import type { SuiteResult } from '../../../src/core/results.js';
import type { SuiteDefinition, SuiteRunOptions } from '../../../src/core/suite.js';
import { createComprehensiveSuite } from '../../../src/suites/comprehensive/comprehensive-suite.js';
import { buildSummary } from '../../../src/bench/summary.js';
import { SuiteResultBuilder } from '../../../src/bench/result-builder.js';
import { walkBenchmarks } from '../../../src/core/walk.js';
import { comprehensiveSuite } from '../../../src/suites/registry.js';

const data = Buffer.alloc(64 * 1024, 7);

/** A small real suite built on BenchmarkSuite; `failTask` makes one of its two tasks throw. */
function hashingSuite(id: string, failTask: boolean): SuiteDefinition {
  return {
    id,
    description: `${id} test suite`,
    parameters: [],
    run: async (options: SuiteRunOptions = {}) => {
      const bench = new BenchmarkSuite(id, { timeMs: 20, minSamples: 3, warmup: false, ...(options.signal ? { signal: options.signal } : {}) });
      bench.add('sha1 64KiB', () => createHash('sha1').update(data).digest(), { bytes: data.length });
      bench.add('second', () => {
        if (failTask) throw new Error('this job fails');
        return createHash('md5').update(data).digest();
      });
      options.onProgress?.({ suite: id, phase: 'run', fraction: 0.5 });
      const result = await bench.run();
      return { ...result, figures: [{ name: 'cache.hit_ratio', value: failTask ? 0.5 : 0.9, unit: '1' }] };
    },
  };
}

const throwing: SuiteDefinition = {
  id: 'throws',
  description: 'throws before running anything',
  parameters: [],
  run: () => Promise.reject(new Error('cannot start')),
};

void describe('comprehensive suite', () => {
  void test('a suite that throws and a job that fails are reported, and the other suites still run', async () => {
    const suite = createComprehensiveSuite(() => [hashingSuite('alpha', false), throwing, hashingSuite('beta', true)]);
    const progress: number[] = [];
    const result = await suite.run({ params: { interval: 100 }, onProgress: (p) => progress.push(p.fraction) });
    assert.equal(result.status, 'partial');
    assert.deepEqual(result.children?.map((c) => [c.name, c.status]), [['alpha', 'ok'], ['throws', 'failed'], ['beta', 'partial']]);
    assert.ok(result.notices?.some((n) => n.includes('throws failed: cannot start')));
    // the children stay children: the parent has no tasks of its own, the walker finds the children's
    assert.deepEqual(result.tasks, []);
    assert.deepEqual([...walkBenchmarks(result)].map((b) => b.key), [
      'comprehensive/alpha/sha1 64KiB',
      'comprehensive/alpha/second',
      'comprehensive/beta/sha1 64KiB',
      'comprehensive/beta/second',
    ]);
    const beta = result.children.find((c) => c.name === 'beta');
    assert.deepEqual(beta?.tasks.map((t) => t.status), ['ok', 'failed']);
    assert.equal(result.summary.successRate, 3 / 4);
    assert.ok(Math.abs((result.summary.cacheHitRatio ?? 0) - 0.7) < 1e-9);
    assert.ok(result.summary.peakMemory > 0);
    assert.ok(result.summary.operationsPerSecond > 0);
    // a child's figures stay the child's: no copies on the parent
    const alpha = result.children[0];
    assert.ok(alpha?.figures?.some((f) => f.name === 'cache.hit_ratio' && f.value === 0.9));
    const figures = result.figures ?? [];
    assert.deepEqual(figures.map((f) => f.name).filter((n) => !n.startsWith('memory.')), ['suites.run', 'suites.ok']);
    assert.ok((figures.find((f) => f.name === 'memory.peak_rss')?.value ?? 0) > 0, 'the process tree peak');
    assert.ok(!(result.notices ?? []).some((n) => n.startsWith('alpha:')), 'child notices are not copied into the parent');
    assert.equal(figures.find((f) => f.name === 'suites.ok')?.value, 1);
    assert.ok(Array.isArray(result.findings ?? []));
    const history = result.monitorHistory;
    assert.ok(history !== undefined && history.points.length >= 2, 'the monitor over the whole run is kept for the charts');
    assert.ok('process.cpu.utilization' in history.descriptors);
    assert.equal(progress.at(-1), 1);
  });

  void test('stops at an abort and reports what ran', async () => {
    const controller = new AbortController();
    const first = hashingSuite('first', false);
    const suite = createComprehensiveSuite(() => [
      { ...first, run: async (o?: SuiteRunOptions) => { const r = await first.run(o); controller.abort(); return r; } },
      hashingSuite('never', false),
    ]);
    const result = await suite.run({ signal: controller.signal });
    assert.equal(result.status, 'aborted');
    assert.deepEqual(result.children?.map((c) => c.name), ['first']);
  });

  void test('the one summary over children: max of peaks, sum of ops/s, share of ok tasks', () => {
    const child = (ok: number, failed: number, peak: number, cpu: number, ops: number): SuiteResult => ({
      schemaVersion: 1, name: 'c', status: 'ok', startedAt: '', env: {} as SuiteResult['env'],
      tasks: [...Array.from({ length: ok }, () => ({ name: 'a', status: 'ok' as const, duration: 0, tags: [] })), ...Array.from({ length: failed }, () => ({ name: 'b', status: 'failed' as const, duration: 0, tags: [] }))],
      summary: { duration: 1, operationsPerSecond: ops, peakMemory: peak, peakCpu: cpu, successRate: 0 },
    });
    const s = buildSummary([], 9, { rss: 200, cpu: 0.2 }, [], [child(3, 1, 100, 0.5, 10), child(1, 0, 300, 1.5, 5)]);
    assert.deepEqual(s, { duration: 9, operationsPerSecond: 15, peakMemory: 300, peakCpu: 1.5, successRate: 0.8 });
  });

  void test('an empty run has the same summary however it is built: success rate 0, not 100%', async () => {
    // before: BenchmarkSuite said 1 (100%) for no tasks and comprehensive said 0
    const bench = await new BenchmarkSuite('empty', { gc: false }).run();
    const built = new SuiteResultBuilder('empty').status('aborted').build();
    const controller = new AbortController();
    controller.abort();
    const comprehensive = await createComprehensiveSuite(() => [hashingSuite('never', false)]).run({ signal: controller.signal, params: { interval: 100 } });
    assert.equal(comprehensive.status, 'aborted');
    for (const r of [bench, built, comprehensive]) {
      assert.equal(r.summary.successRate, 0, r.name);
      assert.equal(r.summary.operationsPerSecond, 0, r.name);
    }
  });

  void test('the registered comprehensive suite validates its parameters', async () => {
    await assert.rejects(comprehensiveSuite.run({ params: { suites: 'nope' } }), { name: 'RangeError', message: /unknown suite nope/ });
    await assert.rejects(comprehensiveSuite.run({ params: { interval: 1 } }), { name: 'RangeError', message: /interval/ });
  });
});
