import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeSamples, tCritical95 } from '../../src/bench/stats/describe.js';

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
  close(s.rme, (2.365 * (2.138089935299395 / Math.sqrt(8))) / 5); // t(7) = 2.365
  close(s.opsPerSecond, 1 / 4.5);
  close(s.p99, 8.86); // numpy/R type 7: 7 + 0.93 * 2
  assert.ok(s.medianCI.lower <= 4.5 && s.medianCI.upper >= 4.5);
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
