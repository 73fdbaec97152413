import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import type { MetricSource } from '../../src/core/source.js';

void test('an attached monitor fills peak memory, peak CPU and the cache hit ratio', async () => {
  let hits = 0;
  let misses = 0;
  const cache: MetricSource = {
    id: 'test-cache',
    describe: () => [{ name: 'cache.test.hit_ratio', unit: '1', kind: 'gauge', description: 'hit ratio' }],
    collect: () => ({ 'cache.test.hit_ratio': hits + misses === 0 ? 0 : hits / (hits + misses) }),
  };
  const rss: MetricSource = {
    id: 'rss',
    describe: () => [{ name: 'process.memory.usage', unit: 'By', kind: 'gauge', description: 'rss' }],
    collect: () => ({ 'process.memory.usage': process.memoryUsage.rss() }),
  };
  const monitor = new PerformanceMonitor({ intervalMs: 20, sources: [cache, rss] });
  const suite = new BenchmarkSuite('monitored', { timeMs: 150, warmupMs: 0, monitor });
  const map = new Map<number, number>();
  suite.add('lookups', () => {
    const key = Math.floor(Math.random() * 4);
    if (map.has(key)) hits += 3;
    else {
      misses++;
      map.set(key, key);
    }
    return map.size;
  });
  const result = await suite.run();
  assert.equal(monitor.running, false, 'the suite stops a monitor it started');
  const snapshots = monitor.history.toArray();
  assert.ok(snapshots.length >= 2, `${snapshots.length} snapshots`);
  const maxRss = Math.max(...snapshots.map((s) => s.get('process.memory.usage') ?? 0));
  assert.ok(result.summary.peakMemory >= maxRss);
  assert.ok(result.summary.peakCpu > 0);
  assert.ok(result.summary.cacheHitRatio !== undefined && result.summary.cacheHitRatio > 0.5, String(result.summary.cacheHitRatio));
});

void test('without a monitor, peaks are still filled from own samples', async () => {
  const suite = new BenchmarkSuite('plain', { timeMs: 80, warmupMs: 0 });
  suite.add('work', () => {
    let x = 0;
    for (let i = 0; i < 1000; i++) x += Math.sqrt(i);
    return x;
  });
  const { summary } = await suite.run();
  assert.ok(summary.peakMemory > 10 * 1024 * 1024);
  assert.ok(summary.peakCpu > 0.05 && summary.peakCpu < 4, String(summary.peakCpu));
  assert.equal(summary.cacheHitRatio, undefined);
  assert.equal(summary.successRate, 1);
  assert.ok(summary.duration > 0.08);
});
