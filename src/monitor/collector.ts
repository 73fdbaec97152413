// One collection: every available source read once, synchronous sources inline, asynchronous ones with
// their timeout; values checked; the snapshot built with the monitor's own CPU cost.
import type { Clock } from '../core/clock.js';
import { RuneBenchError } from '../core/errors.js';
import type { MetricValues } from '../core/metric.js';
import { MetricSnapshot } from '../core/snapshot.js';
import type { CollectContext } from '../core/source.js';
import type { MonitorErrorEvent } from './monitor-types.js';
import { type Outcome, awaitWithTimeout, cpuSeconds, isPromiseLike, mergeValues, sourceError } from './source-runner.js';
import { MONITOR_OVERHEAD_METRIC, type SourceSet } from './source-set.js';

/**
 * A snapshot and the source errors met while taking it.
 *
 * @internal
 */
export interface Collection {
  readonly snapshot: MetricSnapshot;
  readonly errors: readonly MonitorErrorEvent[] | undefined;
}

/**
 * Reads a {@link SourceSet} into snapshots. Synchronous sources are read inline (no promise, no closure per
 * source); only when a source answers with a promise does the collection become asynchronous.
 *
 * @internal
 */
export class Collector {
  readonly #sources: SourceSet;
  readonly #clock: Clock;
  readonly #sourceTimeoutMs: number;
  #overheadTotal = 0;
  #overheadAtLast = 0;
  #lastSampleAt: number | undefined;

  constructor(sources: SourceSet, clock: Clock, sourceTimeoutMs: number) {
    this.#sources = sources;
    this.#clock = clock;
    this.#sourceTimeoutMs = sourceTimeoutMs;
  }

  /** Forgets the previous sample time, so the next overhead rate starts afresh (after a stop). */
  reset(): void {
    this.#lastSampleAt = undefined;
  }

  /**
   * Takes one collection: the result directly when every source answered synchronously. `deadlineMs` is the
   * clock time the sample was due when the monitor's schedule took it (sources get it as `context.deadline`).
   */
  collect(deadlineMs?: number): Collection | Promise<Collection> {
    const cpuMark = process.cpuUsage();
    const now = this.#clock.now() / 1000;
    const deadline = deadlineMs === undefined ? undefined : deadlineMs / 1000;
    const timestamp = this.#clock.wallNow();
    const values: Record<string, number> = {};
    let errors: MonitorErrorEvent[] | undefined;
    let pending: Promise<void>[] | undefined;
    for (const entry of this.#sources.entries) {
      if (!entry.availability.available) continue;
      const source = entry.source;
      if (entry.busy) {
        (errors ??= []).push({ sourceId: source.id, error: new RuneBenchError('ERR_SOURCE_TIMEOUT', `metric source ${source.id} is still busy with an abandoned collection`) });
        continue;
      }
      const started = this.#sources.ensureStarted(entry);
      // One controller per source, reused until it fires (timeout or stop): creating one per sample costs.
      if (entry.controller === undefined || entry.controller.signal.aborted) entry.controller = new AbortController();
      const controller = entry.controller;
      const elapsed = entry.lastAt === undefined ? undefined : now - entry.lastAt;
      const context: CollectContext = deadline === undefined ? { signal: controller.signal, elapsed, now } : { signal: controller.signal, elapsed, now, deadline };
      let result: MetricValues | PromiseLike<MetricValues>;
      try {
        result = started === undefined ? source.collect(context) : started.then(() => source.collect(context));
      } catch (cause) {
        (errors ??= []).push({ sourceId: source.id, error: sourceError(source.id, cause) });
        continue;
      }
      if (isPromiseLike<MetricValues>(result)) {
        const record = (outcome: Outcome): void => {
          if (outcome.ok) {
            errors = mergeValues(values, outcome.values, source, errors);
            entry.lastAt = now;
          } else (errors ??= []).push({ sourceId: source.id, error: outcome.error });
        };
        (pending ??= []).push(awaitWithTimeout(this.#clock, entry, result, controller, this.#sourceTimeoutMs).then(record));
      } else {
        errors = mergeValues(values, result, source, errors);
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

  /** Builds the snapshot; `spent` is the CPU time so far, `mark` where to count on from. */
  #finish(timestamp: number, now: number, values: Record<string, number>, errors: MonitorErrorEvent[] | undefined, spent: number, mark?: NodeJS.CpuUsage): Collection {
    const descriptors = this.#sources.descriptors();
    if (mark !== undefined) spent += cpuSeconds(mark);
    this.#overheadTotal += spent;
    const previous = this.#lastSampleAt;
    this.#lastSampleAt = now;
    if (previous !== undefined && now > previous) values[MONITOR_OVERHEAD_METRIC] = (this.#overheadTotal - this.#overheadAtLast) / (now - previous);
    this.#overheadAtLast = this.#overheadTotal;
    const snapshot = new MetricSnapshot({ timestamp, monotonic: now, values: Object.freeze(values), descriptors });
    return { snapshot, errors };
  }
}
