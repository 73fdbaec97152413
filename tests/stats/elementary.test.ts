// The elementary statistics ported from simple-statistics give bit-identical results to simple-statistics itself
// (kept as a dev dependency for this check), on random, skewed, tied and large inputs, and throw where it throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ss from 'simple-statistics';
import * as el from '../../src/stats/elementary.js';
import { createRng } from '../../src/stats/rng.js';

function samples(seed: number): number[][] {
  const random = createRng(seed);
  const out: number[][] = [[42], [1, 2], [3, 1, 2], [5, 5, 5, 5], [0.1, 0.2, 0.3, 1e9, -1e-9]];
  for (const n of [7, 8, 100, 601, 602, 1500, 10_001]) {
    out.push(Array.from({ length: n }, () => random() * 1000 - 500));
    out.push(Array.from({ length: n }, () => Math.exp(random() * 20)));
    out.push(Array.from({ length: n }, () => Math.floor(random() * 5)));
  }
  return out;
}

void test('mean, sum, sample standard deviation, median, MAD and sorted quantiles match simple-statistics exactly', () => {
  for (const x of samples(7)) {
    assert.equal(el.sum(x), ss.sum(x));
    assert.equal(el.mean(x), ss.mean(x));
    if (x.length > 1) assert.equal(el.sampleStandardDeviation(x), ss.sampleStandardDeviation(x));
    assert.equal(el.median(x), ss.median(x));
    assert.equal(el.medianAbsoluteDeviation(x), ss.medianAbsoluteDeviation(x));
    const sorted = [...x].sort((a, b) => a - b);
    for (const p of [0, 0.001, 0.25, 0.5, 0.75, 0.95, 0.99, 1]) assert.equal(el.quantileSorted(sorted, p), ss.quantileSorted(sorted, p));
  }
});

void test('median leaves its input as it was', () => {
  const x = [5, 3, 9, 1, 7, 2];
  el.median(x);
  assert.deepEqual(x, [5, 3, 9, 1, 7, 2]);
});

void test('error function, least-squares line and r² match simple-statistics exactly', () => {
  for (let z = -6; z <= 6; z += 0.0137) assert.equal(el.errorFunction(z), ss.errorFunction(z));
  const random = createRng(3);
  for (const n of [1, 2, 3, 10, 500]) {
    const points = Array.from({ length: n }, (_, i): [number, number] => [i * 0.5 + random(), 3 * i + random() * 10]);
    const line = el.linearRegression(points);
    assert.deepEqual(line, ss.linearRegression(points));
    const f = (x: number): number => line.m * x + line.b;
    assert.equal(el.rSquared(points, f), ss.rSquared(points, f));
  }
});

void test('throws where simple-statistics throws', () => {
  assert.throws(() => el.mean([]), /at least one data point/);
  assert.throws(() => el.median([]), /at least one data point/);
  assert.throws(() => el.sampleStandardDeviation([1]), /at least two data points/);
  assert.throws(() => el.quantileSorted([1, 2], 1.5), /between 0 and 1/);
  assert.equal(el.sum([]), 0);
});
