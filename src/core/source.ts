import type { MetricDescriptor, MetricValues } from './metric.js';

/**
 * What a {@link MetricSource} is given for each collection.
 *
 * @public
 */
export interface CollectContext {
  /** Fires when the collection is abandoned (timeout) or the monitor stops. */
  readonly signal: AbortSignal;
  /**
   * Seconds since this source's previous collection, for rates; `undefined` on the first collection.
   */
  readonly elapsed: number | undefined;
  /** Monotonic time of this sample in seconds (`performance.now() / 1000`). */
  readonly now: number;
  /**
   * Monotonic time in seconds at which this sample was due, when the monitor's schedule took it; absent for
   * an on-demand `sample()`. `now - deadline` is how late the monitor's own timer ran: the event loop delay
   * at that moment (give or take a millisecond of timer granularity), measured without a timer of the
   * source's own.
   */
  readonly deadline?: number;
}

/**
 * Whether a source can run here, and if not, why.
 *
 * @public
 */
export interface SourceAvailability {
  /** `true` when the source can collect on this platform. */
  readonly available: boolean;
  /** Why not, when it cannot (for example `/proc is not mounted`). */
  readonly reason?: string;
}

/**
 * Reads one kind of metric. The monitor owns scheduling, timeouts and failure isolation;
 * a source only knows how to read its values. Built-in sources implement this same interface.
 *
 * @public
 */
export interface MetricSource {
  /** Unique, stable id (for example `process.cpu`). */
  readonly id: string;
  /** Descriptors of every metric this source may report. */
  describe(): readonly MetricDescriptor[];
  /**
   * Reads the current values. May be sync or async. Throwing (or rejecting) makes the monitor report
   * an `error` event for this source; its metrics are absent from that snapshot.
   */
  collect(context: CollectContext): MetricValues | Promise<MetricValues>;
  /** Acquires resources (observers, histograms). Called once when the monitor starts. */
  start?(): void | Promise<void>;
  /** Releases resources. Called once when the monitor stops. */
  stop?(): void | Promise<void>;
  /** Whether the source can run on this platform. Absent means always available. */
  availability?(): SourceAvailability;
}
