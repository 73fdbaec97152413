// The interval of a ratio measured in paired rounds: a Student t interval on the log-ratios, back-transformed.
import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { ConfidenceInterval } from '../core/results.js';
import { tCritical80, tCritical95 } from './describe.js';

/**
 * A central ratio and its 95% interval from paired per-round ratios.
 *
 * @public
 */
export interface PairedRatioEstimate {
  /** Geometric mean of the ratios (the back-transformed mean log-ratio). */
  readonly ratio: number;
  /** 95% Student t interval of the geometric mean (on the log scale, back-transformed); `NaN` bounds with fewer than two ratios. */
  readonly ci: ConfidenceInterval;
  /** Number of ratios used. */
  readonly rounds: number;
}

/**
 * Estimates a ratio from paired rounds: each round measured both sides in the same time window and gave one
 * ratio (current / baseline), so whatever the machine did during a round hit both sides and cancels in the
 * ratio. The rounds are the unit of analysis: the interval is the 95% t interval of the mean log-ratio over
 * rounds, back-transformed, so it covers the spread between rounds (between processes and over time).
 *
 * @param ratios - one positive, finite ratio per round
 * @throws RangeError when `ratios` is empty or holds a value that is not positive and finite
 * @public
 */
export function pairedRatioInterval(ratios: readonly number[]): PairedRatioEstimate {
  return pairedRatioIntervalAt(ratios, 0.95);
}

/**
 * {@link pairedRatioInterval} at another level: 0.8 for the likely-change screen of a same-window comparison
 * (is it worth more rounds), 0.95 for its verdict.
 *
 * @throws RangeError as {@link pairedRatioInterval} does
 * @internal
 */
export function pairedRatioIntervalAt(ratios: readonly number[], level: 0.8 | 0.95): PairedRatioEstimate {
  if (ratios.length === 0) throw new RangeError('ratios must hold at least one ratio');
  for (const r of ratios) {
    if (!(r > 0) || !Number.isFinite(r)) throw new RangeError(`ratios must be positive and finite, got ${r}`);
  }
  const logs = ratios.map((r) => Math.log(r));
  const centre = mean(logs);
  const n = logs.length;
  if (n < 2) return { ratio: Math.exp(centre), ci: { lower: Number.NaN, upper: Number.NaN, level }, rounds: n };
  const critical = level === 0.8 ? tCritical80(n - 1) : tCritical95(n - 1);
  const half = (critical * sampleStandardDeviation(logs)) / Math.sqrt(n);
  return { ratio: Math.exp(centre), ci: { lower: Math.exp(centre - half), upper: Math.exp(centre + half), level }, rounds: n };
}
