import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';

function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

void test('setup and teardown run once, per-sample hooks around every sample, none of them timed', async () => {
  const log: string[] = [];
  let perSample = 0;
  const suite = new BenchmarkSuite('hooks', { timeMs: 60, warmupMs: 0, minSamples: 5 });
  suite.add('fast', () => Math.sqrt(perSample), {
    setup: async () => {
      log.push('setup');
      await new Promise((r) => setTimeout(r, 5));
    },
    teardown: () => log.push('teardown'),
    beforeEach: () => {
      perSample++;
      busyWait(2); // 2 ms of work outside the timed region
    },
    afterEach: () => {
      busyWait(1);
    },
  });
  const result = await suite.run();
  const stats = result.tasks[0]!.stats!;
  assert.deepEqual(log, ['setup', 'teardown']);
  // every recorded sample had a beforeEach (calibration and the first call also have one)
  assert.ok(perSample >= stats.samples, `${perSample} hooks for ${stats.samples} samples`);
  // the hooks cost >= 2 ms per sample; were they timed, the per-sample time would be >= 2 ms
  assert.ok(stats.median * stats.batchSize < 1.5e-3, `sample time ${stats.median * stats.batchSize}`);
});

void test('a one-shot task runs exactly once and reports figures, tags and throughput', async () => {
  let calls = 0;
  const suite = new BenchmarkSuite('one-shot', { timeMs: 500 });
  suite.add(
    'commit',
    async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
    },
    {
      minSamples: 1,
      maxSamples: 1,
      warmup: false,
      bytes: 4096,
      items: 10,
      tags: ['git', 'slow'],
      figures: () => [{ name: 'objects.written', value: 10, unit: '{count}' }],
    },
  );
  const result = await suite.run();
  const task = result.tasks[0]!;
  assert.equal(calls, 1);
  assert.equal(task.status, 'ok');
  assert.equal(task.stats?.samples, 1);
  assert.ok(task.stats.median >= 0.019, `median ${task.stats.median}`);
  assert.deepEqual(task.tags, ['git', 'slow']);
  assert.deepEqual(task.figures, [{ name: 'objects.written', value: 10, unit: '{count}' }]);
  assert.ok(Math.abs(task.stats.bytesPerSecond! - 4096 / task.stats.median) < 1e-6);
  assert.ok(Math.abs(task.stats.itemsPerSecond! - 10 / task.stats.median) < 1e-9);
  assert.deepEqual(task.samples, [task.stats.median]);
});

void test('a fast sync one-shot task is called exactly once', async () => {
  let calls = 0;
  const suite = new BenchmarkSuite('one-shot-sync', {});
  suite.add('tiny', () => ++calls, { minSamples: 1, maxSamples: 1, warmup: false });
  const task = (await suite.run()).tasks[0]!;
  assert.equal(calls, 1);
  assert.equal(task.stats?.samples, 1);
  assert.equal(task.stats.batchSize, 1);
});

void test('keepSamples bounds the kept samples; false keeps none', async () => {
  const suite = new BenchmarkSuite('keep', { timeMs: 40, warmupMs: 0, keepSamples: 7 });
  suite.add('a', () => Math.random());
  const kept = (await suite.run()).tasks[0]!;
  assert.ok(kept.stats!.samples > 7);
  assert.equal(kept.samples?.length, 7);
  const none = new BenchmarkSuite('none', { timeMs: 20, warmupMs: 0, keepSamples: false });
  none.add('a', () => Math.random());
  assert.equal((await none.run()).tasks[0]!.samples, undefined);
});
