// Prediction intervals: where a fresh run's estimate is expected to fall, as opposed to a confidence interval
// for the code's speed. Both runs carry their own between-run error, so their difference has twice its
// variance: an exact 95% confidence interval holds a fresh run's estimate only about 83% of the time.
import { sampleStandardDeviation } from 'simple-statistics';
import type { ConfidenceInterval } from '../core/results.js';
import { tCritical95 } from './describe.js';
import { normalQuantile, runNoise, runNoiseDegreesOfFreedom } from './pelt.js';

/**
 * The 95% interval for the merged estimate of a fresh run of the same number of processes, from this run's
 * per-process estimates: on the log scale, `centre ± t(k-1) * s * sqrt(2 / k)` (this run's mean of `k` and the
 * fresh run's each carry `s² / k`). `undefined` with fewer than two positive, finite estimates.
 *
 * @param estimates - one estimate per process (for example each process's median)
 * @param centre - where the interval is centred (the run's reported estimate)
 * @internal
 */
export function predictFromProcesses(estimates: readonly number[], centre: number): ConfidenceInterval | undefined {
  const logs = estimates.filter((v) => v > 0 && Number.isFinite(v)).map(Math.log);
  if (logs.length < 2 || !(centre > 0) || !Number.isFinite(centre)) return undefined;
  const k = logs.length;
  // the spread of the per-process estimates around their own mean; an off-centre reported estimate (the
  // median of the medians) shifts the interval, it does not narrow it
  const half = tCritical95(k - 1) * sampleStandardDeviation(logs) * Math.sqrt(2 / k);
  const c = Math.log(centre);
  return { lower: Math.exp(c - half), upper: Math.exp(c + half), level: 0.95 };
}

/**
 * Noise between runs for a prediction of where a fresh run lands: the larger of {@link runNoise} and the root mean
 * square of the first differences, leaving out the differences across `steps` (positions of changes: the first
 * run at a new level). runNoise clips the jumps of a process that lands on one of two levels run by run (an
 * allocation-heavy task, a two-speed host): with a quarter of the differences being such jumps it reads almost
 * none of them, and the fresh run lands on the other level. A prediction must cover those jumps; the steps a
 * change-point analysis found are no such jump.
 *
 * @internal
 */
export function runNoiseWithJumps(y: Float64Array, steps: readonly number[]): number {
  const robust = runNoise(y);
  const skip = new Set(steps);
  let sum = 0;
  let count = 0;
  for (let i = 1; i < y.length; i++) {
    if (skip.has(i)) continue;
    sum += ((y[i] as number) - (y[i - 1] as number)) ** 2;
    count += 1;
  }
  return count === 0 ? robust : Math.max(robust, Math.sqrt(sum / count / 2));
}

/**
 * The interval for a fresh run's estimate from one run's confidence interval and the between-run noise
 * `sigma` (standard deviation of a run's log level, for example from the results store's history): the
 * within-run half-widths and the between-run term each count twice (this run's error and the fresh run's),
 * added in quadrature on the log scale, each side separately. The between-run term is `t * sigma` with the
 * effective degrees of freedom of a noise read from the successive differences of `runs` runs
 * ({@link runNoiseDegreesOfFreedom}; 95% intervals; a few runs make a wide interval), else `z * sigma`.
 *
 * @param estimate - the run's estimate (positive, finite)
 * @param ci - its confidence interval
 * @param sigma - between-run noise per run on the log scale (0.02 = about 2%)
 * @param runs - how many runs `sigma` was estimated from, when known
 * @internal
 */
export function predictFromRunNoise(estimate: number, ci: ConfidenceInterval, sigma: number, runs?: number): ConfidenceInterval | undefined {
  if (!(estimate > 0) || !Number.isFinite(estimate) || !(sigma >= 0) || !Number.isFinite(sigma)) return undefined;
  if (!(ci.lower > 0) || !(ci.upper >= estimate) || ci.lower > estimate) return undefined;
  const z = normalQuantile(0.5 + ci.level / 2);
  const between = (runs !== undefined && runs >= 2 && ci.level === 0.95 ? tCritical95(runNoiseDegreesOfFreedom(runs)) : z) * sigma;
  return widenLogInterval(estimate, ci, Math.SQRT2 * between, Math.SQRT2);
}

/**
 * An interval around `centre` widened on the log scale: each side's half-width, times `withinScale`, added in
 * quadrature with `between`. The gate's widening by between-run noise and the prediction intervals both use it.
 *
 * @param centre - the estimate (positive)
 * @param ci - its interval
 * @param between - the half-width to add, log scale
 * @param withinScale - factor on the interval's own half-widths (`sqrt(2)` when a second run's error counts too)
 * @internal
 */
export function widenLogInterval(centre: number, ci: ConfidenceInterval, between: number, withinScale = 1): ConfidenceInterval {
  const c = Math.log(centre);
  const below = Math.hypot(withinScale * (c - Math.log(ci.lower)), between);
  const above = Math.hypot(withinScale * (Math.log(ci.upper) - c), between);
  return { lower: Math.exp(c - below), upper: Math.exp(c + above), level: ci.level };
}
