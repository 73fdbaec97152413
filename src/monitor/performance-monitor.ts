import { performance } from 'node:perf_hooks';
import { EventEmitter } from 'eventemitter3';
import { RuneBenchError } from '../core/errors.js';
import type { MetricDescriptor, MetricValues } from '../core/metric.js';
import { MetricSnapshot } from '../core/snapshot.js';
import type { CollectContext, MetricSource } from '../core/source.js';
import { type WriteHistoryOptions, readHistoryFile, writeHistoryFile } from './history-file.js';
import { ListenerRegistry } from './listener-registry.js';
import { MetricHistory } from './metric-history.js';
import type { MetricSeries, MetricSummary, MetricTrend, TrendOptions, WindowSpec } from './series-stats.js';
import {
  type Outcome,
  type SourceEntry,
  awaitWithTimeout,
  checkAvailability,
  isPromiseLike,
  cpuSeconds,
  describeSafely,
  mergeValues,
  sourceError,
} from './source-runner.js';
import {
  type MonitorErrorEvent,
  type PerformanceMonitorEvents,
  type PerformanceMonitorOptions,
  validateOptions,
  validateSource,
} from './monitor-types.js';
import { defaultSources } from './sources/defaults.js';

export type { ListenerErrorEvent, MonitorErrorEvent, PerformanceMonitorEvents, PerformanceMonitorOptions } from './monitor-types.js';

/**
 * Name of the metric in which the monitor reports its own CPU cost.
 *
 * @public
 */
export const MONITOR_OVERHEAD_METRIC = 'monitor.overhead.cpu';

const OVERHEAD_DESCRIPTOR: MetricDescriptor = Object.freeze({
  name: MONITOR_OVERHEAD_METRIC,
  unit: 's/s',
  kind: 'rate',
  description: "CPU seconds the monitor spent sampling per second of wall time (the monitor's own share of one core)",
});

type EventName = EventEmitter.EventNames<PerformanceMonitorEvents>;


const NO_ERRORS: ReadonlyMap<string, RuneBenchError> = new Map();

/** How late (ms) a sample may run behind its deadline when the timer is re-armed rather than re-created. */
const REFRESH_TOLERANCE_MS = 2;
/**
 * Samples a set of {@link MetricSource}s on a fixed interval into an in-memory history.
 *
 * Scheduling uses absolute deadlines (start + n × interval), so samples do not drift; timers are unref'd
 * (a monitor never keeps a process alive); collections never overlap; a slow asynchronous source is
 * abandoned after `sourceTimeout`. A failing source emits `error` and only its metrics go missing; a
 * throwing listener emits `listenerError` and is isolated from sampling and from other listeners.
 *
 * @public
 */
export class PerformanceMonitor extends EventEmitter<PerformanceMonitorEvents> {
  readonly #interval: number;
  readonly #sourceTimeout: number;
  readonly #history: MetricHistory;
  readonly #entries = new Map<string, SourceEntry>();
  readonly #listeners = new ListenerRegistry<EventName>();
  #descriptorKeys: (readonly MetricDescriptor[])[] = [];
  #descriptors: Readonly<Record<string, MetricDescriptor>> = Object.freeze({ [MONITOR_OVERHEAD_METRIC]: OVERHEAD_DESCRIPTOR });
  #running = false;
  #generation = 0;
  #timer: NodeJS.Timeout | undefined;
  /** A timer of exactly one interval, re-armed with `refresh()` while that keeps samples on time. */
  #repeat: NodeJS.Timeout | undefined;
  /** The generation the armed timer belongs to. */
  #armed = 0;
  #origin = 0;
  #tick = 0;
  #queue: Promise<unknown> = Promise.resolve();
  /** Collections running or queued; 0 means a new one may run at once, without the promise queue. */
  #inFlight = 0;
  #latest: MetricSnapshot | undefined;
  #lastErrors: ReadonlyMap<string, RuneBenchError> = NO_ERRORS;
  #overheadTotal = 0;
  #overheadAtLast = 0;
  #lastSampleAt: number | undefined;

  /** @param options - interval, history size, sources and source timeout */
  constructor(options: PerformanceMonitorOptions = {}) {
    super();
    validateOptions(options);
    this.#interval = options.interval ?? 1000;
    this.#sourceTimeout = options.sourceTimeout ?? Math.min(this.#interval, 5000);
    this.#history = new MetricHistory(options.historySize ?? 1000);
    const sources = options.sources ?? defaultSources({ interval: this.#interval });
    sources.forEach((s, i) => {
      validateSource(s, `sources option [${i}]`);
      if (this.#entries.has(s.id)) throw new RuneBenchError('ERR_DUPLICATE', `sources option has a duplicate source id ${JSON.stringify(s.id)}`);
      this.#entries.set(s.id, { source: s, availability: checkAvailability(s), started: undefined, lastAt: undefined, busy: false, controller: undefined });
    });
  }

  /** Whether periodic sampling is on. */
  get running(): boolean {
    return this.#running;
  }

  /** The sampling interval in milliseconds. */
  get interval(): number {
    return this.#interval;
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
    return [...this.#entries.values()].map((e) => e.source);
  }

  /** Ids of sources that are unavailable on this platform, with the reason each gave. */
  get unavailable(): ReadonlyMap<string, string> {
    const out = new Map<string, string>();
    for (const e of this.#entries.values()) {
      if (!e.availability.available) out.set(e.source.id, e.availability.reason ?? 'unavailable');
    }
    return out;
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
    await Promise.all([...this.#entries.values()].map((e) => this.#ensureStarted(e) ?? Promise.resolve()));
    if (generation !== this.#generation) return; // stopped while sources were starting
    this.#origin = performance.now();
    this.#tick = 0;
    this.#schedule(generation);
    this.#emitSafe('start');
  }

  /** Stops sampling, waits for a collection in progress, and releases the sources' resources. */
  async stop(): Promise<void> {
    const wasRunning = this.#running;
    this.#running = false;
    this.#generation++;
    this.#lastSampleAt = undefined;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#repeat = undefined;
    await this.#queue;
    const reason = new RuneBenchError('ERR_ABORTED', 'the monitor stopped');
    for (const e of this.#entries.values()) {
      e.controller?.abort(reason);
      e.controller = undefined;
    }
    await Promise.all([...this.#entries.values()].map((e) => this.#stopEntry(e)));
    if (wasRunning) this.#emitSafe('stop');
  }

  /** Takes one sample now (after any collection in progress), records it and emits `sample`. */
  sample(): Promise<MetricSnapshot> {
    this.#inFlight++;
    const done = (): void => {
      this.#inFlight--;
    };
    const next = this.#queue.then(() => this.#collect());
    next.then(done, done);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Runs a collection now, for the timer (nothing may be in flight). When every source answers
   * synchronously the snapshot is returned directly: a periodic sample then allocates no promise at all.
   */
  #collectNow(): MetricSnapshot | Promise<MetricSnapshot> {
    this.#inFlight++;
    let result: MetricSnapshot | Promise<MetricSnapshot>;
    try {
      result = this.#collect();
    } catch (cause) {
      this.#inFlight--;
      throw cause;
    }
    if (result instanceof MetricSnapshot) {
      this.#inFlight--;
      return result;
    }
    const done = (): void => {
      this.#inFlight--;
    };
    result.then(done, done);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /** Adds a source; it is started before its first collection. */
  addSource(source: MetricSource): this {
    validateSource(source, 'source');
    if (this.#entries.has(source.id)) throw new RuneBenchError('ERR_DUPLICATE', `a metric source with id ${source.id} is already added`);
    this.#entries.set(source.id, { source, availability: checkAvailability(source), started: undefined, lastAt: undefined, busy: false, controller: undefined });
    return this;
  }

  /** Removes (and stops) the source with `id`; returns whether there was one. */
  removeSource(id: string): boolean {
    const entry = this.#entries.get(id);
    if (entry === undefined) return false;
    this.#entries.delete(id);
    void this.#stopEntry(entry);
    return true;
  }

  /** Snapshots of the last `spec` milliseconds (back from the newest snapshot) or the last `{ count }`. */
  window(spec: WindowSpec): MetricSnapshot[] {
    return this.#history.window(spec);
  }

  /** One metric's values and monotonic times (seconds) over the history or a window. */
  series(metric: string, window?: WindowSpec): MetricSeries {
    return this.#history.series(metric, window);
  }

  /** Min, max, mean, p50, p95, p99 of a metric, or `undefined` when no snapshot has it. */
  summary(metric: string, window?: WindowSpec): MetricSummary | undefined {
    return this.#history.summary(metric, window);
  }

  /** Least-squares trend of a metric (slope per second, r-squared, direction), or `undefined`. */
  trend(metric: string, window?: WindowSpec, options?: TrendOptions): MetricTrend | undefined {
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
   * Adds a listener. It is wrapped so that a throw (or a rejected promise) emits `listenerError`
   * instead of reaching the sampler or the other listeners.
   */
  override on<T extends EventEmitter.EventNames<PerformanceMonitorEvents>>(event: T, fn: EventEmitter.EventListener<PerformanceMonitorEvents, T>, context?: unknown): this {
    return super.on(event, this.#listeners.wrap(event, fn, this.#onListenerError(event)), context);
  }

  /** Same as {@link PerformanceMonitor.on}. */
  override addListener<T extends EventEmitter.EventNames<PerformanceMonitorEvents>>(event: T, fn: EventEmitter.EventListener<PerformanceMonitorEvents, T>, context?: unknown): this {
    return this.on(event, fn, context);
  }

  /** Adds a listener called at most once, isolated like {@link PerformanceMonitor.on}'s. */
  override once<T extends EventEmitter.EventNames<PerformanceMonitorEvents>>(event: T, fn: EventEmitter.EventListener<PerformanceMonitorEvents, T>, context?: unknown): this {
    return super.once(event, this.#listeners.wrap(event, fn, this.#onListenerError(event)), context);
  }

  /** Removes a listener added with `on` or `once` (by the function passed), or every listener of `event`. */
  override off<T extends EventEmitter.EventNames<PerformanceMonitorEvents>>(event: T, fn?: EventEmitter.EventListener<PerformanceMonitorEvents, T>, context?: unknown, once?: boolean): this {
    if (fn === undefined) {
      this.#listeners.clear(event);
      return super.off(event, undefined, context, once);
    }
    for (const registered of this.#listeners.release(event, fn)) super.off(event, registered, context, once);
    return this;
  }

  /** Same as {@link PerformanceMonitor.off}. */
  override removeListener<T extends EventEmitter.EventNames<PerformanceMonitorEvents>>(event: T, fn?: EventEmitter.EventListener<PerformanceMonitorEvents, T>, context?: unknown, once?: boolean): this {
    return this.off(event, fn, context, once);
  }

  /** Removes every listener, or those of `event`. */
  override removeAllListeners(event?: EventEmitter.EventNames<PerformanceMonitorEvents>): this {
    this.#listeners.clear(event);
    return super.removeAllListeners(event);
  }

  /** The listeners of `event`, as the functions that were passed to `on` / `once`. */
  override listeners<T extends EventEmitter.EventNames<PerformanceMonitorEvents>>(event: T): EventEmitter.EventListener<PerformanceMonitorEvents, T>[] {
    return super.listeners(event).map((w) => this.#listeners.original(w));
  }

  #onListenerError(event: EventName): (error: unknown) => void {
    return (error) => {
      // A failing `listenerError` listener is dropped: reporting it would recurse.
      if (event !== 'listenerError') this.#emitSafe('listenerError', { event, error });
    };
  }

  /** Emits outside any source guard; listeners are wrapped, so this never throws for them. */
  #emitSafe<T extends EventName>(event: T, ...args: EventEmitter.EventArgs<PerformanceMonitorEvents, T>): void {
    super.emit(event, ...args);
  }

  /** Arms the timer for the next deadline; a chain from an earlier start (`generation`) stops itself. */
  #schedule(generation: number): void {
    if (!this.#running || generation !== this.#generation) return;
    const now = performance.now();
    // Absolute deadlines: the next tick after both the previous one and now (missed ticks are skipped).
    this.#tick = Math.max(this.#tick + 1, Math.floor((now - this.#origin) / this.#interval) + 1);
    const delay = Math.max(0, this.#origin + this.#tick * this.#interval - now);
    this.#armed = generation;
    // Re-arming one timer with refresh() costs far less than a new setTimeout (no new Timeout, no ref
    // toggling, a millisecond key instead of a fractional one). It fires one interval after the event
    // loop's millisecond clock, i.e. up to 1 ms later than this sample's lateness: use it while that stays
    // within REFRESH_TOLERANCE of the deadline, and an exact timer otherwise, so lateness never accumulates.
    if (this.#interval - delay + 1 <= Math.min(REFRESH_TOLERANCE_MS, this.#interval / 50)) {
      if (this.#repeat === undefined) {
        this.#repeat = setTimeout(this.#onTimer, this.#interval);
        this.#repeat.unref();
      } else this.#repeat.refresh();
      this.#timer = this.#repeat;
      return;
    }
    this.#timer = setTimeout(this.#onTimer, delay);
    this.#timer.unref();
  }

  /** The timer callback, bound once (not a closure per sample). */
  readonly #onTimer = (): void => {
    const generation = this.#armed;
    this.#timer = undefined;
    if (!this.#running || generation !== this.#generation) return;
    let result: MetricSnapshot | Promise<MetricSnapshot> | undefined;
    try {
      // A sample() still in flight goes first: collections never overlap.
      result = this.#inFlight === 0 ? this.#collectNow() : this.sample();
    } catch {
      result = undefined;
    }
    if (result instanceof Promise) {
      const next = (): void => {
        this.#schedule(generation);
      };
      result.then(next, next);
    } else this.#schedule(generation);
  };

  #ensureStarted(entry: SourceEntry): Promise<void> | undefined {
    if (entry.started === true || !entry.availability.available) return undefined;
    if (entry.started !== undefined && entry.started !== false) return entry.started;
    const source = entry.source;
    if (typeof source.start !== 'function') {
      entry.started = true;
      return;
    }
    const fail = (cause: unknown): void => {
      entry.started = true;
      const error = sourceError(source.id, cause);
      this.#emitSafe('error', { sourceId: source.id, error });
    };
    try {
      const result = source.start();
      if (!isPromiseLike(result)) {
        entry.started = true;
        return;
      }
      const p = Promise.resolve(result).then(() => {
        entry.started = true;
      }, fail);
      entry.started = p;
      return p;
    } catch (cause) {
      fail(cause);
    }
    return undefined;
  }

  async #stopEntry(entry: SourceEntry): Promise<void> {
    if (entry.started === undefined) return;
    await entry.started;
    entry.started = undefined;
    entry.lastAt = undefined;
    try {
      await entry.source.stop?.();
    } catch (cause) {
      this.#emitSafe('error', { sourceId: entry.source.id, error: sourceError(entry.source.id, cause) });
    }
  }

  /**
   * One collection. Synchronous sources are read inline (no promise, no closure per source); only when a
   * source answers with a promise does the collection become asynchronous, with that source's timeout.
   */
  #collect(): MetricSnapshot | Promise<MetricSnapshot> {
    const cpuMark = process.cpuUsage();
    const now = performance.now() / 1000;
    const timestamp = Date.now();
    const values: Record<string, number> = {};
    let errors: MonitorErrorEvent[] | undefined;
    let pending: Promise<void>[] | undefined;
    for (const entry of this.#entries.values()) {
      if (!entry.availability.available) continue;
      const id = entry.source.id;
      if (entry.busy) {
        (errors ??= []).push({ sourceId: id, error: new RuneBenchError('ERR_SOURCE_TIMEOUT', `metric source ${id} is still busy with an abandoned collection`) });
        continue;
      }
      const started = this.#ensureStarted(entry);
      // One controller per source, reused until it fires (timeout or stop): creating one per sample costs.
      if (entry.controller === undefined || entry.controller.signal.aborted) entry.controller = new AbortController();
      const controller = entry.controller;
      const context: CollectContext = { signal: controller.signal, elapsed: entry.lastAt === undefined ? undefined : now - entry.lastAt, now };
      let result: MetricValues | PromiseLike<MetricValues>;
      try {
        result = started === undefined ? entry.source.collect(context) : started.then(() => entry.source.collect(context));
      } catch (cause) {
        (errors ??= []).push({ sourceId: id, error: sourceError(id, cause) });
        continue;
      }
      if (isPromiseLike<MetricValues>(result)) {
        const record = (outcome: Outcome): void => {
          if (outcome.ok) {
            mergeValues(values, outcome.values);
            entry.lastAt = now;
          } else (errors ??= []).push({ sourceId: id, error: outcome.error });
        };
        (pending ??= []).push(awaitWithTimeout(entry, result, controller, this.#sourceTimeout).then(record));
      } else {
        mergeValues(values, result);
        entry.lastAt = now;
      }
    }
    if (pending === undefined) return this.#finish(timestamp, now, values, errors, cpuSeconds(cpuMark));
    // The monitor's own cost: CPU time of the synchronous parts (not the time spent awaiting async sources).
    const spentBefore = cpuSeconds(cpuMark);
    return Promise.all(pending).then(() => {
      const mark = process.cpuUsage();
      return this.#finish(timestamp, now, values, errors, spentBefore, mark);
    });
  }

  /** Builds, records and emits the snapshot; `spent` is the CPU time so far, `mark` where to count on from. */
  #finish(timestamp: number, now: number, values: Record<string, number>, errors: readonly MonitorErrorEvent[] | undefined, spent: number, mark?: NodeJS.CpuUsage): MetricSnapshot {
    this.#refreshDescriptors();
    if (mark !== undefined) spent += cpuSeconds(mark);
    this.#overheadTotal += spent;
    const previous = this.#lastSampleAt;
    this.#lastSampleAt = now;
    if (previous !== undefined && now > previous) values[MONITOR_OVERHEAD_METRIC] = (this.#overheadTotal - this.#overheadAtLast) / (now - previous);
    this.#overheadAtLast = this.#overheadTotal;
    const result = new MetricSnapshot({ timestamp, monotonic: now, values: Object.freeze(values), descriptors: this.#descriptors });
    this.#history.push(result);
    this.#latest = result;
    this.#lastErrors = errors === undefined ? NO_ERRORS : new Map(errors.map((e) => [e.sourceId, e.error]));
    // Emission happens outside every source guard: a listener's failure is never blamed on a source.
    if (errors !== undefined) for (const e of errors) this.#emitSafe('error', e);
    this.#emitSafe('sample', result);
    return result;
  }

  #refreshDescriptors(): void {
    // Sources return the same frozen array while nothing changed: compare by identity, rebuild rarely.
    let i = 0;
    let changed = false;
    for (const entry of this.#entries.values()) {
      if (!entry.availability.available) continue;
      if (this.#descriptorKeys[i] !== describeSafely(entry.source)) {
        changed = true;
        break;
      }
      i++;
    }
    if (!changed && i === this.#descriptorKeys.length) return;
    const lists: (readonly MetricDescriptor[])[] = [];
    const out: Record<string, MetricDescriptor> = {};
    for (const entry of this.#entries.values()) {
      if (!entry.availability.available) continue;
      const list = describeSafely(entry.source);
      lists.push(list);
      for (const d of list) out[d.name] = Object.isFrozen(d) ? d : Object.freeze({ ...d });
    }
    out[MONITOR_OVERHEAD_METRIC] = OVERHEAD_DESCRIPTOR;
    this.#descriptors = Object.freeze(out);
    this.#descriptorKeys = lists;
   }
}
