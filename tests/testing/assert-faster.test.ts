import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AssertionError } from 'node:assert';
import { assertFaster } from '../../src/testing/index.js';

function spin(n: number): number {
  let x = 0;
  for (let i = 0; i < n; i++) x = (x + i * 13) % 65_521;
  return x;
}

void test('passes when A is clearly faster than B', async () => {
  const c = await assertFaster(() => spin(500), () => spin(3000), { timeMs: 150, minSamples: 30 });
  assert.equal(c.verdict, 'improved');
  assert.match(c.reason, /lies wholly below the 2\.0% threshold/);
  assert.ok(c.ratio < 0.5);
});

void test('throws a readable AssertionError when A is slower, or not measurably faster', async () => {
  await assert.rejects(assertFaster(() => spin(3000), () => spin(500), { timeMs: 150, minSamples: 30 }), (e: unknown) => {
    assert.ok(e instanceof AssertionError);
    assert.match(e.message, /expected fnA to be faster than fnB, but fnA is slower than fnB: regressed: the 95% interval \+[\d.]+% to \+[\d.]+% lies wholly above the 2\.0% threshold \(q = [\d.e-]+\); ratio of medians [\d.]+/);
    return true;
  });
  const same = (): number => spin(1000);
  await assert.rejects(assertFaster(same, same, { timeMs: 120, minSamples: 30 }), /fnA is (not measurably faster than|slower than) fnB/);
});
