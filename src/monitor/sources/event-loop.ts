import { createHistogram, type EventLoopUtilization, performance, type RecordableHistogram } from 'node:perf_hooks';
import { validateOptions } from '../../core/options.js';
import type { MetricDescriptor, MetricValues } from '../../core/metric.js';
import type { CollectContext, MetricSource } from '../../core/source.js';
import { frozenList } from './proc.js';

const DESCRIPTORS = frozenList<MetricDescriptor>([
  { name: 'nodejs.eventloop.delay.p50', unit: 's', kind: 'gauge', description: 'Median event loop delay over the interval' },
  { name: 'nodejs.eventloop.delay.p99', unit: 's', kind: 'gauge', description: '99th percentile event loop delay over the interval' },
  { name: 'nodejs.eventloop.delay.max', unit: 's', kind: 'gauge', description: 'Largest event loop delay over the interval' },
  { name: 'nodejs.eventloop.utilization', unit: '1', kind: 'rate', description: 'Share of the interval the event loop was busy (0-1)' },
]);

/**
 * Options of {@link EventLoopSource}.
 *
 * @public
 */
export interface EventLoopSourceOptions {
  /**
   * Interval of the delay timer in milliseconds: lower is finer and costs more wake-ups.
   *
   * @defaultValue 20
   */
  readonly resolutionMs?: number;
  /**
   * Stop the delay timer while the event loop is idle, and measure the delay from the monitor's own sample
   * timer then. After an interval in which the loop was busy for less than 10 ms in all (so no block in it
   * lasted longer: below what the event-loop-blocked rule counts), the timer stops; a sample taken on the
   * monitor's schedule then reports how late that sample ran (`CollectContext.deadline`) as the interval's
   * delay, and the timer starts again after the first interval in which the loop was busy for 10 ms or more
   * (not less: on a loaded machine a callback preempted for a few milliseconds reads as busy). An idle
   * process is thus woken once per sample instead of once per `resolutionMs`. The price: the first block
   * after an idle stretch is seen in the delay only when it delays the monitor's sample (it always shows in
   * utilization), and an on-demand sample taken while the timer is stopped has no delay values.
   *
   * @defaultValue false (`defaultSources` sets it)
   */
  readonly pauseWhenIdle?: boolean;
}

/**
 * An interval in which the loop was busy for less than this (ms) lets a pausing timer stop: no block in it
 * was longer, and 10 ms is the least delay the event-loop-blocked rule counts (its p50 "medium" band).
 */
const IDLE_BUSY_MS = 10;

/** A recorded tick gap (ns) less the resolution (ns), in seconds, never negative. */
function delay(ns: number, base: number): number {
  return Math.max(0, ns - base) / 1e9;
}

/** How late (s) a sample taken at `now` ran after its `deadline` (both in seconds), never negative. */
function lateness(now: number, deadline: number): number {
  return Math.max(0, now - deadline);
}

/** One delay observation as the interval's percentiles. */
function setDelay(values: Record<string, number>, seconds: number): void {
  values['nodejs.eventloop.delay.p50'] = seconds;
  values['nodejs.eventloop.delay.p99'] = seconds;
  values['nodejs.eventloop.delay.max'] = seconds;
}

/**
 * Event loop delay percentiles and utilization (`performance.eventLoopUtilization` deltas). Source id
 * `nodejs.eventloop`.
 *
 * The delay comes from a timer of its own, every `resolutionMs`: each tick records how long it waited since
 * the previous one into a histogram (reset every sample), and a block still in progress at sample time is
 * the time since the last tick. Node's `monitorEventLoopDelay` is not used: its `reset()` also forgets the
 * previous tick, so the first tick after every sample records nothing and a window's recorded gaps cover up to
 * a whole resolution less than it lasted, which read as a false 100 ms stall in every other 500 ms sample of an
 * idle process (resolution 200 ms), and hid a real block that delayed that first tick.
 *
 * @public
 */
export class EventLoopSource implements MetricSource {
  /** Source id. */
  readonly id = 'nodejs.eventloop';
  readonly #resolution: number;
  readonly #pauseWhenIdle: boolean;
  #histogram: RecordableHistogram | undefined;
  #timer: NodeJS.Timeout | undefined;
  /** When the last tick ran (ms, performance.now()): never forgotten by a reset. */
  #lastTick = 0;
  #elu: EventLoopUtilization | undefined;
  /** The tick, bound once (a paused timer is re-created with it). */
  readonly #tick = (): void => {
    const now = performance.now();
    // a gap in whole nanoseconds, at least 1 (the histogram's lowest value)
    (this.#histogram as RecordableHistogram).record(Math.max(1, Math.round((now - this.#lastTick) * 1e6)));
    this.#lastTick = now;
  };

  /** @param options - histogram resolution (ms), and whether the timer pauses while the loop is idle */
  constructor(options: EventLoopSourceOptions = {}) {
    validateOptions(options, { resolutionMs: { kind: 'number', integer: true, min: 1 }, pauseWhenIdle: { kind: 'boolean' } }, 'EventLoopSource');
    this.#resolution = options.resolutionMs ?? 20;
    this.#pauseWhenIdle = options.pauseWhenIdle ?? false;
  }

  /** {@inheritDoc MetricSource.describe} */
  describe(): readonly MetricDescriptor[] {
    return DESCRIPTORS;
  }

  /** Starts the delay timer and takes the utilization baseline. */
  start(): void {
    if (this.#histogram !== undefined) return;
    this.#histogram = createHistogram();
    this.#startTimer();
    this.#elu = performance.eventLoopUtilization();
  }

  #startTimer(): void {
    this.#lastTick = performance.now();
    this.#timer = setInterval(this.#tick, this.#resolution);
    this.#timer.unref();
  }

  /** Stops the delay timer. */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#histogram = undefined;
    this.#elu = undefined;
  }

  /**
   * Reads the delay percentiles and utilization since the previous call, then starts a new interval. The
   * context is needed only with `pauseWhenIdle` (its `deadline`, while the timer is stopped): otherwise the
   * source keeps the time of its own last tick.
   */
  collect(context?: CollectContext): MetricValues {
    if (this.#histogram === undefined) this.start();
    const values: Record<string, number> = {};
    const h = this.#histogram as RecordableHistogram;
    const elu = performance.eventLoopUtilization();
    if (this.#timer === undefined) {
      // Paused (the loop was idle): the one delay seen is how late the monitor's own sample timer ran.
      if (context?.deadline !== undefined) setDelay(values, lateness(context.now, context.deadline));
      this.#utilization(values, elu);
      return values;
    }
    // Each recorded value is the time between two ticks, so it includes the resolution itself: subtract it.
    const base = this.#resolution * 1e6;
    const now = performance.now();
    // A block that ended just before this sample has no tick yet: the pending tick is late by this much.
    const trailing = delay((now - this.#lastTick) * 1e6, base);
    // Every histogram read is a call into C++, and `percentile` scans the bucket array: read `count` once and
    // use the O(1) `min` / `max` wherever they give the same answer (few ticks per interval).
    const count = h.count;
    if (count > 0) {
      const maxNs = h.max;
      const minNs = count === 1 ? maxNs : h.min;
      const max = delay(maxNs, base);
      // A percentile is the highest value whose cumulative count reaches round(p × count): with one or two
      // values the median is the smaller one, and below 50 values the 99th percentile is the largest.
      const p50 = count <= 2 ? delay(minNs, base) : delay(h.percentile(50), base);
      const p99 = count < 50 ? max : delay(h.percentile(99), base);
      values['nodejs.eventloop.delay.p50'] = p50;
      values['nodejs.eventloop.delay.p99'] = count < 100 ? Math.max(p99, trailing) : p99;
      values['nodejs.eventloop.delay.max'] = Math.max(max, trailing);
    } else if (trailing > 0) {
      // No tick in the whole interval: the loop was blocked for (nearly) all of it.
      setDelay(values, trailing);
    } else if (this.#pauseWhenIdle && context?.deadline !== undefined) {
      // No tick yet (the timer has just started again): the monitor's sample is the one observation.
      setDelay(values, lateness(context.now, context.deadline));
    }
    // The block reported as trailing is over (this code runs): count the next gap from now, so the next
    // sample does not report the same block again.
    if (trailing > 0) this.#lastTick = now;
    h.reset();
    this.#utilization(values, elu);
    return values;
  }

  /**
   * Adds the utilization since the previous sample; with `pauseWhenIdle`, stops or starts the timer for the
   * next interval.
   */
  #utilization(values: Record<string, number>, elu: EventLoopUtilization): void {
    const previous = this.#elu;
    this.#elu = elu;
    if (previous === undefined) return;
    const delta = performance.eventLoopUtilization(elu, previous);
    values['nodejs.eventloop.utilization'] = delta.utilization;
    if (!this.#pauseWhenIdle) return;
    // A block is busy time: an interval busy for less than IDLE_BUSY_MS had none longer than that.
    const idle = delta.active < IDLE_BUSY_MS;
    if (idle && this.#timer !== undefined) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    } else if (!idle && this.#timer === undefined) {
      this.#startTimer();
    }
  }
}
