// parallel-safe: results, threads, errors and aborts of the pool, not timings
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkerPool } from '../../../src/workloads/worker-pool.js';
import { isRuneBenchError } from '../../../src/core/errors.js';

interface TestTask {
  readonly kind: 'square' | 'throw' | 'crash' | 'spin' | 'slow';
  readonly n: number;
}
interface TestResult {
  readonly value: number;
  readonly threadId: number;
}

const script = new URL('./fixtures/test-worker.ts', import.meta.url);

void describe('WorkerPool', () => {
  const pool = new WorkerPool<TestTask, TestResult>({ script, size: 2 });
  after(() => pool.close());

  void test('runs every task on the workers and returns each result to its caller', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, n) => pool.run({ kind: 'square', n })));
    assert.deepEqual(results.map((r) => r.value), Array.from({ length: 40 }, (_, n) => n * n));
    assert.equal(pool.size, 2);
    const used = new Set(results.map((r) => r.threadId));
    for (const id of used) assert.ok(pool.threadIds.includes(id), 'results come from the pool threads');
    assert.ok(pool.threadIds.every((id) => id !== 0), 'workers are not the main thread');
  });

  void test('runs tasks concurrently on different threads', async () => {
    const results = await Promise.all([pool.run({ kind: 'slow', n: 200 }), pool.run({ kind: 'slow', n: 200 })]);
    assert.notEqual(results[0].threadId, results[1].threadId);
  });

  void test('a throwing task rejects with ERR_TASK_FAILED and the others still complete', async () => {
    const settled = await Promise.allSettled([
      pool.run({ kind: 'square', n: 3 }),
      pool.run({ kind: 'throw', n: 7 }),
      pool.run({ kind: 'square', n: 4 }),
    ]);
    assert.deepEqual(settled[0], { status: 'fulfilled', value: (settled[0] as PromiseFulfilledResult<TestResult>).value });
    assert.equal((settled[0]).value.value, 9);
    assert.equal(settled[1].status, 'rejected');
    const reason = (settled[1]).reason as unknown;
    assert.ok(isRuneBenchError(reason, 'ERR_TASK_FAILED'));
    assert.match((reason as Error).message, /bad input 7/);
    assert.equal((settled[2] as PromiseFulfilledResult<TestResult>).value.value, 16);
  });

  void test('a crashing worker rejects its task with ERR_CHILD_FAILED and is replaced', async () => {
    const before = [...pool.threadIds];
    const exits: number[] = [];
    pool.on('worker:exit', (info) => exits.push(info.threadId));
    await assert.rejects(pool.run({ kind: 'crash', n: 0 }), (e: unknown) => isRuneBenchError(e, 'ERR_CHILD_FAILED'));
    assert.equal(exits.length, 1);
    assert.equal(pool.threadIds.length, 2);
    assert.notDeepEqual(pool.threadIds, before);
    const after = await Promise.all([pool.run({ kind: 'square', n: 5 }), pool.run({ kind: 'square', n: 6 })]);
    assert.deepEqual(after.map((r) => r.value), [25, 36]);
  });

  void test('aborting a running task terminates its worker; aborting a queued one drops it', async () => {
    const controller = new AbortController();
    const running = [pool.run({ kind: 'spin', n: 0 }, { signal: controller.signal }), pool.run({ kind: 'spin', n: 0 }, { signal: controller.signal })];
    const queued = pool.run({ kind: 'square', n: 2 }, { signal: controller.signal });
    assert.equal(pool.pending, 1);
    setTimeout(() => {
      controller.abort();
    }, 100);
    const settled = await Promise.allSettled([...running, queued]);
    for (const s of settled) {
      assert.equal(s.status, 'rejected');
      assert.ok(isRuneBenchError((s).reason, 'ERR_ABORTED'));
    }
    assert.equal(pool.pending, 0);
    assert.equal((await pool.run({ kind: 'square', n: 9 })).value, 81, 'the pool works after the abort');
  });

  void test('close() rejects queued tasks and later runs', async () => {
    const own = new WorkerPool<TestTask, TestResult>({ script, size: 1 });
    const first = own.run({ kind: 'slow', n: 300 });
    const second = own.run({ kind: 'square', n: 2 });
    const settled = Promise.allSettled([first, second]);
    await own.close();
    for (const s of await settled) {
      assert.equal(s.status, 'rejected');
      assert.ok(isRuneBenchError((s).reason, 'ERR_CHILD_FAILED'));
    }
    await assert.rejects(own.run({ kind: 'square', n: 1 }), (e: unknown) => isRuneBenchError(e, 'ERR_CHILD_FAILED'));
  });

  void test('a module that cannot start fails its tasks instead of respawning forever', async () => {
    const broken = new WorkerPool({ script: new URL('./fixtures/does-not-exist.ts', import.meta.url), size: 1 });
    await assert.rejects(broken.run({}), (e: unknown) => isRuneBenchError(e, 'ERR_CHILD_FAILED'));
    await broken.close();
  });

  void test('validates its options', () => {
    assert.throws(() => new WorkerPool({ script, size: 0 }), { name: 'RangeError', message: /size option/ });
    assert.throws(() => new WorkerPool({ script: 42 as unknown as string }), { name: 'TypeError', message: /script option/ });
  });
});
