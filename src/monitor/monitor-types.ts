// Public option and event types of PerformanceMonitor, and their validation.
import type { RuneBenchError } from '../core/errors.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import type { MetricSource } from '../core/source.js';

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
  readonly interval?: number;
  /**
   * Number of snapshots kept in {@link PerformanceMonitor.history}; the oldest is evicted beyond it.
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
  readonly sourceTimeout?: number;
}

/**
 * Payload of the monitor's `error` event.
 *
 * @public
 */
export interface MonitorErrorEvent {
  /** Id of the source that failed. */
  readonly sourceId: string;
  /** `ERR_SOURCE_FAILED`, `ERR_SOURCE_TIMEOUT`, or the source's own {@link RuneBenchError}. */
  readonly error: RuneBenchError;
}

/**
 * Payload of the monitor's `listenerError` event: a listener threw (or its promise rejected).
 *
 * @public
 */
export interface ListenerErrorEvent {
  /** The event whose listener failed. */
  readonly event: string;
  /** What it threw. */
  readonly error: unknown;
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

/** @internal */
export function validateOptions(options: PerformanceMonitorOptions): void {
  if (typeof options !== 'object') throw new TypeError('options must be an object');
  const { interval, historySize, sourceTimeout, sources } = options;
  if (interval !== undefined) {
    if (typeof interval !== 'number') throw new TypeError('interval option must be a number of milliseconds');
    if (!Number.isFinite(interval) || interval < 1) throw new RangeError('interval option must be a finite number >= 1 (ms)');
  }
  if (historySize !== undefined) {
    if (typeof historySize !== 'number') throw new TypeError('historySize option must be a number');
    if (!Number.isInteger(historySize) || historySize < 1) throw new RangeError('historySize option must be a positive integer');
  }
  if (sourceTimeout !== undefined) {
    if (typeof sourceTimeout !== 'number') throw new TypeError('sourceTimeout option must be a number of milliseconds');
    if (!Number.isFinite(sourceTimeout) || sourceTimeout <= 0) throw new RangeError('sourceTimeout option must be a finite number > 0 (ms)');
  }
  if (sources !== undefined && !Array.isArray(sources)) throw new TypeError('sources option must be an array of metric sources');
}

/** @internal */
export function validateSource(source: unknown, what: string): asserts source is MetricSource {
  const s = source as Partial<MetricSource> | null;
  if (typeof s !== 'object' || s === null || typeof s.id !== 'string' || s.id === '' || typeof s.collect !== 'function' || typeof s.describe !== 'function') {
    throw new TypeError(`${what} must be a metric source with a non-empty id, describe() and collect()`);
  }
}

