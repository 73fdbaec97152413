import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';

void test('a never-settling task hits its timeout and the suite goes on', async () => {
  const suite = new BenchmarkSuite('timeout', { timeMs: 30, timeoutMs: 5000 });
  suite.add('hangs', () => new Promise(() => undefined), { timeoutMs: 150 });
  let hangsAfterFirst = 0;
  suite.add('hangs later', () => (++hangsAfterFirst > 3 ? new Promise(() => undefined) : Promise.resolve(1)), { timeoutMs: 100 });
  suite.add('fine', () => 2);
  const codes: string[] = [];
  suite.on('task:error', (e) => codes.push(e.error.code));
  const t0 = performance.now();
  const result = await suite.run();
  const elapsed = performance.now() - t0;
  const [hangs, later, fine] = result.tasks;
  assert.equal(hangs?.status, 'timeout');
  assert.match(hangs.error?.message ?? '', /did not settle within 150 ms/);
  assert.ok(hangs.duration >= 0.15, `duration ${hangs.duration}`);
  assert.equal(later?.status, 'timeout');
  assert.equal(fine?.status, 'ok');
  assert.deepEqual(codes, ['ERR_TASK_TIMEOUT', 'ERR_TASK_TIMEOUT']);
  assert.ok(elapsed < 4000, `suite took ${elapsed} ms`);
});

void test('maxTime caps a task including warm-up; samples taken so far are kept', async () => {
  const suite = new BenchmarkSuite('cap', { timeMs: 10_000, minSamples: 10, maxTimeMs: 200, warmupMs: 0 });
  suite.add('slow', () => new Promise((r) => setTimeout(r, 30)));
  const t0 = performance.now();
  const result = await suite.run();
  const elapsed = performance.now() - t0;
  const task = result.tasks[0]!;
  assert.equal(task.status, 'ok');
  assert.ok(task.stats!.samples >= 1 && task.stats!.samples < 10, `samples ${task.stats!.samples}`);
  assert.ok(elapsed < 2000, `took ${elapsed} ms`);
});
