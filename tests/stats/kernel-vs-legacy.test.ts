// parallel-safe: pure computation on fixed inputs
// The stats kernel gives the same figures as the private statistics it replaced, on fixed inputs and edge cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, quantile, quantileSorted } from '../../src/stats/quantile.js';
import { max, mean, summarizeValues } from '../../src/stats/summary.js';
import { linearFit } from '../../src/stats/linear-fit.js';
import { madSigma } from '../../src/stats/robust-spread.js';
import { rangeLevels } from '../../src/stats/range-levels.js';
import { createRng } from '../../src/stats/rng.js';
import { sparkline } from '../../src/cli/sparkline.js';
import * as legacy from './legacy-statistics.js';

const rng = createRng(7);
const noisy = Array.from({ length: 57 }, () => 100 + 20 * rng());
const samples: readonly (readonly number[])[] = [
  [42],
  [3, 1],
  [5, 5, 5, 5],
  [9, 2, 4, 5, 4, 7, 4, 5],
  [-3.5, 0, 2.25, -0, 1e-9, 7],
  [1e12 + 1, 1e12 + 3, 1e12 + 2],
  noisy,
];
const probabilities = [0, 0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1];

const close = (actual: number, expected: number, tol: number, what: string): void => {
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${what}: ${actual} != ${expected}`);
};

void test('quantile equals the bottleneck rules\' and the formatters\' linear interpolation, bit for bit', () => {
  for (const values of samples) {
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of probabilities) {
      assert.equal(quantile(values, q), legacy.bottleneckQuantile(values, q), `quantile ${q} of ${values.join(',')}`);
      assert.equal(quantileSorted(sorted, q), legacy.formatQuantileSorted(sorted, q), `quantileSorted ${q} of ${values.join(',')}`);
    }
  }
  assert.ok(Number.isNaN(quantile([], 0.5)));
  assert.ok(Number.isNaN(quantileSorted([], 0.5)));
  assert.throws(() => quantile([1, 2], 1.5), RangeError);
  assert.throws(() => quantileSorted([1, 2], Number.NaN), RangeError);
});

void test('quantile does not reorder its input', () => {
  const values = [3, 1, 2];
  quantile(values, 0.5);
  assert.deepEqual(values, [3, 1, 2]);
});

void test('median matches the regression detectors\' midpoint median (to the last bit or so)', () => {
  for (const values of samples) close(median(values), legacy.regressionMedian(values), 1e-15, `median of ${values.join(',')}`);
  assert.equal(median([4, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
});

void test('mean agrees with the old running sums and is exact where they cancelled', () => {
  for (const values of samples) close(mean(values), legacy.bottleneckMean(values), 1e-14, `mean of ${values.join(',')}`);
  assert.ok(Number.isNaN(mean([])));
  // the old plain sum lost the 1 entirely (1e16 + 1 rounds to 1e16); the compensated sum keeps it
  assert.equal(legacy.bottleneckMean([1e16, 1, -1e16]), 0);
  assert.equal(mean([1e16, 1, -1e16]), 1 / 3);
});

void test('max equals Math.max, NaN included, and takes more values than Math.max can', () => {
  for (const values of samples) assert.equal(max(values), legacy.bottleneckMaxOf(values));
  assert.ok(Number.isNaN(max([])));
  assert.ok(Number.isNaN(max([1, Number.NaN, 3])));
  assert.equal(max([-Infinity, -5]), -5);
  const many = Array.from({ length: 300_000 }, (_, i) => i % 1000);
  assert.throws(() => legacy.bottleneckMaxOf(many), RangeError);
  assert.equal(max(many), 999);
});

void test('summarizeValues gives the monitor\'s old summary: same quantiles, same extremes, mean to rounding', () => {
  for (const values of samples) {
    const now = summarizeValues(values);
    const then = legacy.seriesSummarizeValues(values);
    assert.ok(now !== undefined && then !== undefined);
    assert.deepEqual({ ...now, mean: 0 }, { ...then, mean: 0 });
    close(now.mean, then.mean, 1e-14, 'summary mean');
  }
  assert.equal(summarizeValues([]), undefined);
});

void test('linearFit with minPoints 3 is the bottleneck rules\' fitLine, bit for bit', () => {
  const cases: [number[], number[]][] = [
    [[10, 11, 12, 13], [5, 7, 9, 11]],
    [[1000.5, 1001, 1001.5, 1002, 1002.5], [3, 9, 4, 12, 8]],
    [[0, 1, 2], [4, 4, 4]],
    [[0, 0, 0], [1, 2, 3]],
    [[0, 1], [1, 2]],
    [noisy.map((_, i) => 5e4 + 0.25 * i), noisy],
  ];
  for (const [xs, ys] of cases) {
    const then = legacy.bottleneckFitLine(xs, ys);
    const now = linearFit(xs, ys, { minPoints: 3 });
    if (then === undefined) {
      assert.equal(now, undefined, `fit of ${xs.join(',')}`);
      continue;
    }
    assert.ok(now !== undefined);
    assert.deepEqual({ slope: now.slope, intercept: now.intercept, rSquared: now.rSquared }, then);
    assert.equal(now.points, xs.length);
  }
});

void test('linearFit is the monitor trend\'s fit, bit for bit, and has its edge cases', () => {
  const cases: [number[], number[]][] = [
    [[0, 0.5, 1, 1.5], [10, 12, 14, 16]],
    [[7, 8], [1, 2]],
    [[1, 1], [1, 2]],
    [[3], [1]],
    [[0, 1, 2, 3, 4], [0, 0, 0, 0, 0]],
    [[0, 1, 2, 3], [100.5, 99.5, 100.5, 99.5]],
    [noisy.map((_, i) => 123_456 + i), noisy],
  ];
  for (const [xs, ys] of cases) {
    const then = legacy.seriesTrendFit(xs, ys);
    const now = linearFit(xs, ys);
    if (then === undefined) {
      assert.equal(now, undefined);
      continue;
    }
    assert.ok(now !== undefined);
    assert.deepEqual({ slope: now.slope, rSquared: now.rSquared, samples: now.points }, then);
  }
});

void test('linearFit slopes agree with the live watcher\'s and the charts\' unshifted fits', () => {
  const xs = noisy.map((_, i) => 86_400 + 0.5 * i);
  const now = linearFit(xs, noisy);
  assert.ok(now !== undefined);
  close(now.slope, legacy.liveSlopeOf(xs, noisy), 1e-9, 'slope vs live');
  const chart = legacy.formatLinearFit(xs, noisy);
  assert.ok(chart !== undefined);
  close(now.slope, chart.slope, 1e-9, 'slope vs chart');
  close(now.intercept, chart.intercept, 1e-9, 'intercept vs chart');
  // where the live watcher returned slope 0 (no time spread), the kernel has no line
  assert.equal(legacy.liveSlopeOf([5, 5, 5], [1, 2, 3]), 0);
  assert.equal(linearFit([5, 5, 5], [1, 2, 3]), undefined);
  assert.equal(legacy.formatLinearFit([5, 5], [1, 2]), undefined);
});

void test('linearFit never reports a NaN r²', () => {
  const fit = linearFit([0, 1, 2], [1, Infinity, 3]);
  assert.ok(fit !== undefined);
  assert.equal(fit.rSquared, 0);
  assert.throws(() => linearFit([0, 1], [0, 1], { minPoints: 1 }), RangeError);
});

void test('madSigma is 1.4826 times the median absolute deviation', () => {
  for (const values of samples) {
    const centre = legacy.regressionMedian(values);
    close(madSigma(values), 1.4826 * legacy.regressionMedian(values.map((v) => Math.abs(v - centre))), 1e-14, 'madSigma');
  }
  assert.equal(madSigma([2, 2, 2]), 0);
  assert.ok(Number.isNaN(madSigma([])));
});

void test('the dashboard sparkline draws what it drew before', () => {
  const series: readonly (readonly number[])[] = [[], [1], [3, 3, 3], [0.1, 0.5, Number.NaN, 0.9, 0.2], [Number.NaN, Number.NaN], noisy];
  for (const values of series) {
    for (const width of [1, 3, 8, 80]) {
      assert.equal(sparkline(values, width), legacy.cliSparkline(values, width), `width ${width} of ${values.join(',')}`);
      assert.equal(sparkline(values, width, 0), legacy.cliSparkline(values, width, 0));
    }
  }
});

void test('rangeLevels with flatLevel 3 gives the trends table\'s sparkline', () => {
  const blocks = '▁▂▃▄▅▆▇█';
  const table = (values: readonly number[], width = 24): string => {
    const finite = values.filter(Number.isFinite).slice(-width);
    return rangeLevels(finite, 8, { flatLevel: 3 })
      .map((l) => blocks[l ?? 0])
      .join('');
  };
  for (const values of [[], [2], [2, 2], [1, 5, 3, Number.NaN, 9], noisy]) assert.equal(table(values), legacy.tableSparkline(values));
  assert.throws(() => rangeLevels([1], 0), RangeError);
  assert.throws(() => rangeLevels([1], 8, { flatLevel: 8 }), RangeError);
  assert.deepEqual(rangeLevels([0, 5, 10, Infinity], 2), [0, 1, 1, undefined]);
});
