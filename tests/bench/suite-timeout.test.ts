// parallel-safe: runs on a manual clock; the real-clock case only asserts that a task that never settles times out
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { ManualClock } from '../../src/testing/manual-clock.js';
import { drive } from './fixtures/drive-clock.js';

void test('a never-settling task hits its timeoutMs on the clock and the suite goes on', async () => {
  const clock = new ManualClock();
  const suite = new BenchmarkSuite('timeout', { timeMs: 30, timeoutMs: 5000, warmup: false, clock });
  suite.add('hangs', () => new Promise(() => undefined), { timeoutMs: 150 });
  let hangsAfterFirst = 0;
  suite.add('hangs later', () => (++hangsAfterFirst > 3 ? new Promise(() => undefined) : Promise.resolve(1)), { timeoutMs: 100 });
  suite.add('fine', () => new Promise((resolve) => { clock.setTimeout(() => { resolve(2); }, 1); }));
  const codes: string[] = [];
  suite.on('task:error', (e) => {
    codes.push(e.error.code);
  });
  const result = await drive(clock, suite.run(), 5);
  const [hangs, later, fine] = result.tasks;
  assert.equal(hangs?.status, 'timeout');
  assert.match(hangs.error?.message ?? '', /did not settle within 150 ms/);
  // the watchdog checks every timeoutMs / 10 on the clock, driven here in 5 ms steps
  assert.ok(hangs.duration >= 0.15 && hangs.duration <= 0.15 + 0.015 + 0.005, `duration ${hangs.duration}`);
  assert.equal(later?.status, 'timeout');
  assert.ok(later.duration >= 0.1 && later.duration <= 0.1 + 0.01 + 0.005, `duration ${later.duration}`);
  assert.equal(fine?.status, 'ok');
  assert.ok(fine.stats!.samples >= 30, `samples ${fine.stats!.samples}`);
  assert.deepEqual(codes, ['ERR_TASK_TIMEOUT', 'ERR_TASK_TIMEOUT']);
});

void test('maxTimeMs caps a task on the clock; samples taken so far are kept', async () => {
  const clock = new ManualClock();
  const suite = new BenchmarkSuite('cap', { timeMs: 10_000, minSamples: 10, maxTimeMs: 200, warmup: false, clock });
  // a 30 ms operation on the clock: the seventh ends at 210 ms, past the cap (the watchdog checks every 50 ms,
  // the runner after each operation), and is the last; no eighth starts
  suite.add('slow', () => new Promise<void>((resolve) => clock.setTimeout(resolve, 30)));
  const result = await drive(clock, suite.run(), 5);
  const task = result.tasks[0]!;
  assert.equal(task.status, 'ok');
  assert.equal(task.stats!.samples, 7);
  assert.ok(task.duration >= 0.21 && task.duration <= 0.21 + 0.01, `duration ${task.duration}`); // up to two drive steps to settle
});

void test('real-time smoke test: on the system clock a never-settling operation times out too', async () => {
  const suite = new BenchmarkSuite('timeout-real', { timeMs: 20, timeoutMs: 100, warmup: false });
  suite.add('hangs', () => new Promise(() => undefined));
  const result = await suite.run();
  assert.equal(result.tasks[0]?.status, 'timeout');
  assert.match(result.tasks[0].error?.message ?? '', /did not settle within 100 ms/);
});
