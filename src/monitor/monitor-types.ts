// Public option and event types of PerformanceMonitor, and their validation.
import type { Clock } from '../core/clock.js';
import type { RuneBenchError } from '../core/errors.js';
import { type OptionRules, describeValue, validateOptions } from '../core/options.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import type { MetricSource } from '../core/source.js';
import type { ListenerErrorEvent } from '../core/typed-events.js';
import { MAX_HISTORY_SIZE } from './metric-history.js';

export type { ListenerErrorEvent } from '../core/typed-events.js';

/**
 * Options of {@link PerformanceMonitor}.
 *
 * @public
 */
export interface PerformanceMonitorOptions {
  /**
   * Milliseconds between samples once started (scheduled on absolute deadlines).
   *
   * @defaultValue 1000
   */
  readonly intervalMs?: number;
  /**
   * Number of snapshots kept in {@link PerformanceMonitor.history} (at most ten million); the oldest is
   * evicted beyond it.
   *
   * @defaultValue 1000
   */
  readonly historySize?: number;
  /**
   * The sources to sample.
   *
   * @defaultValue process CPU, memory, event loop and GC sources
   */
  readonly sources?: readonly MetricSource[];
  /**
   * Milliseconds an asynchronous source may take before it is abandoned for that sample
   * (its metrics are then absent and an `ERR_SOURCE_TIMEOUT` error is emitted).
   *
   * @defaultValue the interval, at most 5000
   */
  readonly sourceTimeoutMs?: number;
  /**
   * Where time comes from: monotonic and wall-clock readings and the sampling timers. Tests pass a
   * `ManualClock` (from `rune-bench/testing`) to drive the monitor without sleeping.
   *
   * @defaultValue the process clock (`performance.now()`, `Date.now()`, Node timers)
   */
  readonly clock?: Clock;
}

/**
 * Payload of the monitor's `error` event.
 *
 * @public
 */
export interface MonitorErrorEvent {
  /** Id of the source that failed. */
  readonly sourceId: string;
  /** The metric whose value was rejected (not a finite number, or negative), when the error is about one. */
  readonly metric?: string;
  /** `ERR_SOURCE_FAILED`, `ERR_SOURCE_TIMEOUT`, or the source's own {@link RuneBenchError}. */
  readonly error: RuneBenchError;
}

/**
 * Events of {@link PerformanceMonitor}.
 *
 * @public
 */
export interface PerformanceMonitorEvents {
  /** Sampling started. */
  start: () => void;
  /** A sample was taken (also after {@link PerformanceMonitor.sample}). */
  sample: (snapshot: MetricSnapshot) => void;
  /** A source failed or timed out; the monitor keeps running and that source's metrics are absent. */
  error: (event: MonitorErrorEvent) => void;
  /** Sampling stopped. */
  stop: () => void;
  /** A listener threw; it is isolated from sampling and from the other listeners. */
  listenerError: (event: ListenerErrorEvent) => void;
}

function clockProblem(value: unknown): string | undefined {
  const c = value as Partial<Clock> | null;
  if (typeof c !== 'object' || c === null) return `must be a Clock (now, wallNow, setTimeout, clearTimeout), got ${describeValue(value)}`;
  for (const method of ['now', 'wallNow', 'setTimeout', 'clearTimeout'] as const) {
    if (typeof c[method] !== 'function') return `must be a Clock: ${method}() is missing`;
  }
  return undefined;
}

const RULES: OptionRules = {
  intervalMs: { kind: 'number', min: 1 },
  historySize: { kind: 'number', integer: true, min: 1, max: MAX_HISTORY_SIZE },
  sources: { kind: 'array' },
  sourceTimeoutMs: { kind: 'number', min: 0, exclusiveMin: true },
  clock: { kind: 'custom', check: clockProblem },
};

/** Checks the monitor's options: unknown keys, types and ranges (TypeError / RangeError naming the option). @internal */
export function validateMonitorOptions(options: PerformanceMonitorOptions): void {
  validateOptions(options, RULES, 'PerformanceMonitor');
}

/** @internal */
export function validateSource(source: unknown, what: string): asserts source is MetricSource {
  const s = source as Partial<MetricSource> | null;
  if (typeof s !== 'object' || s === null || typeof s.id !== 'string' || s.id === '' || typeof s.collect !== 'function' || typeof s.describe !== 'function') {
    throw new TypeError(`${what} must be a metric source with a non-empty id, describe() and collect()`);
  }
}

