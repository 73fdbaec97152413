// Location and extremes of a sample: mean, maximum and the min / mean / quantile summary the monitor reports.
import { mean as meanOf } from 'simple-statistics';
import { quantileSorted, sortedCopy } from './quantile.js';

/**
 * Summary statistics of one metric over a window.
 *
 * @public
 */
export interface MetricSummary {
  /** Number of values summarised. */
  readonly count: number;
  /** Smallest value. */
  readonly min: number;
  /** Largest value. */
  readonly max: number;
  /** Arithmetic mean. */
  readonly mean: number;
  /** Median. */
  readonly p50: number;
  /** 95th percentile. */
  readonly p95: number;
  /** 99th percentile. */
  readonly p99: number;
}

/**
 * The arithmetic mean, summed with compensation (simple-statistics' Kahan-Babuska sum), so a large
 * magnitude does not swallow small values.
 *
 * @param values - the sample
 * @returns the mean; `NaN` when `values` is empty
 * @internal
 */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : meanOf(values);
}

/**
 * The largest value.
 *
 * @param values - the sample
 * @returns the maximum; `NaN` when `values` is empty or holds a `NaN` (as `Math.max`), without `Math.max`'s
 *   limit on the number of arguments
 * @internal
 */
export function max(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let best = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (Number.isNaN(v)) return Number.NaN;
    if (v > best) best = v;
  }
  return best;
}

/**
 * Summary statistics of `values`: count, min, max, mean and the 50th, 95th and 99th percentiles (linear
 * interpolation, as `quantileSorted` in this module).
 *
 * @param values - the sample, any order
 * @returns the summary, or `undefined` when there are no values
 * @public
 */
export function summarizeValues(values: readonly number[]): MetricSummary | undefined {
  if (values.length === 0) return undefined;
  const sorted = sortedCopy(values);
  return {
    count: sorted.length,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    mean: mean(sorted),
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
  };
}
