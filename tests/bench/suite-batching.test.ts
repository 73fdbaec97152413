import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { timerProfile } from '../../src/bench/timer.js';

function spin(iterations: number): number {
  let x = 0;
  for (let i = 0; i < iterations; i++) x = (x + i * i) % 1_000_003;
  return x;
}

// The timer's cost per read from the quickest of many short runs: the profile's figure is an average over
// 10,000 reads, which a loaded machine (load 6 on 2 cores) inflated to 160-720 ns, more than the samples' margin.
function uncontendedReadCost(): number {
  let best = Infinity;
  for (let round = 0; round < 200; round++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 50; i++) process.hrtime.bigint();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 51 / 1e9);
  }
  return best;
}

void test('a fast function is batched so the timer cost is a negligible share of each sample', async () => {
  const suite = new BenchmarkSuite('batching', { timeMs: 100, warmupMs: 30 });
  suite.add('tiny', () => spin(10));
  suite.add('slow', () => spin(3_000_000));
  const result = await suite.run();
  const [tiny, slow] = result.tasks;
  assert.equal(tiny?.status, 'ok');
  const stats = tiny.stats!;
  const cost = Math.min(timerProfile().cost, uncontendedReadCost());
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
