import { type EventLoopUtilization, type IntervalHistogram, monitorEventLoopDelay, performance } from 'node:perf_hooks';
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
   * Sampling resolution of the delay histogram in milliseconds (`monitorEventLoopDelay`): lower is finer
   * and costs more wake-ups.
   *
   * @defaultValue 20
   */
  readonly resolutionMs?: number;
}

/** A recorded tick gap (ns) less the resolution (ns), in seconds, never negative. */
function delay(ns: number, base: number): number {
  return Math.max(0, ns - base) / 1e9;
}

/**
 * Event loop delay percentiles (`monitorEventLoopDelay`, reset every sample) and utilization
 * (`performance.eventLoopUtilization` deltas). Source id `nodejs.eventloop`.
 *
 * @public
 */
export class EventLoopSource implements MetricSource {
  /** Source id. */
  readonly id = 'nodejs.eventloop';
  readonly #resolution: number;
  #histogram: IntervalHistogram | undefined;
  #elu: EventLoopUtilization | undefined;

  /** @param options - histogram resolution (ms) */
  constructor(options: EventLoopSourceOptions = {}) {
    validateOptions(options, { resolutionMs: { kind: 'number', integer: true, min: 1 } }, 'EventLoopSource');
    this.#resolution = options.resolutionMs ?? 20;
  }

  /** {@inheritDoc MetricSource.describe} */
  describe(): readonly MetricDescriptor[] {
    return DESCRIPTORS;
  }

  /** Enables the delay histogram and takes the utilization baseline. */
  start(): void {
    if (this.#histogram !== undefined) return;
    this.#histogram = monitorEventLoopDelay({ resolution: this.#resolution });
    this.#histogram.enable();
    this.#elu = performance.eventLoopUtilization();
  }

  /** Disables the histogram. */
  stop(): void {
    this.#histogram?.disable();
    this.#histogram = undefined;
    this.#elu = undefined;
  }

  /** {@inheritDoc MetricSource.collect} */
  collect(context?: CollectContext): MetricValues {
    if (this.#histogram === undefined) this.start();
    const values: Record<string, number> = {};
    const h = this.#histogram as IntervalHistogram;
    // Each recorded value is the time between two histogram timer ticks, so it includes the
    // resolution itself: subtract it to report the delay.
    const base = this.#resolution * 1e6;
    const elapsedNs = context?.elapsed === undefined ? undefined : context.elapsed * 1e9;
    // Every histogram read is a call into C++, and `percentile` and `mean` scan the bucket array: read
    // `count` once and use the O(1) `min` / `max` wherever they give the same answer (few ticks per interval).
    const count = h.count;
    if (count > 0) {
      const maxNs = h.max;
      const minNs = count === 1 ? maxNs : h.min;
      const max = delay(maxNs, base);
      // A percentile is the highest value whose cumulative count reaches round(p × count): with one or two
      // values the median is the smaller one, and below 50 values the 99th percentile is the largest.
      const p50 = count <= 2 ? delay(minNs, base) : delay(h.percentile(50), base);
      const p99 = count < 50 ? max : delay(h.percentile(99), base);
      // A block still in progress when this sample runs has no tick yet, and reset() forgets it: estimate it
      // from the part of the interval the recorded ticks do not cover (elapsed - sum of the recorded gaps).
      // The estimate only matters when it exceeds p99 (or max past 100 ticks): bound it with count × min
      // first, so the mean (a scan) is read only when it could change a value.
      let trailing = 0;
      const raises = count < 100 ? p99 : max;
      if (elapsedNs !== undefined && delay(elapsedNs - count * minNs, base) > raises) {
        const covered = count <= 2 ? minNs + (count === 2 ? maxNs : 0) : h.mean * count;
        trailing = delay(elapsedNs - covered, base);
      }
      values['nodejs.eventloop.delay.p50'] = p50;
      values['nodejs.eventloop.delay.p99'] = count < 100 ? Math.max(p99, trailing) : p99;
      values['nodejs.eventloop.delay.max'] = Math.max(max, trailing);
    } else if (elapsedNs !== undefined && elapsedNs > 2 * base) {
      // No tick in a whole interval: the loop was blocked for (nearly) all of it.
      const trailing = delay(elapsedNs, base);
      values['nodejs.eventloop.delay.p50'] = trailing;
      values['nodejs.eventloop.delay.p99'] = trailing;
      values['nodejs.eventloop.delay.max'] = trailing;
    }
    h.reset();
    const now = performance.eventLoopUtilization();
    if (this.#elu !== undefined) values['nodejs.eventloop.utilization'] = performance.eventLoopUtilization(now, this.#elu).utilization;
    this.#elu = now;
    return values;
  }
}
