import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { timerProfile } from '../../src/bench/timer.js';

function spin(iterations: number): number {
  let x = 0;
  for (let i = 0; i < iterations; i++) x = (x + i * i) % 1_000_003;
  return x;
}

void test('a fast function is batched so the timer cost is a negligible share of each sample', async () => {
  const suite = new BenchmarkSuite('batching', { timeMs: 100, warmupMs: 30 });
  suite.add('tiny', () => spin(10));
  suite.add('slow', () => spin(3_000_000));
  const result = await suite.run();
  const [tiny, slow] = result.tasks;
  assert.equal(tiny?.status, 'ok');
  const stats = tiny.stats!;
  const { cost } = timerProfile();
  assert.ok(stats.batchSize >= 100, `batch ${stats.batchSize}`);
  // one sample (batchSize operations) lasts far longer than two timer reads
  assert.ok(stats.median * stats.batchSize > 200 * cost, `sample ${stats.median * stats.batchSize} s vs timer ${cost} s`);
  assert.equal(stats.operations, stats.samples * stats.batchSize);
  assert.equal(stats.belowResolution, false);
  // a function far slower than the sample target is timed one call per sample
  assert.equal(slow?.stats?.batchSize, 1);
});

void test('a noop is reported below resolution, not as a tiny number', async () => {
  const suite = new BenchmarkSuite('noop', { timeMs: 60, warmupMs: 20 });
  suite.add('noop', () => undefined);
  const result = await suite.run();
  const stats = result.tasks[0]!.stats!;
  assert.equal(stats.belowResolution, true, `median ${stats.median}, resolution ${stats.resolution}`);
  assert.ok(stats.resolution > 0);
  assert.equal(result.summary.operationsPerSecond, 0, 'a below-resolution task does not count in the total');
});
