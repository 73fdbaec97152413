// PerformanceMonitor: the public face of the monitoring flow. It wires the sources (source-set.ts), the
// collection engine (collector.ts) and the deadlines (sample-scheduler.ts) to the history and the events.
import { type Clock, systemClock } from '../core/clock.js';
import { RuneBenchError } from '../core/errors.js';
import type { MetricName } from '../core/metric-names.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import type { MetricSource } from '../core/source.js';
import { TypedEventEmitter } from '../core/typed-events.js';
import { lazyModule } from '../core/lazy.js';
import type * as CollectorModule from './collector.js';
import type { Collection, Collector } from './collector.js';
import { type WriteHistoryOptions, readHistoryFile, writeHistoryFile } from './history-file.js';
import { MetricHistory } from './metric-history.js';
import type * as MonitorTypesModule from './monitor-types.js';
import type { MonitorErrorEvent, PerformanceMonitorEvents, PerformanceMonitorOptions } from './monitor-types.js';
import type * as SchedulerModule from './sample-scheduler.js';
import type { SampleScheduler } from './sample-scheduler.js';
import type { MetricSeries, MetricSummary, MetricTrend, TrendOptions, WindowSpec } from './series-stats.js';
import type * as SourceSetModule from './source-set.js';
import type { SourceSet } from './source-set.js';
import { defaultSources } from './sources/defaults.js';

// The sampling machinery loads with the first monitor made.
const collectorModule = lazyModule<typeof CollectorModule>(import.meta.url, './collector.js');
const monitorTypes = lazyModule<typeof MonitorTypesModule>(import.meta.url, './monitor-types.js');
const schedulerModule = lazyModule<typeof SchedulerModule>(import.meta.url, './sample-scheduler.js');
const sourceSetModule = lazyModule<typeof SourceSetModule>(import.meta.url, './source-set.js');

export type { ListenerErrorEvent, MonitorErrorEvent, PerformanceMonitorEvents, PerformanceMonitorOptions } from './monitor-types.js';

const NO_ERRORS: ReadonlyMap<string, RuneBenchError> = new Map();

/**
 * Samples a set of {@link MetricSource}s on a fixed interval into an in-memory history.
 *
 * Scheduling uses absolute deadlines (start + n × interval), so samples do not drift; timers are unref'd
 * (a monitor never keeps a process alive); collections never overlap; a slow asynchronous source is
 * abandoned after `sourceTimeoutMs`. A failing source emits `error` and only its metrics go missing (a
 * value that is not a finite number, or a negative one, is left out the same way, naming the metric); a
 * throwing listener emits `listenerError` and is isolated from sampling and from other listeners. Time
 * comes from the `clock` option, so tests can drive a monitor without sleeping.
 *
 * @public
 */
export class PerformanceMonitor extends TypedEventEmitter<PerformanceMonitorEvents> {
  readonly #intervalMs: number;
  readonly #history: MetricHistory;
  readonly #sources: SourceSet;
  readonly #collector: Collector;
  readonly #scheduler: SampleScheduler;
  #running = false;
  #generation = 0;
  #queue: Promise<unknown> = Promise.resolve();
  /** Collections running or queued; 0 means a new one may run at once, without the promise queue. */
  #inFlight = 0;
  #latest: MetricSnapshot | undefined;
  #lastErrors: ReadonlyMap<string, RuneBenchError> = NO_ERRORS;

  /** @param options - interval, history size, sources, source timeout and clock */
  constructor(options: PerformanceMonitorOptions = {}) {
    super();
    monitorTypes().validateMonitorOptions(options);
    const clock: Clock = options.clock ?? systemClock;
    this.#intervalMs = options.intervalMs ?? 1000;
    this.#history = new MetricHistory(options.historySize ?? 1000);
    this.#sources = new (sourceSetModule().SourceSet)((event) => {
      this.emit('error', event);
    });
    const sources = options.sources ?? defaultSources({ intervalMs: this.#intervalMs });
    const seen = new Set<string>();
    sources.forEach((s, i) => {
      const what = `sources option [${i}]`;
      if (seen.has((s as Partial<MetricSource> | null)?.id as string)) throw new RuneBenchError('ERR_DUPLICATE', `sources option has a duplicate source id ${JSON.stringify(s.id)}`);
      this.#sources.add(s, what);
      seen.add(s.id);
    });
    this.#collector = new (collectorModule().Collector)(this.#sources, clock, options.sourceTimeoutMs ?? Math.min(this.#intervalMs, 5000));
    this.#scheduler = new (schedulerModule().SampleScheduler)(clock, this.#intervalMs, this.#onDeadline);
  }

  /** Whether periodic sampling is on. */
  get running(): boolean {
    return this.#running;
  }

  /** The sampling interval in milliseconds. */
  get intervalMs(): number {
    return this.#intervalMs;
  }

  /** The most recent snapshot, if any. */
  get latest(): MetricSnapshot | undefined {
    return this.#latest;
  }

  /** The ring buffer of past snapshots, oldest first. */
  get history(): MetricHistory {
    return this.#history;
  }

  /** The sources sampled, in the order they were added. */
  get sources(): readonly MetricSource[] {
    return this.#sources.sources;
  }

  /** Ids of sources that are unavailable on this platform, with the reason each gave. */
  get unavailable(): ReadonlyMap<string, string> {
    return this.#sources.unavailable;
  }

  /** Errors of the most recent sample, keyed by source id (also emitted as `error` events). */
  get lastErrors(): ReadonlyMap<string, RuneBenchError> {
    return this.#lastErrors;
  }

  /** Starts periodic sampling; the first sample is taken one interval after this call. */
  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    const generation = ++this.#generation;
    await this.#sources.startAll();
    if (generation !== this.#generation) return; // stopped while sources were starting
    this.#scheduler.start();
    this.emit('start');
  }

  /** Stops sampling, waits for a collection in progress, and releases the sources' resources. */
  async stop(): Promise<void> {
    const wasRunning = this.#running;
    this.#running = false;
    this.#generation++;
    this.#collector.reset();
    this.#scheduler.stop();
    await this.#queue;
    await this.#sources.stopAll(new RuneBenchError('ERR_ABORTED', 'the monitor stopped'));
    if (wasRunning) this.emit('stop');
  }

  /** Takes one sample now (after any collection in progress), records it and emits `sample`. */
  sample(): Promise<MetricSnapshot> {
    this.#inFlight++;
    const done = (): void => {
      this.#inFlight--;
    };
    const next = this.#queue.then(() => this.#take());
    next.then(done, done);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Adds a source; it is started before its first collection. */
  addSource(source: MetricSource): this {
    this.#sources.add(source, 'source');
    return this;
  }

  /** Removes (and stops) the source with `id`; returns whether there was one. */
  removeSource(id: string): boolean {
    return this.#sources.remove(id);
  }

  /** Snapshots of the last `{ windowMs }` milliseconds (back from the newest snapshot) or the last `{ lastSamples }`. */
  window(spec: WindowSpec): MetricSnapshot[] {
    return this.#history.window(spec);
  }

  /** One metric's values and monotonic times (seconds) over the history or a window. */
  series(metric: MetricName, window?: WindowSpec): MetricSeries {
    return this.#history.series(metric, window);
  }

  /** Min, max, mean, p50, p95, p99 of a metric, or `undefined` when no snapshot has it. */
  summary(metric: MetricName, window?: WindowSpec): MetricSummary | undefined {
    return this.#history.summary(metric, window);
  }

  /** Least-squares trend of a metric (slope per second, r-squared, direction), or `undefined`. */
  trend(metric: MetricName, window?: WindowSpec, options?: TrendOptions): MetricTrend | undefined {
    return this.#history.trend(metric, window, options);
  }

  /**
   * Writes the history to `path` atomically as JSON, or gzip JSON when `gzip` is set or the path ends in `.gz`.
   *
   * @throws {@link RuneBenchError} `ERR_FILE_IO`
   */
  exportHistory(path: string, options?: WriteHistoryOptions): void {
    writeHistoryFile(path, this.#history, options);
  }

  /**
   * Reads a history file and appends its snapshots to this monitor's history (oldest first).
   * The file is validated completely first: on any error the history is unchanged.
   *
   * @returns the number of snapshots appended
   * @throws {@link RuneBenchError} `ERR_FILE_IO`, `ERR_CORRUPT_FILE`, `ERR_INVALID_JSON`, `ERR_INVALID_FORMAT`, `ERR_SCHEMA_VERSION`
   */
  importHistory(path: string): number {
    const imported = readHistoryFile(path);
    for (const s of imported) this.#history.push(s);
    return imported.size;
  }

  /**
   * A deadline (clock milliseconds): collect now, unless a sample() is in flight (then after it: collections
   * never overlap, and the sample is taken as on-demand, since it no longer runs at its deadline's timer).
   * When every source answers synchronously nothing is allocated for promises.
   */
  readonly #onDeadline = (deadline: number): MetricSnapshot | Promise<MetricSnapshot> => {
    if (this.#inFlight !== 0) return this.sample();
    this.#inFlight++;
    let result: MetricSnapshot | Promise<MetricSnapshot>;
    try {
      result = this.#take(deadline);
    } catch (cause) {
      this.#inFlight--;
      throw cause;
    }
    if (!(result instanceof Promise)) {
      this.#inFlight--;
      return result;
    }
    const done = (): void => {
      this.#inFlight--;
    };
    result.then(done, done);
    this.#queue = result.catch(() => undefined);
    return result;
  };

  /** One collection, recorded and emitted; `deadline` (clock milliseconds) when the schedule took it. */
  #take(deadline?: number): MetricSnapshot | Promise<MetricSnapshot> {
    const result = this.#collector.collect(deadline);
    return result instanceof Promise ? result.then(this.#record) : this.#record(result);
  }

  /** Records a collection and emits it; emission happens outside every source guard. */
  readonly #record = ({ snapshot, errors }: Collection): MetricSnapshot => {
    this.#history.push(snapshot);
    this.#latest = snapshot;
    this.#lastErrors = errors === undefined ? NO_ERRORS : new Map(errors.map((e: MonitorErrorEvent) => [e.sourceId, e.error]));
    // Listeners are isolated (TypedEventEmitter): a listener's failure is never blamed on a source.
    if (errors !== undefined) for (const e of errors) this.emit('error', e);
    this.emit('sample', snapshot);
    return snapshot;
  };
}
