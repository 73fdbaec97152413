// Theil-Sen robust slope: the median of pairwise slopes, with Sen's distribution-free confidence interval.
import { normalQuantile } from './pelt.js';
import { median, sortedCopy } from './quantile.js';
import { MAD_TO_SD } from './robust-spread.js';

/**
 * A Theil-Sen line `y = slope * x + intercept` with a confidence interval on the slope.
 *
 * @internal
 */
export interface TheilSenFit {
  /** Median of the pairwise slopes (change of y per unit of x). */
  readonly slope: number;
  /** Lower end of the slope's confidence interval. */
  readonly slopeLow: number;
  /** Upper end of the slope's confidence interval. */
  readonly slopeHigh: number;
  /** Median of `y - slope * x`, in the caller's x coordinates. */
  readonly intercept: number;
  /** Robust spread of the residuals around the line (MAD scaled to a standard deviation). */
  readonly residualSigma: number;
  /** Number of points fitted. */
  readonly points: number;
}

/**
 * Options of {@link theilSen}.
 *
 * @internal
 */
export interface TheilSenOptions {
  /** Two-sided confidence level of the slope interval, between 0 and 1 exclusive. @defaultValue 0.9 */
  readonly confidence?: number;
  /** Fewest points for a fit. @defaultValue 3 */
  readonly minPoints?: number;
}

/**
 * Theil-Sen line through the points `(xs[i], ys[i])`: the slope is the median of the slopes of every pair
 * with distinct x (a breakdown point of about 29%, so a few spikes do not tilt it), the interval is Sen's
 * (1968) rank interval from the Kendall statistic's variance under no ties, and the intercept is the median
 * of `y - slope * x`. Quadratic in the number of points: thin long series first.
 *
 * @param xs - x of each point (for example times in seconds)
 * @param ys - y of each point
 * @param options - `confidence`, `minPoints`
 * @returns the fit, or `undefined` with fewer than `minPoints` points or no two distinct x
 * @throws RangeError when `confidence` is not within (0, 1) or `minPoints` is not an integer of at least 2
 * @internal
 */
export function theilSen(xs: readonly number[], ys: readonly number[], options: TheilSenOptions = {}): TheilSenFit | undefined {
  const confidence = options.confidence ?? 0.9;
  const minPoints = options.minPoints ?? 3;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence option must be between 0 and 1 exclusive, got ${confidence}`);
  if (!Number.isInteger(minPoints) || minPoints < 2) throw new RangeError(`minPoints option must be an integer >= 2, got ${minPoints}`);
  const n = Math.min(xs.length, ys.length);
  if (n < minPoints) return undefined;
  const x0 = xs[0] as number;
  const slopes: number[] = [];
  for (let i = 0; i < n; i++) {
    const xi = xs[i] as number;
    const yi = ys[i] as number;
    for (let j = i + 1; j < n; j++) {
      const dx = (xs[j] as number) - xi;
      if (dx !== 0) slopes.push(((ys[j] as number) - yi) / dx);
    }
  }
  if (slopes.length === 0) return undefined;
  const sorted = sortedCopy(slopes);
  const slope = median(sorted);
  const count = sorted.length;
  const z = normalQuantile(0.5 + confidence / 2);
  const c = z * Math.sqrt((n * (n - 1) * (2 * n + 5)) / 18);
  const lowRank = Math.floor((count - c) / 2);
  const highRank = Math.ceil((count + c) / 2);
  const slopeLow = lowRank >= 1 ? (sorted[lowRank - 1] as number) : Number.NEGATIVE_INFINITY;
  const slopeHigh = highRank <= count - 1 ? (sorted[highRank] as number) : Number.POSITIVE_INFINITY;
  const offsets: number[] = [];
  for (let i = 0; i < n; i++) offsets.push((ys[i] as number) - slope * ((xs[i] as number) - x0));
  const shifted = median(offsets);
  const residuals = offsets.map((o) => Math.abs(o - shifted));
  return {
    slope,
    slopeLow,
    slopeHigh,
    intercept: shifted - slope * x0,
    residualSigma: MAD_TO_SD * median(residuals),
    points: n,
  };
}
