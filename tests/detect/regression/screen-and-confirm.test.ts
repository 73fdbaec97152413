// parallel-safe: fixed seeded samples, no timing
// The two-step verdict of the stored-baseline gate: with a re-run to come, a change is screened in by
// significance and size and kept only when the re-run reproduces it; without one, the interval must lie wholly
// past the threshold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RegressionDetector } from '../../../src/detect/regression/regression-detector.js';
import { suiteResult, task } from './helpers.js';

// 30 samples spread evenly +-4% around a level: the ratio's interval is a few percent wide
function around(level: number, offset = 0): number[] {
  return Array.from({ length: 30 }, (_, i) => level * (1 + 0.04 * Math.sin(i * 2.399 + offset)));
}
const run = (samples: readonly number[]) => suiteResult('vcs', [task('status', samples)]);
const detector = new RegressionDetector({ threshold: 0.02, seed: 7, resamples: 2000 });

/** Compares `current` with `baseline`, a re-run giving `rerun` when asked; returns the comparison and how often it was asked. */
async function withRerun(baseline: readonly number[], current: readonly number[], rerun: readonly number[]) {
  let reruns = 0;
  const report = await detector.compare(run(baseline), run(current), {
    confirm: () => {
      reruns += 1;
      return rerun;
    },
  });
  return { c: report.comparisons[0]!, reruns };
}

void test('a 3% change whose interval excludes no change but reaches inside the threshold: inconclusive on one run', async () => {
  const report = await detector.compare(run(around(100)), run(around(103, 1)));
  const c = report.comparisons[0]!;
  assert.ok(c.interval.lower > 1 && c.interval.lower < 1.02, `interval ${c.interval.lower} to ${c.interval.upper}`);
  assert.equal(c.verdict, 'inconclusive');
  assert.match(c.reason, /straddles the 2\.0% threshold/);
});

void test('the same change is screened in when a re-run will be asked, and kept when the re-run reproduces it', async () => {
  // the re-run's interval lies past no change but not past the threshold: enough to reproduce
  const { c, reruns } = await withRerun(around(100), around(103, 1), around(103, 2));
  assert.equal(reruns, 1);
  assert.equal(c.verdict, 'regressed');
  assert.equal(c.confirmation, 'confirmed');
  assert.match(c.reason, /excludes no change and the estimate \+3\.\d% lies above the 2\.0% threshold/);
  // the re-run's interval reaches inside the threshold (+0.2% at its low end): before, that undid the verdict
  assert.match(c.reason, /confirmed: the re-run's 95% interval \+0\.\d% to \+[\d.]+% shows the same change/);
});

void test('a re-run that shows no change undoes the screened verdict, and says why', async () => {
  const report = await detector.compare(run(around(100)), run(around(103, 1)), { confirm: () => around(100, 3) });
  const c = report.comparisons[0]!;
  assert.equal(c.verdict, 'inconclusive');
  assert.equal(c.confirmation, 'not-reproduced');
  assert.match(c.reason, /a re-run did not reproduce it \(the re-run's 95% interval -?[\d.]+% to \+[\d.]+% includes no change\)/);
});

void test('a re-run in the other direction does not reproduce an improvement', async () => {
  const report = await detector.compare(run(around(103)), run(around(100, 1)), { confirm: () => around(104, 2) });
  const c = report.comparisons[0]!;
  assert.equal(c.verdict, 'inconclusive');
  assert.equal(c.confirmation, 'not-reproduced');
});

void test('an estimate inside the threshold is not screened in, however significant', async () => {
  const { c, reruns } = await withRerun(around(100), around(101.5, 1), around(101.5, 2));
  assert.equal(reruns, 0);
  assert.notEqual(c.verdict, 'regressed');
});

void test('a re-run that drifted a little from the baseline does not confirm: its estimate must clear the threshold too', async () => {
  // tight runs (+-0.5%): the re-run's interval excludes no change at +1.5%, which is drift, not the +3% change
  const tight = (level: number, offset = 0) => Array.from({ length: 30 }, (_, i) => level * (1 + 0.005 * Math.sin(i * 2.399 + offset)));
  const report = await detector.compare(run(tight(100)), run(tight(103, 1)), { confirm: () => tight(101.5, 2) });
  const c = report.comparisons[0]!;
  assert.equal(c.verdict, 'inconclusive');
  assert.equal(c.confirmation, 'not-reproduced');
  assert.match(c.reason, /the re-run's 95% interval \+1\.\d% to \+1\.\d% excludes no change, but its estimate \+1\.5% lies within the 2\.0% threshold/);
});
