// Quantiles and the median: linear interpolation between order statistics (R and numpy's default, type 7).
import { quantileSorted as quantileSortedOf } from 'simple-statistics';

function checkProbability(q: number): void {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be between 0 and 1, got ${q}`);
}

/**
 * The `q` quantile of values already sorted ascending, by linear interpolation between the two nearest
 * order statistics (type 7 of R and numpy: position `(n - 1) * q`). Does not sort or copy.
 *
 * @param sorted - values in ascending order
 * @param q - the probability, 0-1 (0.5 for the median, 0.95 for p95)
 * @returns the quantile; `NaN` when `sorted` is empty
 * @throws RangeError when `q` is not within 0-1
 * @internal
 */
export function quantileSorted(sorted: readonly number[], q: number): number {
  checkProbability(q);
  if (sorted.length === 0) return Number.NaN;
  return quantileSortedOf(sorted, q);
}

/**
 * The `q` quantile of `values` in any order (see {@link quantileSorted}); sorts a copy.
 *
 * @param values - the sample, any order
 * @param q - the probability, 0-1
 * @returns the quantile; `NaN` when `values` is empty
 * @throws RangeError when `q` is not within 0-1
 * @internal
 */
export function quantile(values: readonly number[], q: number): number {
  checkProbability(q);
  if (values.length === 0) return Number.NaN;
  return quantileSortedOf(sortedCopy(values), q);
}

/**
 * The median of `values` in any order: the 0.5 {@link quantile} (for an even count, the midpoint of the two
 * middle values).
 *
 * @param values - the sample, any order
 * @returns the median; `NaN` when `values` is empty
 * @internal
 */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/**
 * An ascending copy of `values` (numeric order, unlike the default `Array.prototype.sort`).
 *
 * @internal
 */
export function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/**
 * The `q` quantile of values sorted ascending by the nearest-rank rule (type 1 of R): the smallest value with
 * at least a share `q` of the values at or below it, never an interpolated value. For statistics that must be
 * one of the observed values (a file size, a depth). Takes typed arrays too.
 *
 * @param sorted - values in ascending order
 * @param q - the probability, 0-1
 * @returns the value; `NaN` when `sorted` is empty
 * @throws RangeError when `q` is not within 0-1
 * @internal
 */
export function nearestRankQuantileSorted(sorted: ArrayLike<number>, q: number): number {
  checkProbability(q);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
