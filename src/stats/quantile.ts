// Quantile of sorted values by linear interpolation (type 7), NaN for no values.
import { quantileSorted as quantileOfSorted } from 'simple-statistics';

/**
 * The `q` quantile (0-1) of ascending `sorted` values, interpolating linearly between neighbours (the
 * same rule as `describeSamples`' percentiles); NaN when there are no values.
 *
 * @public
 */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return quantileOfSorted([...sorted], q);
}
