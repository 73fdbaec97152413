// parallel-safe: pure computation on fixed inputs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../src/stats/rng.js';

void test('createRng is deterministic per seed and differs across seeds', () => {
  const a = createRng(42);
  const b = createRng(42);
  const c = createRng(43);
  const seqA = Array.from({ length: 20 }, a);
  const seqB = Array.from({ length: 20 }, b);
  const seqC = Array.from({ length: 20 }, c);
  assert.deepEqual(seqA, seqB);
  assert.notDeepEqual(seqA, seqC);
});

void test('createRng is uniform on [0, 1)', () => {
  const rng = createRng(7);
  const n = 100_000;
  const bins = new Array<number>(10).fill(0);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = rng();
    assert.ok(v >= 0 && v < 1, `value ${v} out of range`);
    sum += v;
    bins[Math.floor(v * 10)]! += 1;
  }
  assert.ok(Math.abs(sum / n - 0.5) < 0.005, `mean ${sum / n}`);
  // chi-square with 9 degrees of freedom: 99.9% quantile is 27.9
  const expected = n / 10;
  const chi = bins.reduce((acc, o) => acc + (o - expected) ** 2 / expected, 0);
  assert.ok(chi < 27.9, `chi-square ${chi}`);
});

void test('createRng rejects a non-finite seed', () => {
  assert.throws(() => createRng(Number.NaN), TypeError);
  assert.throws(() => createRng(Infinity), /seed/);
});
