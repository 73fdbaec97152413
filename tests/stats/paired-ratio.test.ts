// parallel-safe: pure computation on fixed inputs
// pairedRatioInterval: geometric mean and t interval of per-round ratios.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairedRatioInterval } from '../../src/entry/stats.js';
import { pairedRatioIntervalAt } from '../../src/stats/paired-ratio.js';
import { tCritical80, tCritical95 } from '../../src/stats/describe.js';

void test('the centre is the geometric mean and the interval is symmetric on the log scale', () => {
  const e = pairedRatioInterval([2, 0.5, 1, 1]);
  assert.ok(Math.abs(e.ratio - 1) < 1e-12);
  assert.ok(Math.abs(e.ci.lower * e.ci.upper - 1) < 1e-12);
  assert.ok(e.ci.lower < 1 && e.ci.upper > 1);
  assert.equal(e.rounds, 4);
  // sd of logs [ln2, -ln2, 0, 0] is ln2*sqrt(2/3); t(3) = 3.182
  const half = (3.182 * Math.LN2 * Math.sqrt(2 / 3)) / 2;
  assert.ok(Math.abs(Math.log(e.ci.upper) - half) < 1e-9);
});

void test('identical ratios give a zero-width interval; one ratio gives none', () => {
  const e = pairedRatioInterval([1.1, 1.1, 1.1]);
  assert.ok(Math.abs(e.ci.lower - 1.1) < 1e-12 && Math.abs(e.ci.upper - 1.1) < 1e-12);
  assert.ok(Number.isNaN(pairedRatioInterval([1.1]).ci.lower));
});

void test('bad input is refused', () => {
  assert.throws(() => pairedRatioInterval([]), /at least one ratio/);
  assert.throws(() => pairedRatioInterval([1, 0]), /positive and finite/);
  assert.throws(() => pairedRatioInterval([1, Number.POSITIVE_INFINITY]), /positive and finite/);
});

void test('the 80% interval of the likely-change screen: the same centre, t at the 90th percentile', () => {
  const ratios = [1.0, 1.16, 0.98, 1.12, 1.02, 1.08];
  const at95 = pairedRatioInterval(ratios);
  const at80 = pairedRatioIntervalAt(ratios, 0.8);
  assert.equal(at80.ratio, at95.ratio);
  assert.equal(at80.ci.level, 0.8);
  // half-widths on the log scale scale with the critical values: t(5) = 1.476 at 80%, 2.571 at 95%
  const half = (ci: { lower: number; upper: number }) => Math.log(ci.upper / ci.lower) / 2;
  assert.ok(Math.abs(half(at80.ci) / half(at95.ci) - 1.476 / 2.571) < 1e-9);
  assert.equal(tCritical80(5), 1.476);
  assert.equal(tCritical80(1e6), 1.282);
  assert.ok(tCritical80(35) < tCritical80(30) && tCritical80(35) > tCritical80(40));
  assert.equal(tCritical95(5), 2.571);
  assert.equal(tCritical95(1e6), 1.96);
});
