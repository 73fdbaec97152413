// parallel-safe: pure computation on fixed inputs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { thinSamples, MAX_COMPARED_SAMPLES } from '../../src/stats/thin-samples.js';

void test('small sets are returned as they are', () => {
  const small = [3, 1, 2];
  assert.equal(thinSamples(small), small);
});

void test('large sets keep evenly spaced samples in order, first and last included', () => {
  const big = Array.from({ length: 100_000 }, (_, i) => i);
  const thin = thinSamples(big);
  assert.equal(thin.length, MAX_COMPARED_SAMPLES);
  assert.equal(thin[0], 0);
  assert.equal(thin.at(-1), 99_999);
  for (let i = 1; i < thin.length; i++) assert.ok((thin[i] as number) > (thin[i - 1] as number));
  // The distribution is kept: the thinned median is the full median to within one step.
  const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
  assert.ok(Math.abs(median(thin) - median(big)) <= 100_000 / MAX_COMPARED_SAMPLES);
});

void test('a bad max is a RangeError', () => {
  assert.throws(() => thinSamples([1, 2, 3], 1), RangeError);
  assert.throws(() => thinSamples([1, 2, 3], 2.5), RangeError);
});
