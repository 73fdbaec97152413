// parallel-safe: pure computation on fixed inputs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mannWhitneyU } from '../../src/stats/mann-whitney.js';

// Reference values from scipy.stats.mannwhitneyu(a, b, method='asymptotic', use_continuity=True).
void test('fully separated samples: U = 0, p = 0.012186', () => {
  const r = mannWhitneyU([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
  assert.equal(r.u, 0);
  assert.ok(r.z < 0);
  assert.ok(Math.abs(r.pValue - 0.012185780355344813) < 1e-6, String(r.pValue));
});

void test('tie-corrected: U = 11.5, p = 0.060525', () => {
  const r = mannWhitneyU([1, 2, 2, 3, 3, 3, 7], [2, 3, 4, 4, 5, 6, 8, 9]);
  assert.equal(r.u, 11.5);
  assert.ok(Math.abs(r.pValue - 0.06052514870791007) < 1e-6, String(r.pValue));
});

void test('symmetric in its arguments and p = 1 when all values tie', () => {
  const a = [3, 1, 4, 1, 5, 9, 2, 6];
  const b = [2, 7, 1, 8, 2, 8, 1, 8];
  const ab = mannWhitneyU(a, b);
  const ba = mannWhitneyU(b, a);
  assert.ok(Math.abs(ab.pValue - ba.pValue) < 1e-12);
  assert.equal(ab.u + ba.u, a.length * b.length);
  assert.equal(mannWhitneyU([5, 5, 5], [5, 5, 5]).pValue, 1);
  assert.equal(mannWhitneyU([], [1]).pValue, 1);
});
