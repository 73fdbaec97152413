// parallel-safe: pure computation on fixed inputs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapMedianCI, bootstrapRatioCI, medianInPlace } from '../../src/stats/bootstrap.js';
import { createRng } from '../../src/stats/rng.js';

function normalSample(n: number, seed: number, mu = 0, sigma = 1): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const u = 1 - rng();
    const v = rng();
    return mu + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  });
}

void test('median CI is deterministic for a seed and holds the sample median', () => {
  const x = normalSample(201, 3, 10, 2);
  const a = bootstrapMedianCI(x, { seed: 5 });
  const b = bootstrapMedianCI(x, { seed: 5 });
  assert.deepEqual(a, b);
  const sorted = [...x].sort((p, q) => p - q);
  const median = sorted[100]!;
  assert.ok(a.lower <= median && median <= a.upper);
  assert.equal(a.level, 0.95);
});

void test('median CI width matches theory: 2 * 1.96 * 1.2533 sigma / sqrt(n)', () => {
  const n = 1000;
  const x = normalSample(n, 11);
  const ci = bootstrapMedianCI(x, { seed: 1, resamples: 2000 });
  const expected = (2 * 1.96 * 1.2533) / Math.sqrt(n); // 0.155
  const width = ci.upper - ci.lower;
  assert.ok(width > expected * 0.7 && width < expected * 1.3, `width ${width} vs ${expected}`);
});

void test('constant and single-value samples give zero-width intervals', () => {
  assert.deepEqual(bootstrapMedianCI([4, 4, 4, 4]), { lower: 4, upper: 4, level: 0.95 });
  assert.deepEqual(bootstrapMedianCI([7], { level: 0.9 }), { lower: 7, upper: 7, level: 0.9 });
});

void test('ratio CI holds the true ratio', () => {
  const base = normalSample(300, 21, 100, 5);
  const slower = normalSample(300, 22, 110, 5);
  const ci = bootstrapRatioCI(base, slower, { seed: 2 });
  assert.ok(ci.lower < 1.1 && ci.upper > 1.1, JSON.stringify(ci));
  assert.ok(ci.lower > 1.05, 'a 10% shift with 5% noise is clearly above 1');
  const same = bootstrapRatioCI(base, base, { seed: 2 });
  assert.ok(same.lower < 1 && same.upper > 1);
});

void test('rejects empty samples and bad options', () => {
  assert.throws(() => bootstrapMedianCI([]), RangeError);
  assert.throws(() => bootstrapMedianCI([1], { resamples: 0 }), /resamples/);
  assert.throws(() => bootstrapMedianCI([1], { level: 1 }), /level/);
  assert.throws(() => bootstrapRatioCI([1], []), /current/);
});

void test('a sorted sample (counting path) gives exactly the interval of resampling and selecting', () => {
  const reference = (sample: readonly number[], seed: number): [number, number] => {
    const rng = createRng(seed);
    const n = sample.length;
    const scratch = new Float64Array(n);
    const medians = new Float64Array(200);
    for (let r = 0; r < 200; r++) {
      for (let i = 0; i < n; i++) scratch[i] = sample[Math.floor(rng() * n)]!;
      medians[r] = medianInPlace(scratch, n);
    }
    medians.sort();
    const alpha = (1 - 0.95) / 2;
    const at = (p: number): number => {
      const pos = p * (medians.length - 1);
      const lo = Math.floor(pos);
      return medians[lo]! + (medians[Math.ceil(pos)]! - medians[lo]!) * (pos - lo);
    };
    return [at(alpha), at(1 - alpha)];
  };
  const gen = createRng(7);
  for (let t = 0; t < 60; t++) {
    const n = 1 + Math.floor(gen() * 60) + (t % 10 === 0 ? 1000 : 0);
    // ties included: a third of the values are small integers
    const x = Array.from({ length: n }, () => (gen() < 0.3 ? Math.floor(gen() * 5) : gen() * 10)).sort((a, b) => a - b);
    const ci = bootstrapMedianCI(x, { seed: t, resamples: 200 });
    assert.deepEqual([ci.lower, ci.upper], reference(x, t), `n ${n}, seed ${t}`);
  }
});
