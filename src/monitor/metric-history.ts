import type { MetricName } from '../core/metric-names.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import { lazyModule } from '../core/lazy.js';
import type * as SeriesStatsModule from './series-stats.js';
import type { MetricSeries, MetricSummary, MetricTrend, TrendOptions, WindowSpec } from './series-stats.js';

// The window, series and statistics queries load their code (and simple-statistics) on the first query: a monitor
// that only records does not need it.
const seriesStats = lazyModule<typeof SeriesStatsModule>(import.meta.url, './series-stats.js');

/**
 * The largest history capacity (monitor `historySize`, history files): ten million snapshots.
 *
 * @internal
 */
export const MAX_HISTORY_SIZE = 10_000_000;

/**
 * A fixed-capacity ring buffer of {@link MetricSnapshot}s, oldest first. `push` is O(1) and evicts the
 * oldest snapshot once the buffer is full. It also answers window, series, summary and trend queries.
 *
 * @public
 */
export class MetricHistory implements Iterable<MetricSnapshot> {
  /** Grows with the first `capacity` pushes (a large capacity costs nothing until it is used). */
  #buffer: (MetricSnapshot | undefined)[] = [];
  readonly #capacity: number;
  #start = 0;
  #size = 0;

  /**
   * @param capacity - the most snapshots held; a positive integer, at most ten million
   * @throws RangeError when `capacity` is not a positive integer or is over ten million
   */
  constructor(capacity: number) {
    if (typeof capacity !== 'number') throw new TypeError('capacity must be a number');
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_HISTORY_SIZE) {
      throw new RangeError(`capacity must be a positive integer at most ${MAX_HISTORY_SIZE}, got ${capacity}`);
    }
    this.#capacity = capacity;
  }

  /** Number of snapshots held. */
  get size(): number {
    return this.#size;
  }

  /** The most snapshots held before the oldest is evicted. */
  get capacity(): number {
    return this.#capacity;
  }

  /** The newest snapshot, if any. */
  get newest(): MetricSnapshot | undefined {
    return this.at(-1);
  }

  /** The oldest snapshot, if any. */
  get oldest(): MetricSnapshot | undefined {
    return this.at(0);
  }

  /**
   * Appends a snapshot in O(1).
   *
   * @returns the evicted oldest snapshot when the buffer was full, else `undefined`
   */
  push(snapshot: MetricSnapshot): MetricSnapshot | undefined {
    if (this.#size < this.#capacity) {
      this.#buffer[(this.#start + this.#size) % this.#capacity] = snapshot;
      this.#size++;
      return undefined;
    }
    const evicted = this.#buffer[this.#start];
    this.#buffer[this.#start] = snapshot;
    this.#start = (this.#start + 1) % this.#capacity;
    return evicted;
  }

  /**
   * The snapshot at `index` (0 is the oldest; negative counts from the newest, -1 being the newest),
   * or `undefined` when out of range.
   */
  at(index: number): MetricSnapshot | undefined {
    const i = index < 0 ? this.#size + index : index;
    if (!Number.isInteger(i) || i < 0 || i >= this.#size) return undefined;
    return this.#buffer[(this.#start + i) % this.#capacity];
  }

  /** A copy of the held snapshots, oldest first. */
  toArray(): MetricSnapshot[] {
    const out: MetricSnapshot[] = [];
    for (const s of this) out.push(s);
    return out;
  }

  /** Iterates oldest first. */
  *[Symbol.iterator](): Iterator<MetricSnapshot> {
    for (let i = 0; i < this.#size; i++) yield this.#buffer[(this.#start + i) % this.#capacity] as MetricSnapshot;
  }

  /** Removes every snapshot. */
  clear(): void {
    this.#buffer = [];
    this.#start = 0;
    this.#size = 0;
  }

  /**
   * The snapshots inside `spec`, oldest first: the last `{ windowMs }` milliseconds measured back from the
   * newest snapshot's monotonic time, or the last `{ lastSamples }` snapshots.
   */
  window(spec: WindowSpec): MetricSnapshot[] {
    return seriesStats().selectWindow(this.toArray(), spec);
  }

  /** The values of `metric` (and their monotonic times), over `spec` or the whole history. */
  series(metric: MetricName, spec?: WindowSpec): MetricSeries {
    return seriesStats().seriesOf(spec === undefined ? this : this.window(spec), metric);
  }

  /** Min, max, mean and quantiles of `metric`, or `undefined` when no snapshot has it. */
  summary(metric: MetricName, spec?: WindowSpec): MetricSummary | undefined {
    return seriesStats().summarizeValues(this.series(metric, spec).values);
  }

  /**
   * Least-squares trend of `metric` (slope per second, r-squared, direction), or `undefined` with fewer
   * than two values at distinct times.
   */
  trend(metric: MetricName, spec?: WindowSpec, options?: TrendOptions): MetricTrend | undefined {
    return seriesStats().trendOfSeries(this.series(metric, spec), options);
  }
}
