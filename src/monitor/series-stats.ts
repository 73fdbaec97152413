// Statistics over one metric's series: summary (quantiles) and trend (least-squares line).
import { linearRegression, quantileSorted, rSquared } from 'simple-statistics';
import type { MetricSnapshot } from '../core/snapshot.js';

/**
 * Which snapshots to look at: the last `n` milliseconds (measured back from the newest snapshot),
 * or the last `count` snapshots.
 *
 * @public
 */
export type WindowSpec = number | { readonly count: number };

/**
 * One metric over time: parallel arrays of monotonic times (seconds) and values.
 *
 * @public
 */
export interface MetricSeries {
  /** Monotonic time of each value, in seconds ({@link MetricSnapshot.monotonic}). */
  readonly times: number[];
  /** The metric's values, in its base unit. */
  readonly values: number[];
}

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
 * Direction of a metric's trend.
 *
 * @public
 */
export type TrendDirection = 'rising' | 'falling' | 'flat';

/**
 * A least-squares line through one metric's values over time.
 *
 * @public
 */
export interface MetricTrend {
  /** Change of the metric per second (its unit per second). */
  readonly slope: number;
  /** Coefficient of determination of the line, 0-1 (1: the values lie on the line). */
  readonly rSquared: number;
  /**
   * `flat` when the line's total change over the window is within the tolerance (see
   * {@link TrendOptions.tolerance}); otherwise `rising` or `falling` with the slope's sign.
   */
  readonly direction: TrendDirection;
  /** Number of values the line was fitted to. */
  readonly samples: number;
}

/**
 * Options of a trend computation.
 *
 * @public
 */
export interface TrendOptions {
  /**
   * The trend is `flat` when the fitted change across the window, in absolute value, is at most
   * `tolerance` times the mean absolute value of the metric.
   *
   * @defaultValue 0.05
   */
  readonly tolerance?: number;
}

/**
 * Validates a {@link WindowSpec}.
 *
 * @internal
 */
export function checkWindow(spec: WindowSpec): void {
  if (typeof spec === 'number') {
    if (!Number.isFinite(spec) || spec < 0) throw new RangeError('window must be a finite number of milliseconds >= 0');
    return;
  }
  if (typeof spec !== 'object' || !Number.isInteger(spec.count) || spec.count < 0) {
    throw new RangeError('window count must be an integer >= 0');
  }
}

/**
 * The snapshots of `all` (oldest first) inside `spec`.
 *
 * @internal
 */
export function selectWindow(all: readonly MetricSnapshot[], spec: WindowSpec): MetricSnapshot[] {
  checkWindow(spec);
  if (typeof spec !== 'number') return spec.count === 0 ? [] : all.slice(-spec.count);
  const newest = all.at(-1);
  if (newest === undefined) return [];
  const from = newest.monotonic - spec / 1000;
  let i = all.length;
  while (i > 0 && (all[i - 1] as MetricSnapshot).monotonic >= from) i--;
  return all.slice(i);
}

/**
 * The values of `metric` over `snapshots`; snapshots lacking it (or holding NaN) are skipped.
 *
 * @internal
 */
export function seriesOf(snapshots: Iterable<MetricSnapshot>, metric: string): MetricSeries {
  const times: number[] = [];
  const values: number[] = [];
  for (const s of snapshots) {
    const v = s.get(metric);
    if (v === undefined || Number.isNaN(v)) continue;
    times.push(s.monotonic);
    values.push(v);
  }
  return { times, values };
}

/**
 * Summary statistics of `values`, or `undefined` when there are none.
 *
 * @public
 */
export function summarizeValues(values: readonly number[]): MetricSummary | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    mean: sum / sorted.length,
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
  };
}

/**
 * Fits a least-squares line to `series`; `undefined` with fewer than two distinct times.
 *
 * @public
 */
export function trendOfSeries(series: MetricSeries, options: TrendOptions = {}): MetricTrend | undefined {
  const tolerance = options.tolerance ?? 0.05;
  if (!Number.isFinite(tolerance) || tolerance < 0) throw new RangeError('tolerance option must be a finite number >= 0');
  const { times, values } = series;
  const n = Math.min(times.length, values.length);
  if (n < 2) return undefined;
  const t0 = times[0] as number;
  const span = (times[n - 1] as number) - t0;
  if (!(span > 0)) return undefined;
  // Shift times to start at 0 so large monotonic offsets do not cost precision.
  const points: number[][] = [];
  let absSum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    points.push([(times[i] as number) - t0, v]);
    absSum += Math.abs(v);
  }
  const { m, b } = linearRegression(points);
  const slope = Number.isFinite(m) ? m : 0;
  const allEqual = values.every((v) => v === values[0]);
  const r2 = allEqual ? 1 : rSquared(points, (x) => slope * x + b);
  const change = Math.abs(slope * span);
  const meanAbs = absSum / n;
  const direction: TrendDirection = change <= tolerance * meanAbs || slope === 0 ? 'flat' : slope > 0 ? 'rising' : 'falling';
  return { slope, rSquared: Number.isFinite(r2) ? Math.max(0, Math.min(1, r2)) : 0, direction, samples: n };
}
