import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AssertionError } from 'node:assert';
import { assertPerformance } from '../../src/testing/index.js';

function busyWait(ms: number): number {
  const end = performance.now() + ms;
  let n = 0;
  while (performance.now() < end) n++;
  return n;
}

void test('passes when the limits hold and returns the task result', async () => {
  const result = await assertPerformance(() => Math.sqrt(2), { p95: '50ms', median: '10ms' }, { timeMs: 50 });
  assert.equal(result.status, 'ok');
  assert.ok(result.stats!.samples >= 20);
});

void test('throws an AssertionError with a readable message when a limit is exceeded', async () => {
  await assert.rejects(
    assertPerformance(() => busyWait(2), { median: '500us', p95: '1ms' }, { timeMs: 60, warmup: false, minSamples: 5, message: 'parser' }),
    (e: unknown) => {
      assert.ok(e instanceof AssertionError);
      assert.match(e.message, /^parser: performance limits exceeded: median [\d.]+ ms \(95% CI from [\d.]+ ms\) exceeds 500\.0 µs; p95 [\d.]+ ms exceeds 1\.000 ms/);
      return true;
    },
  );
  await assert.rejects(assertPerformance(() => busyWait(1), { opsPerSecond: 1e6 }, { timeMs: 30, minSamples: 5 }), /ops\/s is below 1000000/);
});

void test('a throwing function and an invalid limit are reported', async () => {
  await assert.rejects(
    assertPerformance(() => {
      throw new Error('broken');
    }, { p95: '1ms' }),
    /fn did not complete \(failed: broken\)/,
  );
  // @ts-expect-error not a duration
  await assert.rejects(assertPerformance(() => 1, { p95: 'soon' }), TypeError);
});
