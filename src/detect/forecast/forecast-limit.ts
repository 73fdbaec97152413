// The ForecastLimit plug point: a metric that must not reach a limit, and where the limit comes from.
import type { MetricName } from '../../core/metric-names.js';
import type { MetricSnapshot } from '../../core/snapshot.js';

/**
 * A metric with a limit, for time-to-limit forecasts. The built-ins (see `builtinForecastLimits`) implement
 * this same interface; a host adds its own for any gauge it reports.
 *
 * @example
 * ```ts
 * // a gauge of your own source, declared in `MetricRegistry`
 * declare module 'rune-bench' {
 *   interface MetricRegistry { 'vcs.pack.cache.bytes': 'By' }
 * }
 * const packCache: ForecastLimit = {
 *   id: 'pack-cache',
 *   label: 'pack cache',
 *   metric: 'vcs.pack.cache.bytes',
 *   unit: 'bytes',
 *   limit: () => 512 * 1024 * 1024,
 * };
 * ```
 *
 * @beta
 */
export interface ForecastLimit {
  /** Unique, stable id (kebab-case). */
  readonly id: string;
  /** What the metric is, for people ("heap", "open fds"): the subject of "heap reaches its limit in 3m". */
  readonly label: string;
  /** The metric whose trend is forecast (a name of {@link MetricRegistry}, built in or added by declaration merging). */
  readonly metric: MetricName;
  /** How to show values: bytes, or plain counts. @defaultValue `'count'` */
  readonly unit?: 'bytes' | 'count';
  /**
   * Whether the metric is a GC sawtooth whose post-GC floor should be trended (see `ForecastOptions.sawtooth`).
   *
   * @defaultValue `'auto'`
   */
  readonly sawtooth?: boolean | 'auto';
  /**
   * How many times slower the metric may approach its limit at the end than now (see
   * `ForecastOptions.slowdownNearLimit`); the limit's value wins over the option's.
   *
   * @defaultValue the forecast options' (1: a straight line)
   */
  readonly slowdownNearLimit?: number;
  /**
   * The limit as of a snapshot (the newest of the window), or `undefined` when unknown (no forecast then).
   * A limit below the metric's level is reached by falling (free disk space against zero).
   */
  limit(snapshot: MetricSnapshot): number | undefined;
}
