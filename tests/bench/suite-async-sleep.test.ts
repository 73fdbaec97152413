import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';

void test('an async 1 ms sleep is detected as async and measured at 1.0-1.3 ms median', async () => {
  const suite = new BenchmarkSuite('sleep', { timeMs: 150, warmupMs: 20 });
  // a plain function returning a promise: async is detected from the returned thenable, not the function kind
  suite.add('sleep 1ms', () => sleep(1));
  const result = await suite.run();
  const task = result.tasks[0]!;
  assert.equal(task.status, 'ok');
  const stats = task.stats!;
  assert.equal(stats.batchSize, 1);
  assert.ok(stats.median >= 1.0e-3 && stats.median <= 1.3e-3, `median ${stats.median * 1e3} ms`);
  assert.ok(stats.samples >= 10);
});
