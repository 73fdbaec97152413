// parallel-safe: pure computation on fixed inputs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { theilSen } from '../../src/stats/theil-sen.js';
import { linearFit } from '../../src/stats/linear-fit.js';
import { createRng } from '../../src/stats/rng.js';

void test('theilSen: a straight line gives its slope and intercept, with a zero-width interval', () => {
  const xs = [10, 11, 12, 13, 14, 15, 16, 17];
  const ys = xs.map((x) => 3 * x - 7);
  const fit = theilSen(xs, ys);
  assert.ok(fit !== undefined);
  assert.equal(fit.slope, 3);
  assert.equal(fit.slopeLow, 3);
  assert.equal(fit.slopeHigh, 3);
  assert.ok(Math.abs(fit.intercept - -7) < 1e-9);
  assert.equal(fit.residualSigma, 0);
  assert.equal(fit.points, 8);
});

void test('theilSen: two wild points do not tilt the slope, unlike least squares', () => {
  const xs = Array.from({ length: 20 }, (_, i) => i);
  const ys = xs.map((x) => 2 * x);
  ys[18] = 500;
  ys[19] = 520;
  const robust = theilSen(xs, ys);
  const ols = linearFit(xs, ys);
  assert.ok(robust !== undefined && ols !== undefined);
  assert.ok(Math.abs(robust.slope - 2) < 0.01, `robust slope ${robust.slope}`);
  assert.ok(ols.slope > 5, `least squares slope ${ols.slope}`);
});

void test('theilSen: the 90% slope interval holds the true slope in most seeded noisy series', () => {
  let inside = 0;
  const runs = 200;
  for (let seed = 1; seed <= runs; seed++) {
    const rng = createRng(seed);
    const xs = Array.from({ length: 30 }, (_, i) => i);
    const ys = xs.map((x) => 0.5 * x + (rng() - 0.5) * 10);
    const fit = theilSen(xs, ys, { confidence: 0.9 });
    assert.ok(fit !== undefined);
    assert.ok(fit.slopeLow <= fit.slope && fit.slope <= fit.slopeHigh);
    if (fit.slopeLow <= 0.5 && 0.5 <= fit.slopeHigh) inside++;
  }
  assert.ok(inside / runs >= 0.84 && inside / runs <= 0.97, `coverage ${inside / runs}`);
});

void test('theilSen: too few points or one x give undefined; bad options throw RangeError', () => {
  assert.equal(theilSen([1, 2], [1, 2]), undefined);
  assert.equal(theilSen([1, 1, 1], [1, 2, 3]), undefined);
  assert.throws(() => theilSen([1, 2, 3], [1, 2, 3], { confidence: 1 }), RangeError);
  assert.throws(() => theilSen([1, 2, 3], [1, 2, 3], { minPoints: 1 }), RangeError);
});
