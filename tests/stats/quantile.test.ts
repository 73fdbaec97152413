// parallel-safe: pure computation on fixed inputs
// Known answers of the two quantile rules the kernel offers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, nearestRankQuantileSorted, quantile, quantileSorted, sortedCopy } from '../../src/stats/quantile.js';

const oneToTen = Array.from({ length: 10 }, (_, i) => i + 1);

void test('linear interpolation (R/numpy type 7) on 1..10', () => {
  // numpy.percentile(range(1, 11), [0, 25, 50, 90, 99, 100]) = 1, 3.25, 5.5, 9.1, 9.91, 10
  const got = [0, 0.25, 0.5, 0.9, 0.99, 1].map((q) => quantileSorted(oneToTen, q));
  const want = [1, 3.25, 5.5, 9.1, 9.91, 10];
  got.forEach((v, i) => { assert.ok(Math.abs(v - (want[i] as number)) < 1e-12, `${v} != ${want[i]}`); });
  assert.equal(quantile([10, 1, 5, 3, 7], 0.5), 5);
  assert.equal(median([2, 2, 2, 9]), 2);
  assert.deepEqual(sortedCopy([10, 9, 1]), [1, 9, 10]);
});

void test('nearest rank (R type 1) always returns an observed value, typed arrays included', () => {
  assert.deepEqual([0, 0.1, 0.5, 0.55, 0.9, 0.99, 1].map((q) => nearestRankQuantileSorted(oneToTen, q)), [1, 1, 5, 6, 9, 10, 10]);
  assert.equal(nearestRankQuantileSorted(Float64Array.from([0.5, 2.5, 4]), 0.5), 2.5);
  assert.ok(Number.isNaN(nearestRankQuantileSorted([], 0.5)));
  assert.throws(() => nearestRankQuantileSorted(oneToTen, -0.1), RangeError);
});
