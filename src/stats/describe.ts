// Summary statistics of one task's per-operation times (simple-statistics underneath).
import { medianAbsoluteDeviation, sampleStandardDeviation } from 'simple-statistics';
import type { ConfidenceInterval, OutlierCounts, TaskStatistics } from '../core/results.js';
import { bootstrapMedianCI } from './bootstrap.js';
import { quantileSorted, sortedCopy } from './quantile.js';
import { mean } from './summary.js';

/**
 * Options for {@link describeSamples}.
 *
 * @public
 */
export interface DescribeOptions {
  /** Operations per sample (the calibrated batch size). */
  readonly batchSize: number;
  /**
   * Smallest per-operation time the harness can resolve, in seconds (timer granularity divided by the
   * batch size, or the cost of the harness's own loop, whichever is larger). A median under twice this
   * is flagged `belowResolution`.
   */
  readonly resolution: number;
  /** Bytes processed per operation, for `bytesPerSecond`. */
  readonly bytes?: number;
  /** Items processed per operation, for `itemsPerSecond`. */
  readonly items?: number;
  /** Heap bytes allocated per operation, when measured. */
  readonly heapBytesPerOp?: number;
  /** Seed of the bootstrap for the median's confidence interval. @defaultValue `1` */
  readonly seed?: number;
  /** Bootstrap resamples for the median's confidence interval. @defaultValue `1000` */
  readonly resamples?: number;
  /** Operations per second to report instead of `1 / median` (measured throughput with several operations in flight). */
  readonly opsPerSecond?: number;
  /** Total operations timed, when it is not `samples * batchSize` (for example merged child processes). */
  readonly operations?: number;
}

// Two-sided critical values of Student's t for 1..30 degrees of freedom, then at 40, 60 and 120, and the normal's.
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const T95_TAIL = [2.021, 2.0, 1.98, 1.96] as const;
const T80 = [
  3.078, 1.886, 1.638, 1.533, 1.476, 1.44, 1.415, 1.397, 1.383, 1.372, 1.363, 1.356, 1.35, 1.345, 1.341, 1.337, 1.333,
  1.33, 1.328, 1.325, 1.323, 1.321, 1.319, 1.318, 1.316, 1.315, 1.314, 1.313, 1.311, 1.31,
];
const T80_TAIL = [1.303, 1.296, 1.289, 1.282] as const;

/** A critical value from a table: whole `df` up to 30, linear between the tabled points beyond. */
function tabledT(df: number, table: readonly number[], tail: readonly [number, number, number, number]): number {
  if (!(df >= 1)) return Number.NaN;
  if (df <= 30) {
    const whole = Math.floor(df);
    const at = table[whole - 1] as number;
    return df === whole ? at : at + (df - whole) * ((table[whole] as number) - at);
  }
  const [t40, t60, t120, normal] = tail;
  const t30 = table[29] as number;
  if (df <= 40) return t30 - ((df - 30) / 10) * (t30 - t40);
  if (df <= 60) return t40 - ((df - 40) / 20) * (t40 - t60);
  if (df <= 120) return t60 - ((df - 60) / 60) * (t60 - t120);
  return normal;
}

/**
 * Two-sided 95% critical value of Student's t for `df` degrees of freedom. A fractional `df` (an effective
 * number, as for a noise estimated from successive differences) interpolates linearly between the whole
 * numbers around it, which errs on the wide side (the critical value falls convexly with `df`).
 *
 * @internal
 */
export function tCritical95(df: number): number {
  return tabledT(df, T95, T95_TAIL);
}

/**
 * Two-sided 80% critical value of Student's t (the 90th percentile) for `df` degrees of freedom, interpolated
 * like {@link tCritical95}.
 *
 * @internal
 */
export function tCritical80(df: number): number {
  return tabledT(df, T80, T80_TAIL);
}

/**
 * Outlier counts by Tukey's fences (1.5 and 3 interquartile ranges beyond the quartiles) of a sorted sample.
 *
 * @internal
 */
export function tukeyOutliers(sorted: readonly number[]): OutlierCounts {
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const iqr = q3 - q1;
  let lowSevere = 0;
  let lowMild = 0;
  let highMild = 0;
  let highSevere = 0;
  for (const v of sorted) {
    if (v < q1 - 3 * iqr) lowSevere++;
    else if (v < q1 - 1.5 * iqr) lowMild++;
    else if (v > q3 + 3 * iqr) highSevere++;
    else if (v > q3 + 1.5 * iqr) highMild++;
  }
  return { lowSevere, lowMild, highMild, highSevere };
}

/**
 * Relative half-width of a confidence interval around `centre`: `(upper - lower) / 2 / centre`. This is the
 * `rme` of {@link TaskStatistics}: the precision of the reported median, not of the mean. 0 when `centre` is
 * not positive or the interval has no width.
 *
 * @internal
 */
export function relativeHalfWidth(ci: ConfidenceInterval, centre: number): number {
  if (!(centre > 0)) return 0;
  const width = ci.upper - ci.lower;
  return width > 0 ? width / 2 / centre : 0;
}

/**
 * The `rme` {@link describeSamples} reports for these samples: the relative half-width of the bootstrap 95%
 * interval of their median. The runner reads it while sampling to stop at a `targetRme`.
 *
 * @param sorted - samples in ascending order
 * @internal
 */
export function medianRme(sorted: readonly number[], options: { readonly seed?: number; readonly resamples?: number } = {}): number {
  if (sorted.length < 2) return Infinity;
  const ci = bootstrapMedianCI(sorted, { seed: options.seed ?? 1, resamples: options.resamples ?? 1000 });
  return relativeHalfWidth(ci, quantileSorted(sorted, 0.5));
}

/** Share of samples left out at each end for the trimmed mean. */
const TRIM = 0.1;

/** What the bootstrap interval of one process's samples covers. */
const ONE_PROCESS = 'one process: the interval covers within-process noise only';

/**
 * Describes per-operation sample times: centre, spread, percentiles, a bootstrap interval of the median,
 * Tukey outliers (counted, never dropped) and throughput. `rme` is the relative half-width of that interval
 * of the median (the reported estimate), so a few slow outliers widen it far less than they would a margin of
 * error of the mean.
 *
 * @param perOpSeconds - one value per sample: the sample's time divided by its batch size, in seconds
 * @param options - batch size, resolution, throughput units and bootstrap settings
 * @throws RangeError when there are no samples or `batchSize` is not a positive integer
 * @public
 */
export function describeSamples(perOpSeconds: readonly number[], options: DescribeOptions): TaskStatistics {
  const n = perOpSeconds.length;
  if (n === 0) throw new RangeError('perOpSeconds must hold at least one sample');
  const { batchSize, resolution } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize option must be a positive integer');
  if (!(resolution >= 0)) throw new RangeError('resolution option must be a non-negative number');
  const sorted = sortedCopy(perOpSeconds);
  const avg = mean(sorted);
  const median = quantileSorted(sorted, 0.5);
  const sd = n > 1 ? sampleStandardDeviation(sorted) : 0;
  const sem = sd / Math.sqrt(n);
  const medianCI = bootstrapMedianCI(sorted, { seed: options.seed ?? 1, resamples: options.resamples ?? 1000 });
  const rme = relativeHalfWidth(medianCI, median);
  const cut = Math.floor(TRIM * n);
  const kept = sorted.slice(cut, n - cut);
  const opsPerSecond = options.opsPerSecond ?? (median > 0 ? 1 / median : Infinity);
  return {
    samples: n,
    operations: options.operations ?? n * batchSize,
    batchSize,
    mean: avg,
    median,
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
    p75: quantileSorted(sorted, 0.75),
    p90: quantileSorted(sorted, 0.9),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    sd,
    mad: medianAbsoluteDeviation(sorted),
    sem,
    rme,
    medianCI,
    outliers: tukeyOutliers(sorted),
    opsPerSecond,
    ...(options.bytes === undefined ? {} : { bytesPerSecond: options.bytes * opsPerSecond }),
    ...(options.items === undefined ? {} : { itemsPerSecond: options.items * opsPerSecond }),
    resolution,
    belowResolution: median < 2 * resolution,
    ...(options.heapBytesPerOp === undefined ? {} : { heapBytesPerOp: options.heapBytesPerOp }),
    trimmedMean: mean(kept),
    intervalCovers: ONE_PROCESS,
  };
}
