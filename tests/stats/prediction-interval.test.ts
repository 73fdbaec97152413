// parallel-safe: pure computation on fixed inputs
// Prediction intervals: a fresh run's estimate falls inside the previous run's interval about 95% of the time,
// where a confidence interval for the speed would hold it only about 83% of the time.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { predictFromProcesses, predictFromRunNoise } from '../../src/stats/prediction-interval.js';
import { createRng } from '../../src/stats/rng.js';
import { runNoise, runNoiseDegreesOfFreedom } from '../../src/stats/pelt.js';
import { median } from '../../src/stats/quantile.js';
import { betweenRunNoiseOf, predictAround, withPredictionIntervals } from '../../src/detect/regression/between-run-noise.js';
import { suiteResult, task, logNormal } from '../detect/regression/helpers.js';
import type { SuiteResult } from '../../src/core/results.js';

function normal(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

void describe('prediction intervals', () => {
  void test('from k processes: the median of a fresh run of k processes falls inside about 95% of the time', () => {
    const rng = createRng(11);
    const sigma = 0.05;
    const trials = 2000;
    for (const k of [3, 4, 6]) {
      let inside = 0;
      let insideCi = 0;
      for (let t = 0; t < trials; t++) {
        const run = Array.from({ length: k }, () => Math.exp(sigma * normal(rng)));
        const fresh = median(Array.from({ length: k }, () => Math.exp(sigma * normal(rng))));
        const p = predictFromProcesses(run, median(run));
        assert.ok(p !== undefined);
        if (fresh >= p.lower && fresh <= p.upper) inside += 1;
        // the confidence interval of the same run (t * s / sqrt(k)), for contrast
        const half = (p.upper / p.lower) ** (1 / 2 / Math.SQRT2);
        if (fresh >= median(run) / half && fresh <= median(run) * half) insideCi += 1;
      }
      const share = inside / trials;
      assert.ok(share >= 0.9 && share <= 0.99, `k=${k}: ${share}`);
      assert.ok(insideCi / trials < share - 0.04, `k=${k}: confidence interval ${insideCi / trials} vs prediction ${share}`);
    }
  });

  void test('from between-run noise: a fresh run with the same noise falls inside about 95% of the time', () => {
    const rng = createRng(5);
    const sigma = 0.03;
    const within = 0.005; // the standard error of one run's median, on the log scale
    const trials = 4000;
    let inside = 0;
    for (let t = 0; t < trials; t++) {
      const level = Math.exp(sigma * normal(rng));
      const estimate = level * Math.exp(within * normal(rng));
      const ci = { lower: estimate * Math.exp(-1.96 * within), upper: estimate * Math.exp(1.96 * within), level: 0.95 };
      const fresh = Math.exp(sigma * normal(rng)) * Math.exp(within * normal(rng));
      const p = predictFromRunNoise(estimate, ci, sigma);
      assert.ok(p !== undefined && p.lower < estimate && p.upper > estimate);
      if (fresh >= p.lower && fresh <= p.upper) inside += 1;
    }
    assert.ok(inside / trials >= 0.93 && inside / trials <= 0.97, `${inside / trials}`);
  });

  void test('from noise estimated on a few stored runs: a fresh run still falls inside about 95% of the time', () => {
    // The store's noise is read from successive differences of a handful of run levels: Student's t with n - 1
    // degrees of freedom made the interval too narrow (86% at 4 runs, 92% at 5); the effective degrees of
    // freedom of that estimator hold it near the nominal level.
    const rng = createRng(17);
    const sigma = 0.02;
    const trials = 6000;
    for (const [runs, least] of [[4, 0.88], [5, 0.93], [8, 0.94]] as const) {
      let inside = 0;
      for (let t = 0; t < trials; t++) {
        const levels = Float64Array.from({ length: runs + 1 }, () => sigma * normal(rng));
        const history = levels.subarray(0, runs);
        const previous = Math.exp(history[runs - 1] as number);
        const fresh = Math.exp(levels[runs] as number);
        const p = predictFromRunNoise(previous, { lower: previous, upper: previous, level: 0.95 }, runNoise(history), runs);
        assert.ok(p !== undefined);
        if (fresh >= p.lower && fresh <= p.upper) inside += 1;
      }
      assert.ok(inside / trials >= least && inside / trials <= 0.99, `${String(runs)} runs: ${String(inside / trials)}`);
    }
    assert.ok(Math.abs(runNoiseDegreesOfFreedom(4) - 18 / 8) < 1e-12);
    assert.ok(Number.isNaN(runNoiseDegreesOfFreedom(1)));
  });

  void test('a task that lands on one of two levels run by run: the store\'s interval covers the jumps', () => {
    // an allocation-heavy sort read 40-60% apart between runs in bench:gate's calibration; the robust run noise
    // clipped those jumps when most differences were small, and a fresh run on the other level fell outside
    const rng = createRng(29);
    const trials = 800;
    for (const runs of [5, 8, 14]) {
      let inside = 0;
      let insideRobust = 0;
      for (let t = 0; t < trials; t++) {
        const levels = Array.from({ length: runs + 1 }, () => 0.01 * normal(rng) + (rng() < 0.3 ? Math.log(1.5) : 0));
        const history = levels.slice(0, runs).map((l) => Array.from({ length: 15 }, () => Math.exp(l + 0.005 * normal(rng))));
        const noise = betweenRunNoiseOf(history, (n) => `${n} runs`);
        assert.ok(noise?.medianSigma !== undefined);
        const previous = median(history[runs - 1]!);
        const fresh = Math.exp(levels[runs]!);
        const ci = { lower: previous, upper: previous, level: 0.95 };
        const p = predictFromRunNoise(previous, ci, noise.medianSigma, runs)!;
        if (fresh >= p.lower && fresh <= p.upper) inside += 1;
        const robust = predictFromRunNoise(previous, ci, runNoise(Float64Array.from(history, (h) => Math.log(median(h)))), runs)!;
        if (fresh >= robust.lower && fresh <= robust.upper) insideRobust += 1;
      }
      assert.ok(inside / trials >= 0.9, `${runs} runs: ${inside / trials}`);
      assert.ok(insideRobust / trials < 0.88, `${runs} runs, robust noise alone: ${insideRobust / trials}`);
    }
  });

  void test('a run that landed off its history: the interval spans the history\'s level too, and holds the next run', () => {
    // bench:gate's calibration: a run 14% slow, then the next back at the usual level; an interval centred on the
    // slow run alone missed the return
    const rng = createRng(41);
    const history = Array.from({ length: 8 }, () => Array.from({ length: 20 }, () => 1e-3 * Math.exp(0.02 * normal(rng) + 0.003 * normal(rng))));
    const noise = betweenRunNoiseOf(history, (n) => `${n} runs`)!;
    assert.equal(noise.recentMedians?.length, 8);
    const slow = 1.14e-3;
    const ci = { lower: slow * 0.997, upper: slow * 1.003, level: 0.95 };
    const atRun = predictFromRunNoise(slow, ci, noise.medianSigma!, noise.runs)!;
    const p = predictAround(slow, ci, noise)!;
    assert.ok(atRun.lower > 1e-3, `the run-centred interval ${atRun.lower} leaves out the usual level`);
    assert.ok(p.lower < 1e-3 && p.upper >= atRun.upper, `${p.lower} to ${p.upper}`);
    // a run like its history: the two centres nearly agree, so the interval is about the run-centred one
    const usual = median(history[7]!);
    const same = predictAround(usual, { lower: usual * 0.997, upper: usual * 1.003, level: 0.95 }, noise)!;
    const sameAtRun = predictFromRunNoise(usual, { lower: usual * 0.997, upper: usual * 1.003, level: 0.95 }, noise.medianSigma!, noise.runs)!;
    assert.ok(Math.log(same.upper / same.lower) < 1.15 * Math.log(sameAtRun.upper / sameAtRun.lower));
    // only the newest level counts: after a 2x step, the runs before it are not a level to span
    const stepped = [...history.slice(0, 4), ...history.slice(4).map((r) => r.map((v) => 2 * v))];
    const afterStep = betweenRunNoiseOf(stepped, (n) => `${n} runs`)!;
    assert.ok(afterStep.recentMedians!.every((m) => m > 1.5e-3), afterStep.recentMedians!.join(' '));
  });

  void test('on histories with occasional slow runs, spanning the recent level holds the next run more often', () => {
    const rng = createRng(43);
    let spanning = 0;
    let centred = 0;
    let pairs = 0;
    for (let h = 0; h < 150; h++) {
      const levels = Array.from({ length: 12 }, () => 0.02 * normal(rng) + (rng() < 0.1 ? Math.log(1.12) : 0));
      const runs = levels.map((l) => Array.from({ length: 15 }, () => Math.exp(l + 0.005 * normal(rng))));
      for (let k = 5; k < 11; k++) {
        const noise = betweenRunNoiseOf(runs.slice(0, k), (n) => `${n} runs`)!;
        const m = median(runs[k]!);
        const ci = { lower: m * 0.998, upper: m * 1.002, level: 0.95 };
        const next = median(runs[k + 1]!);
        const a = predictFromRunNoise(m, ci, noise.medianSigma!, noise.runs)!;
        const b = predictAround(m, ci, noise)!;
        pairs += 1;
        if (next >= a.lower && next <= a.upper) centred += 1;
        if (next >= b.lower && next <= b.upper) spanning += 1;
      }
    }
    assert.ok(spanning / pairs >= 0.94, `spanning ${spanning}/${pairs}`);
    assert.ok(spanning - centred >= 0.02 * pairs, `spanning ${spanning}, centred ${centred} of ${pairs}`);
  });

  void test('no interval without the information it needs', () => {
    assert.equal(predictFromProcesses([1e-3], 1e-3), undefined);
    assert.equal(predictFromProcesses([1e-3, Number.NaN, -1], 1e-3), undefined);
    assert.equal(predictFromProcesses([1e-3, 1.1e-3], 0), undefined);
    const ci = { lower: 0.9, upper: 1.1, level: 0.95 };
    assert.equal(predictFromRunNoise(1, ci, Number.NaN), undefined);
    assert.equal(predictFromRunNoise(0, ci, 0.01), undefined);
    assert.equal(predictFromRunNoise(1.2, ci, 0.01), undefined, 'an estimate outside its own interval');
    // no between-run noise: the interval is the within-run one, counted twice
    const only = predictFromRunNoise(1, ci, 0)!;
    assert.ok(Math.abs(Math.log(only.upper) - Math.SQRT2 * Math.log(1.1)) < 1e-12);
  });

  void test('withPredictionIntervals adds the store\'s interval by benchmark key, nested suites included, and joins an isolated task\'s own with it', () => {
    const child = suiteResult('child', [task('deep', logNormal(3, 30, 2e-3, 0.01))]);
    // the processes' interval reaches further down than the store's, not as far up: the union takes each side's wider end
    const own = { lower: 0.5e-3, upper: 1.001e-3, level: 0.95, from: '3 processes' };
    const root: SuiteResult = {
      ...suiteResult('git', [task('status', logNormal(1, 30, 1e-3, 0.01)), task('log', logNormal(2, 30, 1e-3, 0.01))]),
      children: [child],
    };
    const withOwn: SuiteResult = {
      ...root,
      tasks: root.tasks.map((t) => (t.name === 'log' ? { ...t, stats: { ...t.stats!, predictionInterval: own } } : t)),
    };
    const noise = new Map([
      ['git/status', { sigma: 0.04, runs: 6, source: '6 stored runs of this benchmark on this machine' }],
      ['git/log', { sigma: 0.04, runs: 6, source: '6 stored runs' }],
      ['git/child/deep', { sigma: 0.02, runs: 5, source: '5 stored runs' }],
    ]);
    const out = withPredictionIntervals(withOwn, noise);
    const status = out.tasks[0]!.stats!;
    assert.equal(status.predictionInterval?.from, '6 stored runs of this benchmark on this machine');
    assert.ok(status.predictionInterval.lower < status.medianCI.lower && status.predictionInterval.upper > status.medianCI.upper);
    const log = out.tasks[1]!.stats!;
    const fromStore = predictFromRunNoise(log.median, log.medianCI, 0.04, 6)!;
    assert.ok(fromStore.lower > own.lower && fromStore.upper > own.upper, 'the fixture has each side wider in one interval');
    assert.deepEqual(log.predictionInterval, { lower: own.lower, upper: fromStore.upper, level: 0.95, from: '3 processes and 6 stored runs' });
    assert.equal(out.children?.[0]?.tasks[0]?.stats?.predictionInterval?.from, '5 stored runs');
    assert.equal(withPredictionIntervals(root, new Map()).tasks[0]!.stats!.predictionInterval, undefined);
  });
});
