// parallel-safe: runs on a manual clock
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { ManualClock } from '../../src/testing/manual-clock.js';
import { drive } from './fixtures/drive-clock.js';

void test('an async 1 ms sleep is timed one call per sample, and the warm-up and sampling budgets come from the clock', async () => {
  const clock = new ManualClock();
  const suite = new BenchmarkSuite('sleep', { timeMs: 150, warmupMs: 20, clock });
  // a plain function returning a promise: async is detected from the returned thenable, not the function kind
  suite.add('sleep 1ms', () => new Promise<void>((resolve) => clock.setTimeout(resolve, 1)));
  const result = await drive(clock, suite.run(), 1);
  const task = result.tasks[0]!;
  assert.equal(task.status, 'ok');
  const stats = task.stats!;
  assert.equal(stats.batchSize, 1);
  // the first call and the warm-up take the clock to 20 ms, then 150 one-millisecond samples fill the budget
  assert.equal(stats.samples, 150);
  assert.ok(Math.abs(task.duration - 0.17) < 1e-9, `duration ${task.duration}`);
  assert.ok(Math.abs(result.summary.duration - 0.17) < 1e-9, `suite duration ${result.summary.duration}`);
});
