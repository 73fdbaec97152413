// parallel-safe: pure computation on fixed inputs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeSamples, tCritical95 } from '../../src/stats/describe.js';

const close = (actual: number, expected: number, tol = 1e-9): void => {
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${actual} != ${expected}`);
};

// Reference: numpy mean 5, sd (ddof=1) 2.138089935299395, MAD 0.5.
void test('known answers for [2, 4, 4, 4, 5, 5, 7, 9]', () => {
  const s = describeSamples([9, 2, 4, 5, 4, 7, 4, 5], { batchSize: 1, resolution: 1e-9 });
  assert.equal(s.samples, 8);
  assert.equal(s.operations, 8);
  close(s.mean, 5);
  close(s.median, 4.5);
  assert.equal(s.min, 2);
  assert.equal(s.max, 9);
  close(s.sd, 2.138089935299395);
  close(s.mad, 0.5);
  close(s.sem, 2.138089935299395 / Math.sqrt(8));
  // seeded bootstrap (seed 1, 1000 resamples): the median's 95% interval is [4, 7], so rme = (7 - 4) / 2 / 4.5
  assert.deepEqual(s.medianCI, { lower: 4, upper: 7, level: 0.95 });
  close(s.rme, 1 / 3);
  close(s.opsPerSecond, 1 / 4.5);
  close(s.p99, 8.86); // numpy/R type 7: 7 + 0.93 * 2
  assert.equal(s.belowResolution, false);
  assert.equal('bytesPerSecond' in s, false);
});

void test('percentiles of 1..100 and throughput', () => {
  const x = Array.from({ length: 100 }, (_, i) => (i + 1) * 1e-6);
  const s = describeSamples(x, { batchSize: 10, resolution: 1e-9, bytes: 1024, items: 4 });
  close(s.median, 50.5e-6);
  // numpy.percentile (linear interpolation)
  close(s.p75, 75.25e-6);
  close(s.p90, 90.1e-6);
  close(s.p95, 95.05e-6);
  close(s.p99, 99.01e-6);
  assert.equal(s.operations, 1000);
  close(s.bytesPerSecond!, 1024 / 50.5e-6);
  close(s.itemsPerSecond!, 4 / 50.5e-6);
  assert.deepEqual(s.outliers, { lowSevere: 0, lowMild: 0, highMild: 0, highSevere: 0 });
});

void test('rme is the relative half-width of the median interval, close to the order-statistic interval', () => {
  const x = Array.from({ length: 100 }, (_, i) => (i + 1) * 1e-6);
  const s = describeSamples(x, { batchSize: 1, resolution: 1e-9 });
  close(s.rme, (s.medianCI.upper - s.medianCI.lower) / 2 / s.median);
  close(s.medianCI.lower, 40.5e-6);
  close(s.medianCI.upper, 60.0125e-6);
  close(s.rme, 0.1931930693069306);
  // distribution-free 95% interval of the median of 100 values: ranks 40 and 61, relative half-width 0.208
  assert.ok(Math.abs(s.rme - 10.5 / 50.5) < 0.02);
});

void test('a few slow outliers do not inflate rme (they would the margin of error of the mean)', () => {
  const x = [...Array.from<number>({ length: 100 }).fill(1e-6), 1e-3];
  const s = describeSamples(x, { batchSize: 10, resolution: 1e-9 });
  assert.deepEqual(s.medianCI, { lower: 1e-6, upper: 1e-6, level: 0.95 });
  assert.equal(s.rme, 0);
  assert.ok((tCritical95(100) * s.sem) / s.mean > 1.5, 'the mean-based margin would be over 150%');
  assert.equal(describeSamples([3e-6], { batchSize: 1, resolution: 0 }).rme, 0, 'one sample: no width');
});

void test('Tukey outliers are counted, not dropped', () => {
  // quartiles of the 12 values: q1 = 10, q3 = 11, IQR 1: mild above 12.5, severe above 14
  const x = [10, 10, 10, 10, 10, 10, 11, 11, 11, 11, 13, 100];
  const s = describeSamples(x, { batchSize: 1, resolution: 0 });
  assert.equal(s.outliers.highMild, 1);
  assert.equal(s.outliers.highSevere, 1);
  assert.equal(s.max, 100, 'the outlier still counts');
  close(s.mean, 217 / 12);
});

void test('a median under twice the resolution is flagged belowResolution', () => {
  const s = describeSamples([0.3e-9, 0.31e-9, 0.29e-9], { batchSize: 1_000_000, resolution: 0.25e-9 });
  assert.equal(s.belowResolution, true);
  assert.equal(s.resolution, 0.25e-9);
});

void test('t critical values and input checks', () => {
  close(tCritical95(1), 12.706);
  close(tCritical95(30), 2.042);
  close(tCritical95(1000), 1.96);
  assert.throws(() => describeSamples([], { batchSize: 1, resolution: 0 }), RangeError);
  assert.throws(() => describeSamples([1], { batchSize: 0, resolution: 0 }), /batchSize/);
});
