import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { RuneBenchError } from '../../src/core/errors.js';
import type { TaskErrorEvent } from '../../src/bench/types.js';

void test('a throwing task ends failed with its error and the suite goes on', async () => {
  const suite = new BenchmarkSuite('failure', { timeMs: 30, warmupMs: 0 });
  let calls = 0;
  suite.add('throws', () => {
    calls++;
    throw new RangeError('boom');
  });
  suite.add('rejects later', async () => {
    calls++;
    await Promise.resolve();
    if (calls > 5) throw new Error('late failure');
  });
  suite.add('fine', () => Math.sqrt(calls));
  const errors: TaskErrorEvent[] = [];
  suite.on('task:error', (e) => errors.push(e));
  const result = await suite.run();
  const [throws, later, fine] = result.tasks;
  assert.equal(throws?.status, 'failed');
  assert.equal(throws.error?.name, 'RangeError');
  assert.equal(throws.error.message, 'boom');
  assert.equal(throws.stats, undefined);
  assert.equal(later?.status, 'failed');
  assert.equal(later.error?.message, 'late failure');
  assert.ok(later.stats !== undefined, 'samples before the failure are kept');
  assert.equal(fine?.status, 'ok');
  assert.equal(result.status, 'partial');
  assert.ok(Math.abs(result.summary.successRate - 1 / 3) < 1e-12);
  assert.equal(errors.length, 2);
  assert.ok(errors[0]!.error instanceof RuneBenchError);
  assert.equal(errors[0]!.error.code, 'ERR_TASK_FAILED');
  assert.ok(errors[0]!.error.cause instanceof RangeError);
});

void test('a failing setup fails the task and teardown still runs', async () => {
  let tornDown = false;
  const suite = new BenchmarkSuite('setup', { timeMs: 20 });
  suite.add('x', () => 1, {
    setup: async () => {
      await Promise.resolve();
      throw new Error('no fixture');
    },
    teardown: () => {
      tornDown = true;
    },
  });
  const result = await suite.run();
  assert.equal(result.tasks[0]?.status, 'failed');
  assert.equal(result.tasks[0].error?.message, 'no fixture');
  assert.equal(result.status, 'failed');
  assert.ok(tornDown);
});
