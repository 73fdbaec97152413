// parallel-safe: instruction counts, which the machine's load does not move
// Which repeated counts make a task's figure: two that agree, or the two closest of three, so one disturbed
// count moves neither the figure nor the count gate. Injected counts, no valgrind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreeingRepetitions, countsAgree, DEFAULT_COUNT_TOLERANCE } from '../../src/bench/instruments/count-repetitions.js';
import { DEFAULT_COUNT_THRESHOLD, measureCounts } from '../../src/detect/regression/count-gate.js';
import { judge } from '../../src/detect/regression/regression-gate.js';

// SHA-1 of 1 KiB, per operation: most counts near 21,090; one measured at 19,330 (a collection run at another moment)
const GOOD = 21_090;

void test('two counts agree within the tolerance and disagree beyond it', () => {
  assert.equal(DEFAULT_COUNT_TOLERANCE, 0.001);
  assert.equal(countsAgree([GOOD], DEFAULT_COUNT_TOLERANCE), true, 'one count always agrees');
  assert.equal(countsAgree([GOOD, GOOD + 15], DEFAULT_COUNT_TOLERANCE), true, '0.07% apart');
  assert.equal(countsAgree([GOOD, GOOD + 25], DEFAULT_COUNT_TOLERANCE), false, '0.12% apart');
  assert.equal(countsAgree([GOOD, 19_330], DEFAULT_COUNT_TOLERANCE), false);
  assert.equal(countsAgree([GOOD, 19_330], 0.1), true, 'a looser tolerance');
  assert.equal(countsAgree([-5, 5], 0.001), false, 'figures around zero are compared with their size, not their ratio');
});

void test('of three counts, the agreeing pair is kept wherever the outlier lies', () => {
  assert.deepEqual(agreeingRepetitions([GOOD, GOOD + 3]), [0, 1], 'two are both kept');
  assert.deepEqual(agreeingRepetitions([GOOD]), [0]);
  assert.deepEqual(agreeingRepetitions([19_330, GOOD, GOOD + 3]), [1, 2], 'low outlier first');
  assert.deepEqual(agreeingRepetitions([GOOD, 19_330, GOOD + 3]), [0, 2], 'low outlier second');
  assert.deepEqual(agreeingRepetitions([GOOD + 3, GOOD, 23_000]), [0, 1], 'high outlier third');
  // the median is always kept; of its two neighbours, the nearer (the lower one on a tie)
  assert.deepEqual(agreeingRepetitions([110, 100, 105]), [1, 2]);
  assert.deepEqual(agreeingRepetitions([100, 104, 110]), [0, 1]);
  assert.deepEqual(agreeingRepetitions([100, 106, 110]), [1, 2]);
});

const SETTINGS = { threshold: DEFAULT_COUNT_THRESHOLD, alpha: 0.05, level: 0.95, resamples: 2000, seed: 1 };
function verdict(baseline: readonly number[], current: readonly number[]): string | undefined {
  return judge([measureCounts('sha1', baseline, current)], SETTINGS)[0]?.verdict;
}
function kept(perOp: readonly number[]): number[] {
  return agreeingRepetitions(perOp).map((i) => perOp[i] ?? Number.NaN);
}

void test('with the kept pair, one outlier count raises no alarm and hides no 1% slowdown', () => {
  const outlierLow = [GOOD, 19_330, GOOD + 4];
  const outlierHigh = [GOOD, 23_000, GOOD + 4];
  const again = [GOOD + 2, GOOD - 1];
  const slower = again.map((v) => v * 1.01);
  for (const baseline of [outlierLow, outlierHigh]) {
    assert.equal(verdict(kept(baseline), again), 'unchanged', `A/A against ${baseline.join(', ')}`);
    assert.equal(verdict(again, kept(baseline)), 'unchanged', `A/A with ${baseline.join(', ')} as current`);
    assert.equal(verdict(kept(baseline), slower), 'regressed', `1% slower against ${baseline.join(', ')}`);
  }
  // the contrast: the lone first count of the outlying repetition is a false alarm, and all three counts as
  // samples widen the interval until a 1% slowdown is no longer called
  assert.equal(verdict([19_330], [again[0] ?? 0]), 'regressed');
  assert.equal(verdict(outlierHigh, slower), 'inconclusive');
});
