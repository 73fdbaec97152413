// Pairwise comparison of two task results: ratio of medians, bootstrap interval, Mann-Whitney p, verdict.
import { RuneBenchError } from '../core/errors.js';
import type { ConfidenceInterval, TaskResult } from '../core/results.js';
import { bootstrapRatioCI } from '../stats/bootstrap.js';
import { mannWhitneyU } from '../stats/mann-whitney.js';

/**
 * Options of `compare()`.
 *
 * @public
 */
export interface CompareOptions {
  /** Smallest relative change that counts (0.02 = 2%): smaller effects are `same` even when significant. @defaultValue `0.02` */
  readonly threshold?: number;
  /** Significance level of the Mann-Whitney test. @defaultValue `0.05` */
  readonly alpha?: number;
  /** Seed of the bootstrap. @defaultValue `1` */
  readonly seed?: number;
  /** Bootstrap resamples. @defaultValue `1000` */
  readonly resamples?: number;
}

/**
 * What `compare()` says about `b` relative to `a`.
 * - `faster`: b takes significantly less time, by more than the threshold.
 * - `slower`: b takes significantly more time, by more than the threshold.
 * - `same`: no significant difference beyond the threshold.
 *
 * @public
 */
export type ComparisonVerdict = 'faster' | 'slower' | 'same';

/**
 * Result of `compare()`.
 *
 * @public
 */
export interface Comparison {
  /** median(b) / median(a) of the per-operation times: above 1 means b is slower. */
  readonly ratio: number;
  /** Bootstrap confidence interval of `ratio` (95%). */
  readonly ci: ConfidenceInterval;
  /** Two-sided Mann-Whitney U p-value of the two samples. */
  readonly pValue: number;
  /** Faster, slower or same (needs significance AND an effect beyond the threshold). */
  readonly verdict: ComparisonVerdict;
  /** The threshold used. */
  readonly threshold: number;
  /** The significance level used. */
  readonly alpha: number;
}

function samplesOf(result: TaskResult, which: string): readonly number[] {
  const samples = result.samples;
  if (samples === undefined || samples.length < 2) {
    throw new RuneBenchError(
      'ERR_INSUFFICIENT_DATA',
      `cannot compare: task "${result.name}" (${which}) has ${samples === undefined ? 'no kept samples (run with keepSamples)' : `only ${samples.length} sample`}`,
    );
  }
  return samples;
}

function medianOf(values: readonly number[]): number {
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Compares two task results (two tasks, or one task in two runs) using their kept samples.
 * The verdict is about `b` relative to `a`: it is `slower` or `faster` only when the Mann-Whitney p-value is
 * below `alpha`, the ratio of medians is beyond `threshold`, and the ratio's 95% bootstrap interval excludes 1.
 *
 * @param a - the baseline
 * @param b - the result compared with it
 * @param options - threshold, alpha, seed
 * @throws RuneBenchError `ERR_INSUFFICIENT_DATA` when a result has fewer than two kept samples; RangeError for bad options
 * @public
 */
export function compare(a: TaskResult, b: TaskResult, options: CompareOptions = {}): Comparison {
  const { threshold = 0.02, alpha = 0.05, seed = 1, resamples = 1000 } = options;
  if (!(threshold >= 0 && threshold < 1)) throw new RangeError('threshold option must be in [0, 1)');
  if (!(alpha > 0 && alpha < 1)) throw new RangeError('alpha option must be between 0 and 1');
  const sa = samplesOf(a, 'a');
  const sb = samplesOf(b, 'b');
  const ma = medianOf(sa);
  const mb = medianOf(sb);
  const ratio = ma === 0 ? (mb === 0 ? 1 : Infinity) : mb / ma;
  const ci = bootstrapRatioCI(sa, sb, { seed, resamples });
  const { pValue } = mannWhitneyU(sa, sb);
  let verdict: ComparisonVerdict = 'same';
  if (pValue < alpha) {
    if (ratio > 1 + threshold && ci.lower > 1) verdict = 'slower';
    else if (ratio < 1 - threshold && ci.upper < 1) verdict = 'faster';
  }
  return { ratio, ci, pValue, verdict, threshold, alpha };
}
