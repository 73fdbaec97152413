// parallel-safe: pure computation on fixed inputs
// pairedRatioInterval: geometric mean and t interval of per-round ratios.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairedRatioInterval } from '../../src/entry/stats.js';

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
