// One metric's series over a window of snapshots: the one window selection (the history's, also used by the
// bottleneck detector) and the trend (a least-squares line from the stats kernel, with a flat tolerance).
import { validateOptions } from '../core/options.js';
import type { MetricName } from '../core/metric-names.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import { linearFit } from '../stats/linear-fit.js';
import { mean } from '../stats/summary.js';

export { summarizeValues, type MetricSummary } from '../stats/summary.js';

/**
 * Which snapshots to look at, counted back from the newest: the last `windowMs` milliseconds of monotonic time
 * (the newest snapshot and every one at most that much older), or the last `lastSamples` snapshots.
 *
 * @example
 * ```ts
 * monitor.summary('process.cpu.utilization', { windowMs: 30_000 });
 * monitor.window({ lastSamples: 10 });
 * ```
 *
 * @public
 */
export type WindowSpec = { readonly windowMs: number; readonly lastSamples?: never } | { readonly lastSamples: number; readonly windowMs?: never };

/**
 * One metric over time: parallel arrays of monotonic times (seconds) and values.
 *
 * @public
 */
export interface MetricSeries {
  /** Monotonic time of each value, in seconds (`MetricSnapshot.monotonic`). */
  readonly times: number[];
  /** The metric's values, in its base unit. */
  readonly values: number[];
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

const WINDOW_RULES = {
  windowMs: { kind: 'number', min: 0 },
  lastSamples: { kind: 'number', min: 0, integer: true },
} as const;

/**
 * Validates a {@link WindowSpec}: an object with exactly one of `windowMs` (finite, >= 0) and `lastSamples`
 * (an integer >= 0).
 *
 * @throws TypeError when `spec` is not such an object (a bare number, which used to mean milliseconds,
 *   included) or an unknown key is present; RangeError when a value is out of range
 * @internal
 */
export function checkWindow(spec: WindowSpec): void {
  const option = 'window';
  const given: unknown = spec;
  if (typeof given === 'number') {
    throw new TypeError(`${option} must be { windowMs } or { lastSamples }, got the bare number ${String(given)} (write { windowMs: ${String(given)} } for milliseconds)`);
  }
  if (typeof given !== 'object' || given === null) throw new TypeError(`${option} must be { windowMs } or { lastSamples }`);
  validateOptions(spec, WINDOW_RULES, option);
  const keys = Object.keys(spec).filter((k) => (spec as Readonly<Record<string, unknown>>)[k] !== undefined);
  if (keys.length !== 1) throw new TypeError(`${option} must give exactly one of windowMs and lastSamples, got ${keys.length === 0 ? 'neither' : 'both'}`);
}

/**
 * The snapshots of `all` (oldest first) inside `spec`: the one window selection, used by
 * `MetricHistory.window` and the bottleneck detector alike.
 *
 * @throws as {@link checkWindow}
 * @internal
 */
export function selectWindow(all: readonly MetricSnapshot[], spec: WindowSpec): MetricSnapshot[] {
  checkWindow(spec);
  if (spec.lastSamples !== undefined) return spec.lastSamples === 0 ? [] : all.slice(-spec.lastSamples);
  const newest = all.at(-1);
  if (newest === undefined) return [];
  const from = newest.monotonic - spec.windowMs / 1000;
  let i = all.length;
  while (i > 0 && (all[i - 1] as MetricSnapshot).monotonic >= from) i--;
  return all.slice(i);
}

/**
 * The values of `metric` over `snapshots`; snapshots lacking it (or holding NaN) are skipped.
 *
 * @internal
 */
export function seriesOf(snapshots: Iterable<MetricSnapshot>, metric: MetricName): MetricSeries {
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
 * Fits a least-squares line to `series`; `undefined` with fewer than two distinct times.
 *
 * @public
 */
export function trendOfSeries(series: MetricSeries, options: TrendOptions = {}): MetricTrend | undefined {
  const tolerance = options.tolerance ?? 0.05;
  if (!Number.isFinite(tolerance) || tolerance < 0) throw new RangeError('tolerance option must be a finite number >= 0');
  const fit = linearFit(series.times, series.values);
  if (fit === undefined) return undefined;
  const n = fit.points;
  const values = series.values.slice(0, n);
  const span = (series.times[n - 1] as number) - (series.times[0] as number);
  const slope = Number.isFinite(fit.slope) ? fit.slope : 0;
  const change = Math.abs(slope * span);
  const meanAbs = mean(values.map(Math.abs));
  const direction: TrendDirection = change <= tolerance * meanAbs || slope === 0 ? 'flat' : slope > 0 ? 'rising' : 'falling';
  return { slope, rSquared: fit.rSquared, direction, samples: n };
}
