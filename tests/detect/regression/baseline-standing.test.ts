// parallel-safe: seeded samples, no timing
// A baseline that is an off run of its own history: compared with the previous stored run, a change that is the
// baseline run's (it was slow or fast, the current run is at the history's level) is inconclusive, not a verdict.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RegressionDetector } from '../../../src/detect/regression/regression-detector.js';
import { betweenRunNoiseOf } from '../../../src/detect/regression/between-run-noise.js';
import { judgeBaselineStanding } from '../../../src/detect/regression/baseline-standing.js';
import type { BetweenRunNoise } from '../../../src/detect/regression/regression-types.js';
import { logNormal, suiteResult, task } from './helpers.js';

const KEY = 'vcs/status';

/** Eight stored runs at 1 ms (2% run-to-run, 1% within), the last one (the baseline) at `baselineLevel`. */
function storedRuns(baselineLevel: number, runs = 8): number[][] {
  const levels = [1, 1.02, 0.99, 1.01, 0.98, 1.0, 1.02, 0.99].slice(0, runs - 1);
  return [...levels.map((l, i) => logNormal(100 + i, 30, 1e-3 * l, 0.01)), logNormal(200, 30, 1e-3 * baselineLevel, 0.01)];
}

async function verdictOf(runs: number[][], currentLevel: number, baselineInHistory: boolean): Promise<{ verdict: string; reason: string }> {
  const noise = new Map<string, BetweenRunNoise>([[KEY, betweenRunNoiseOf(runs, (n) => `${n} stored runs`)!]]);
  const baseline = suiteResult('vcs', [task('status', runs.at(-1)!)]);
  const current = suiteResult('vcs', [task('status', logNormal(300, 30, 1e-3 * currentLevel, 0.01))]);
  const report = await new RegressionDetector({ seed: 1 }).compare(baseline, current, { betweenRunNoise: noise, baselineInHistory });
  const c = report.comparisons[0]!;
  return { verdict: c.verdict, reason: c.reason };
}

void describe('the baseline run standing in its history (baselineInHistory)', () => {
  void test('a slow baseline run against a current run at the usual level: inconclusive, saying so; without the option, improved', async () => {
    const runs = storedRuns(1.3);
    const judged = await verdictOf(runs, 1.0, true);
    assert.equal(judged.verdict, 'inconclusive', judged.reason);
    assert.match(judged.reason, /the baseline run was \d+\.\d% slower than the median of the 7 stored runs before it/);
    assert.equal((await verdictOf(runs, 1.0, false)).verdict, 'improved');
  });

  void test('a fast baseline run makes a false regression inconclusive', async () => {
    const judged = await verdictOf(storedRuns(0.75), 1.0, true);
    assert.equal(judged.verdict, 'inconclusive', judged.reason);
    assert.match(judged.reason, /faster than the median of the 7 stored runs/);
  });

  void test('real changes keep their verdict: the current run is off the history too', async () => {
    // a usual baseline and a 20% slower current run
    assert.equal((await verdictOf(storedRuns(1.0), 1.2, true)).verdict, 'regressed');
    // a slow baseline, but the current run is 20% faster than the history as well
    assert.equal((await verdictOf(storedRuns(1.3), 0.8, true)).verdict, 'improved');
  });

  void test('fewer than three stored runs before the baseline leave the verdict alone', async () => {
    const runs = storedRuns(1.3);
    const baseline = suiteResult('vcs', [task('status', runs.at(-1)!)]);
    const current = suiteResult('vcs', [task('status', logNormal(300, 30, 1e-3, 0.01))]);
    const improved = (await new RegressionDetector({ seed: 1 }).compare(baseline, current)).comparisons[0]!;
    assert.equal(improved.verdict, 'improved');
    const noise = (before: number): BetweenRunNoise => ({
      sigma: 0.02,
      recentMedians: [...Array.from({ length: before }, () => 1e-3), improved.medians.baseline],
      runs: before + 1,
      source: 'test',
    });
    assert.equal(judgeBaselineStanding(improved, noise(2)), improved);
    assert.equal(judgeBaselineStanding(improved, noise(3)).verdict, 'inconclusive');
    assert.equal(judgeBaselineStanding(improved, undefined), improved);
  });
});
