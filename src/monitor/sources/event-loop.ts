import { type EventLoopUtilization, type IntervalHistogram, monitorEventLoopDelay, performance } from 'node:perf_hooks';
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
  readonly resolution?: number;
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

  /** @param options - histogram resolution */
  constructor(options: EventLoopSourceOptions = {}) {
    const resolution = options.resolution ?? 20;
    if (typeof resolution !== 'number' || !Number.isInteger(resolution) || resolution < 1) {
      throw new RangeError('resolution option must be an integer >= 1 (ms)');
    }
    this.#resolution = resolution;
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
    const delay = (ns: number): number => Math.max(0, ns - base) / 1e9;
    // A block still in progress when this sample runs has no tick yet, and reset() forgets it: estimate it
    // from the part of the interval the recorded ticks do not cover (elapsed - mean x count).
    const elapsedNs = context?.elapsed === undefined ? undefined : context.elapsed * 1e9;
    const covered = h.count > 0 ? h.mean * h.count : 0;
    const trailing = elapsedNs === undefined ? 0 : delay(elapsedNs - covered);
    if (h.count > 0) {
      values['nodejs.eventloop.delay.p50'] = delay(h.percentile(50));
      values['nodejs.eventloop.delay.p99'] = Math.max(delay(h.percentile(99)), h.count < 100 ? trailing : 0);
      values['nodejs.eventloop.delay.max'] = Math.max(delay(h.max), trailing);
    } else if (elapsedNs !== undefined && elapsedNs > 2 * base) {
      // No tick in a whole interval: the loop was blocked for (nearly) all of it.
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

/**
 * Creates an {@link EventLoopSource}.
 *
 * @public
 */
export function createEventLoopSource(options?: EventLoopSourceOptions): EventLoopSource {
  return new EventLoopSource(options);
}
