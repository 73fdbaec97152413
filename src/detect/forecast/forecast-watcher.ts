// ForecastWatcher: time-to-limit forecasts over a monitor's recent window, as typed `forecast` events.
import { RuneBenchError } from '../../core/errors.js';
import { validateOptions } from '../../core/options.js';
import { TypedEventEmitter } from '../../core/typed-events.js';
import type { MetricSnapshot } from '../../core/snapshot.js';
import type { WindowSpec } from '../../monitor/series-stats.js';
import { MonitorAttachment, type BottleneckMonitor } from '../monitor-attachment.js';
import { builtinForecastLimits } from './builtin-limits.js';
import { FORECAST_OPTION_RULES, type ForecastOptions } from './forecast.js';
import type { ForecastLimit } from './forecast-limit.js';
import { forecastLimit, type LimitForecast } from './limit-forecast.js';

/**
 * Options of {@link ForecastWatcher}.
 *
 * @beta
 */
export interface ForecastWatcherOptions extends ForecastOptions {
  /** The limits to forecast. @defaultValue `builtinForecastLimits()` */
  readonly limits?: readonly ForecastLimit[];
  /** Milliseconds of monotonic time each live forecast looks back over. @defaultValue 120000, unless `lastSamples` is given */
  readonly windowMs?: number;
  /** The newest snapshots each live forecast looks at (instead of `windowMs`). */
  readonly lastSamples?: number;
  /** Forecast on every n-th `sample` event when attached. @defaultValue 1 */
  readonly evaluateEvery?: number;
}

/**
 * A limit whose `limit()` threw: reported as an `error` event, never fatal to the other limits.
 *
 * @beta
 */
export interface ForecastLimitError {
  /** Id of the limit. */
  readonly limitId: string;
  /** What it threw. */
  readonly error: unknown;
}

/**
 * Events of {@link ForecastWatcher}.
 *
 * @beta
 */
export interface ForecastWatcherEvents {
  /** A significant trend reaches its limit: one event per limit per evaluation while it does. */
  forecast: (forecast: LimitForecast) => void;
  /** A limit threw. */
  error: (error: ForecastLimitError) => void;
}

/**
 * Forecasts, for each {@link ForecastLimit}, when its metric reaches the limit, live (attached to a monitor,
 * on each `sample`) or over any window; emits a `forecast` event per limit whose trend is significant and
 * points at the limit, and nothing otherwise. A listener that throws is reported as `listenerError`.
 * For findings with severities, add `timeToLimitRules()` to a `BottleneckDetector` instead (or as well).
 *
 * @example
 * ```ts
 * const watcher = new ForecastWatcher();
 * watcher.on('forecast', (f) => log(f.message)); // "heap reaches its 4.00 GB limit in 3m 40s [2m 10s, 6m 00s]"
 * watcher.attach(monitor);
 * ```
 *
 * @beta
 */
export class ForecastWatcher extends TypedEventEmitter<ForecastWatcherEvents> {
  readonly #limits: readonly ForecastLimit[];
  readonly #forecastOptions: ForecastOptions;
  readonly #window: WindowSpec;
  readonly #attachment: MonitorAttachment;

  /** @param options - limits, window and forecast options */
  constructor(options: ForecastWatcherOptions = {}) {
    super();
    validateOptions(
      options,
      {
        ...FORECAST_OPTION_RULES,
        limits: { kind: 'array' },
        windowMs: { kind: 'number', min: 0, exclusiveMin: true },
        lastSamples: { kind: 'number', integer: true, min: 2 },
        evaluateEvery: { kind: 'number', integer: true, min: 1 },
      },
      'ForecastWatcher',
    );
    const { limits, windowMs, lastSamples, evaluateEvery, ...forecastOptions } = options;
    if (windowMs !== undefined && lastSamples !== undefined) throw new TypeError('give windowMs or lastSamples, not both');
    const ids = new Set<string>();
    for (const limit of limits ?? []) {
      if (ids.has(limit.id)) throw new RuneBenchError('ERR_DUPLICATE', `a forecast limit with id "${limit.id}" is given twice`);
      ids.add(limit.id);
    }
    this.#limits = [...(limits ?? builtinForecastLimits())];
    this.#forecastOptions = forecastOptions;
    this.#window = lastSamples !== undefined ? { lastSamples } : { windowMs: windowMs ?? 120_000 };
    this.#attachment = new MonitorAttachment('the forecast watcher', this.#window, evaluateEvery ?? 1);
  }

  /** The limits, in the order given. */
  get limits(): readonly ForecastLimit[] {
    return this.#limits;
  }

  /**
   * Forecasts every limit over `window` (oldest first) and emits a `forecast` event for each forecast made.
   *
   * @returns the forecasts made, in the order of the limits
   */
  evaluate(window: readonly MetricSnapshot[]): LimitForecast[] {
    const made: LimitForecast[] = [];
    const errors: ForecastLimitError[] = [];
    for (const limit of this.#limits) {
      try {
        const f = forecastLimit(limit, window, this.#forecastOptions);
        if (f !== undefined) made.push(f);
      } catch (error) {
        errors.push({ limitId: limit.id, error });
      }
    }
    for (const e of errors) this.emit('error', e);
    for (const f of made) this.emit('forecast', f);
    return made;
  }

  /**
   * Attaches to a monitor: each `sample` event (every `evaluateEvery`-th) forecasts over the monitor's window.
   *
   * @returns a function that detaches
   * @throws `RuneBenchError` `ERR_BUSY` when already attached
   */
  attach(monitor: BottleneckMonitor): () => void {
    return this.#attachment.attach(monitor, (window) => {
      this.evaluate(window);
    });
  }

  /** Detaches from the monitor, if attached. */
  detach(): void {
    this.#attachment.detach();
  }
}
