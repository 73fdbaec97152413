// Seeded percentile bootstrap for the median and for the ratio of two medians.
import type { ConfidenceInterval } from '../core/results.js';
import { quantileSorted } from './quantile.js';
import { createRng } from './rng.js';

/**
 * Options for {@link bootstrapMedianCI} and {@link bootstrapRatioCI}.
 *
 * @public
 */
export interface BootstrapOptions {
  /** Number of bootstrap resamples. @defaultValue `1000` */
  readonly resamples?: number;
  /** Confidence level, between 0 and 1 exclusive. @defaultValue `0.95` */
  readonly level?: number;
  /** Seed of the resampling generator. @defaultValue `1` */
  readonly seed?: number;
}

interface Resolved {
  resamples: number;
  level: number;
  seed: number;
}

function resolve(options: BootstrapOptions): Resolved {
  const { resamples = 1000, level = 0.95, seed = 1 } = options;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError('resamples option must be a positive integer');
  if (!(level > 0 && level < 1)) throw new RangeError('level option must be between 0 and 1 (exclusive)');
  if (!Number.isFinite(seed)) throw new TypeError('seed option must be a finite number');
  return { resamples, level, seed };
}

/** k-th smallest (0-based) of `x[0..n)` in place, Hoare quickselect. */
function select(x: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const pivot = x[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((x[i] as number) < pivot) i++;
      while ((x[j] as number) > pivot) j--;
      if (i <= j) {
        const t = x[i] as number;
        x[i] = x[j] as number;
        x[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return x[k] as number;
  }
  return x[k] as number;
}

/** Median of `x[0..n)`, reordering `x`. @internal */
export function medianInPlace(x: Float64Array, n: number): number {
  const half = n >>> 1;
  const upper = select(x, n, half);
  if (n % 2 === 1) return upper;
  let lower = -Infinity;
  for (let i = 0; i < half; i++) if ((x[i] as number) > lower) lower = x[i] as number;
  return (lower + upper) / 2;
}

/**
 * Median of a resample of an ascending `sorted` sample, from how often each index was drawn: the same draws and
 * the same value as {@link resampledMedian}, in O(n) without moving or comparing values.
 */
function resampledMedianSorted(sorted: readonly number[], counts: Uint32Array, rng: () => number): number {
  const n = sorted.length;
  counts.fill(0);
  for (let i = 0; i < n; i++) (counts[Math.floor(rng() * n)] as number)++;
  const half = n >>> 1;
  // 0-based ranks: `half` (the upper median), and `half - 1` too when n is even
  const wantLower = n % 2 === 0 ? half : half + 1; // values at ranks below this many are below the lower median
  let cum = 0;
  let j = 0;
  while ((cum += counts[j] as number) < wantLower) j++;
  const lower = sorted[j] as number;
  if (n % 2 === 1) return lower;
  while (cum < half + 1) cum += counts[++j] as number;
  return (lower + (sorted[j] as number)) / 2;
}

function isAscending(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if ((values[i] as number) < (values[i - 1] as number)) return false;
  return true;
}

function resampledMedian(sample: readonly number[], scratch: Float64Array, rng: () => number): number {
  const n = sample.length;
  for (let i = 0; i < n; i++) scratch[i] = sample[Math.floor(rng() * n)] as number;
  return medianInPlace(scratch, n);
}

function percentileInterval(values: Float64Array, level: number): ConfidenceInterval {
  const sorted = Array.from(Float64Array.from(values).sort());
  const alpha = (1 - level) / 2;
  return { lower: quantileSorted(sorted, alpha), upper: quantileSorted(sorted, 1 - alpha), level };
}

function checkSample(sample: readonly number[], what: string): void {
  if (sample.length === 0) throw new RangeError(`${what} must not be empty`);
}

/**
 * Percentile-bootstrap confidence interval of the median of `sample`. Deterministic for a given seed.
 *
 * @param sample - the values (at least one)
 * @param options - resamples, level and seed
 * @returns the interval; a one-value sample gives a zero-width interval
 * @throws RangeError when `sample` is empty or an option is out of range
 * @public
 */
export function bootstrapMedianCI(sample: readonly number[], options: BootstrapOptions = {}): ConfidenceInterval {
  const { resamples, level, seed } = resolve(options);
  checkSample(sample, 'sample');
  const rng = createRng(seed);
  const medians = new Float64Array(resamples);
  if (isAscending(sample)) {
    const counts = new Uint32Array(sample.length);
    for (let r = 0; r < resamples; r++) medians[r] = resampledMedianSorted(sample, counts, rng);
  } else {
    const scratch = new Float64Array(sample.length);
    for (let r = 0; r < resamples; r++) medians[r] = resampledMedian(sample, scratch, rng);
  }
  return percentileInterval(medians, level);
}

/**
 * Percentile-bootstrap confidence interval of the ratio of medians `median(current) / median(baseline)`,
 * resampling both samples independently. A ratio above 1 means `current` takes longer.
 *
 * @param baseline - the reference sample (at least one value, median non-zero)
 * @param current - the sample compared with it
 * @param options - resamples, level and seed
 * @throws RangeError when a sample is empty or an option is out of range
 * @public
 */
export function bootstrapRatioCI(
  baseline: readonly number[],
  current: readonly number[],
  options: BootstrapOptions = {},
): ConfidenceInterval {
  const { resamples, level, seed } = resolve(options);
  checkSample(baseline, 'baseline');
  checkSample(current, 'current');
  const rng = createRng(seed);
  const scratchA = new Float64Array(baseline.length);
  const scratchB = new Float64Array(current.length);
  const ratios = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    const base = resampledMedian(baseline, scratchA, rng);
    const cur = resampledMedian(current, scratchB, rng);
    ratios[r] = base === 0 ? (cur === 0 ? 1 : Infinity) : cur / base;
  }
  return percentileInterval(ratios, level);
}
