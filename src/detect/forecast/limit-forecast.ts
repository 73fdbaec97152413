// One limit's forecast over a window of snapshots, and its sentence for people.
import { neutralizeControls } from '../../core/safe-text.js';
import type { MetricSnapshot } from '../../core/snapshot.js';
import { formatBytes, formatDuration } from '../../format/units.js';
import { forecastTimeToLimit, type ForecastOptions, type TimeToLimit } from './forecast.js';
import type { ForecastLimit } from './forecast-limit.js';

/**
 * A time-to-limit forecast for one {@link ForecastLimit}.
 *
 * @beta
 */
export interface LimitForecast extends TimeToLimit {
  /** The limit's id. */
  readonly limitId: string;
  /** The limit's label ("heap"). */
  readonly label: string;
  /** The metric forecast. */
  readonly metric: string;
  /** How values are shown. */
  readonly unit: 'bytes' | 'count';
  /** The forecast in one sentence: "heap reaches its 4.00 GB limit in 3m 40s [2m 10s, 6m 00s]". */
  readonly message: string;
}

function amount(value: number, unit: 'bytes' | 'count'): string {
  return unit === 'bytes' ? formatBytes(value) : String(Math.round(value));
}

/**
 * Forecasts when `limit.metric` reaches the limit, over `window` (oldest first). The limit is read from the
 * newest snapshot; times are the snapshots' monotonic seconds.
 *
 * @param limit - the limit
 * @param window - snapshots, oldest first
 * @param options - forecast options (the limit's `sawtooth` and `slowdownNearLimit` win over the options')
 * @returns the forecast, or `undefined` when the limit is unknown or no significant trend points at it
 * @beta
 */
export function forecastLimit(limit: ForecastLimit, window: readonly MetricSnapshot[], options: ForecastOptions = {}): LimitForecast | undefined {
  const last = window.at(-1);
  if (last === undefined) return undefined;
  const value = limit.limit(last);
  if (value === undefined || !Number.isFinite(value)) return undefined;
  const times: number[] = [];
  const values: number[] = [];
  for (const s of window) {
    const v = s.get(limit.metric);
    if (v !== undefined && Number.isFinite(v)) {
      times.push(s.monotonic);
      values.push(v);
    }
  }
  const sawtooth = limit.sawtooth ?? options.sawtooth ?? 'auto';
  const slowdownNearLimit = limit.slowdownNearLimit ?? options.slowdownNearLimit;
  const forecast = forecastTimeToLimit({ times, values }, value, { ...options, sawtooth, ...(slowdownNearLimit === undefined ? {} : { slowdownNearLimit }) });
  if (forecast === undefined) return undefined;
  const unit = limit.unit ?? 'count';
  const label = neutralizeControls(limit.label);
  const reach = value === 0 ? `${label} runs out` : `${label} reaches its ${amount(value, unit)} limit`;
  const message =
    forecast.seconds === 0
      ? `${reach} now`
      : `${reach} in ${formatDuration(forecast.seconds)} [${formatDuration(forecast.low)}, ${formatDuration(forecast.high)}]`;
  return Object.freeze({ ...forecast, limitId: limit.id, label: limit.label, metric: limit.metric, unit, message });
}
