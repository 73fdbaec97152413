import { RuneBenchError } from '../../core/errors.js';
import { validateOptions } from '../../core/options.js';
import type { MetricDescriptor, MetricUnit, MetricValues } from '../../core/metric.js';
import type { CollectContext, MetricSource } from '../../core/source.js';
import { METRIC_NAME, isMetricName } from '../metric-rules.js';
import { frozenList } from './proc.js';

/**
 * Units a custom counter may count in; its rate is reported per second of the same unit.
 *
 * @public
 */
export type CounterUnit = '{count}' | 'By' | 's';

/**
 * A monotonically increasing count that host code bumps (for example objects hashed).
 *
 * @public
 */
export interface CustomCounter {
  /** Full metric name. */
  readonly name: string;
  /** Current total. */
  readonly value: number;
  /** Adds `n` (default 1); negative or non-finite amounts throw a RangeError. */
  add(n?: number): void;
}

/**
 * A value that host code sets (for example queue length).
 *
 * @public
 */
export interface CustomGauge {
  /** Full metric name. */
  readonly name: string;
  /** Current value (NaN until set). */
  readonly value: number;
  /** Sets the value. */
  set(value: number): void;
}

/**
 * Options of a custom metric.
 *
 * @public
 */
export interface CustomMetricOptions<U extends MetricUnit = MetricUnit> {
  /**
   * Unit of the value.
   *
   * @defaultValue `{count}` for counters, `1` for gauges
   */
  readonly unit?: U;
  /**
   * One sentence for people.
   *
   * @defaultValue the metric name
   */
  readonly description?: string;
}

/**
 * Options of {@link CustomMetricsSource}.
 *
 * @public
 */
export interface CustomMetricsSourceOptions {
  /**
   * Source id.
   *
   * @defaultValue 'custom'
   */
  readonly id?: string;
}

const RATE_UNIT: Readonly<Record<CounterUnit, MetricUnit>> = { '{count}': '{count}/s', By: 'By/s', s: 's/s' };

interface CounterState {
  readonly kind: 'counter';
  readonly handle: CustomCounter;
  total: number;
  previous: number;
}
interface GaugeState {
  readonly kind: 'gauge';
  readonly handle: CustomGauge;
  current: number;
}

/**
 * Counters and gauges that host code updates. Each counter `x` is reported as `x` (the total) and
 * `x.rate` (per second over the interval); each gauge as its value (absent until first set).
 *
 * @public
 */
export class CustomMetricsSource implements MetricSource {
  /** Source id. */
  readonly id: string;
  readonly #metrics = new Map<string, CounterState | GaugeState>();
  #descriptors: readonly MetricDescriptor[] = frozenList([]);
  #lastAt: number | undefined;

  /** @param options - source id */
  constructor(options: CustomMetricsSourceOptions = {}) {
    validateOptions(options, { id: { kind: 'string', nonEmpty: true } }, 'CustomMetricsSource');
    const id = options.id ?? 'custom';
    if (typeof id !== 'string' || id === '') throw new TypeError('id option must be a non-empty string');
    this.id = id;
  }

  /**
   * Declares (or returns the existing) counter `name`.
   *
   * @throws TypeError for a bad name or unit; {@link RuneBenchError} `ERR_DUPLICATE` if `name` is a gauge
   */
  counter(name: string, options: CustomMetricOptions<CounterUnit> = {}): CustomCounter {
    const existing = this.#existing(name, 'counter');
    if (existing?.kind === 'counter') return existing.handle;
    const unit = options.unit ?? '{count}';
    if (!Object.hasOwn(RATE_UNIT, unit)) throw new TypeError("unit option of a counter must be '{count}', 'By' or 's'");
    const state: CounterState = {
      kind: 'counter',
      total: 0,
      previous: 0,
      handle: {
        name,
        get value() {
          return state.total;
        },
        add(n = 1) {
          if (!Number.isFinite(n) || n < 0) throw new RangeError(`counter ${name} can only grow by a finite amount >= 0`);
          state.total += n;
        },
      },
    };
    this.#metrics.set(name, state);
    const description = options.description ?? name;
    this.#add(
      { name, unit, kind: 'counter', description },
      { name: `${name}.rate`, unit: RATE_UNIT[unit], kind: 'rate', description: `${description}, per second` },
    );
    return state.handle;
  }

  /**
   * Declares (or returns the existing) gauge `name`.
   *
   * @throws TypeError for a bad name; {@link RuneBenchError} `ERR_DUPLICATE` if `name` is a counter
   */
  gauge(name: string, options: CustomMetricOptions = {}): CustomGauge {
    const existing = this.#existing(name, 'gauge');
    if (existing?.kind === 'gauge') return existing.handle;
    const state: GaugeState = {
      kind: 'gauge',
      current: Number.NaN,
      handle: {
        name,
        get value() {
          return state.current;
        },
        set(value: number) {
          if (typeof value !== 'number') throw new TypeError(`gauge ${name} takes a number`);
          state.current = value;
        },
      },
    };
    this.#metrics.set(name, state);
    this.#add({ name, unit: options.unit ?? '1', kind: 'gauge', description: options.description ?? name });
    return state.handle;
  }

  /** {@inheritDoc MetricSource.describe} */
  describe(): readonly MetricDescriptor[] {
    return this.#descriptors;
  }

  /** Takes the baseline of the counters' rates. */
  start(): void {
    this.#lastAt = performance.now() / 1000;
    for (const m of this.#metrics.values()) if (m.kind === 'counter') m.previous = m.total;
  }

  /** {@inheritDoc MetricSource.collect} */
  collect(context: CollectContext): MetricValues {
    const values: Record<string, number> = {};
    const dt = this.#lastAt === undefined ? undefined : context.now - this.#lastAt;
    for (const [name, m] of this.#metrics) {
      if (m.kind === 'gauge') {
        if (!Number.isNaN(m.current)) values[name] = m.current;
        continue;
      }
      values[name] = m.total;
      if (dt !== undefined && dt > 0) values[`${name}.rate`] = (m.total - m.previous) / dt;
      m.previous = m.total;
    }
    this.#lastAt = context.now;
    return values;
  }

  #existing(name: string, kind: 'counter' | 'gauge'): CounterState | GaugeState | undefined {
    if (!isMetricName(name)) throw new TypeError(`metric name ${JSON.stringify(name)} must match ${METRIC_NAME.source}`);
    const existing = this.#metrics.get(name) ?? this.#metrics.get(name.replace(/\.rate$/, ''));
    if (existing !== undefined && (existing.kind !== kind || existing.handle.name !== name)) {
      throw new RuneBenchError('ERR_DUPLICATE', `custom metric ${name} clashes with the ${existing.kind} ${existing.handle.name}`);
    }
    return existing;
  }

  #add(...descriptors: MetricDescriptor[]): void {
    this.#descriptors = frozenList([...this.#descriptors, ...descriptors]);
  }
}
