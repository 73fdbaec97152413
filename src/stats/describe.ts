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

// Two-sided 95% critical values of Student's t for 1..30 degrees of freedom.
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * Two-sided 95% critical value of Student's t for `df` degrees of freedom. A fractional `df` (an effective
 * number, as for a noise estimated from successive differences) interpolates linearly between the whole
 * numbers around it, which errs on the wide side (the critical value falls convexly with `df`).
 *
 * @internal
 */
export function tCritical95(df: number): number {
  if (!(df >= 1)) return Number.NaN;
  if (df <= 30) {
    const whole = Math.floor(df);
    const at = T95[whole - 1] as number;
    return df === whole ? at : at + (df - whole) * ((T95[whole] as number) - at);
  }
  if (df <= 40) return 2.042 - ((df - 30) / 10) * (2.042 - 2.021);
  if (df <= 60) return 2.021 - ((df - 40) / 20) * (2.021 - 2.0);
  if (df <= 120) return 2.0 - ((df - 60) / 60) * (2.0 - 1.98);
  return 1.96;
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
