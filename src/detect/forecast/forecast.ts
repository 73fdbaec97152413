// Time to a limit from the recent trend: a Theil-Sen slope (of the post-GC floor for a sawtooth) and its interval.
import { validateOptions, type OptionRules } from '../../core/options.js';
import { normalQuantile } from '../../stats/pelt.js';
import { theilSen, type TheilSenFit } from '../../stats/theil-sen.js';
import { postGcFloor, type SeriesPoints } from './post-gc-floor.js';

/**
 * When the trend of a metric reaches its limit, as seen at the newest point.
 *
 * @beta
 */
export interface TimeToLimit {
  /** Point forecast: seconds from the newest point until the trend reaches the limit (0 when already there). */
  readonly seconds: number;
  /** Earliest end of the prediction interval, in seconds from the newest point. */
  readonly low: number;
  /** Latest end of the prediction interval, in seconds from the newest point (finite). */
  readonly high: number;
  /** The limit. */
  readonly limit: number;
  /** The trend's level at the newest point (the post-GC floor when `floor` is true). */
  readonly level: number;
  /** The trend's slope, in the metric's unit per second (negative when falling toward the limit). */
  readonly slope: number;
  /** Whether the trend is that of the post-GC floor (a sawtooth was recognised). */
  readonly floor: boolean;
  /** Points the slope was fitted on (floor points for a sawtooth). */
  readonly points: number;
  /** Time of the newest point (the forecast's origin), in the series' time base. */
  readonly at: number;
}

/**
 * Options of {@link forecastTimeToLimit}.
 *
 * @beta
 */
export interface ForecastOptions {
  /** Two-sided level of the slope and prediction intervals, between 0 and 1 exclusive. @defaultValue 0.9 */
  readonly confidence?: number;
  /** Fewest points (floor points for a sawtooth) for a forecast. @defaultValue 8 */
  readonly minPoints?: number;
  /**
   * `'auto'` trends the post-GC floor when the series shows at least `minDrops` sudden drops; `true` requires
   * a sawtooth (silent without one); `false` trends every point.
   *
   * @defaultValue `'auto'`
   */
  readonly sawtooth?: boolean | 'auto';
  /** Fewest drops for a sawtooth. @defaultValue 3 */
  readonly minDrops?: number;
  /** Most points fitted (Theil-Sen is quadratic): longer series are thinned evenly, newest kept. @defaultValue 120 */
  readonly maxPoints?: number;
  /**
   * How many times slower than its slowest likely rate now the metric may approach the limit at the very end
   * (at least 1). The interval's latest end lets the rate fall, in proportion to the distance covered, to
   * `1 / slowdownNearLimit` of that rate by the time the limit is reached. A heap slows this way: near its
   * limit the collector runs more and more often and the leaking code gets less and less of the CPU.
   * 1 keeps the latest end on a straight line.
   *
   * @defaultValue 1
   */
  readonly slowdownNearLimit?: number;
}

/**
 * How much longer than at a steady rate a distance takes when the rate falls linearly with the distance
 * covered, from r to r / s: the integral of 1 / r(u) over the distance, s ln s / (s - 1) times D / r.
 */
function slowdownStretch(s: number): number {
  return s === 1 ? 1 : (s * Math.log(s)) / (s - 1);
}

function thin(series: SeriesPoints, maxPoints: number): SeriesPoints {
  const n = Math.min(series.times.length, series.values.length);
  if (n <= maxPoints) return series;
  const times: number[] = [];
  const values: number[] = [];
  const step = (n - 1) / (maxPoints - 1);
  for (let k = maxPoints - 1; k >= 0; k--) {
    const i = n - 1 - Math.round(k * step);
    times.push(series.times[i] as number);
    values.push(series.values[i] as number);
  }
  return { times, values };
}

/** Whether the fit's slope interval excludes zero on the side of the limit. */
/** Fewest post-GC floor points a forecast fits (one per collection). */
const FLOOR_MIN_POINTS = 5;

function towardLimit(fit: TheilSenFit, rising: boolean): boolean {
  return rising ? fit.slopeLow > 0 : fit.slopeHigh < 0;
}

/** The option rules of {@link ForecastOptions} (core/options). @internal */
export const FORECAST_OPTION_RULES: OptionRules = {
  confidence: { kind: 'number', min: 0, exclusiveMin: true, max: 0.999_999 },
  minPoints: { kind: 'number', integer: true, min: 5 },
  sawtooth: { kind: 'oneOf', values: [true, false, 'auto'] },
  minDrops: { kind: 'number', integer: true, min: 1 },
  maxPoints: { kind: 'number', integer: true, min: 5 },
  slowdownNearLimit: { kind: 'number', min: 1 },
};

function checkOptions(options: ForecastOptions): Required<ForecastOptions> {
  validateOptions(options, FORECAST_OPTION_RULES, 'forecast');
  const resolved = {
    confidence: options.confidence ?? 0.9,
    minPoints: options.minPoints ?? 8,
    sawtooth: options.sawtooth ?? 'auto',
    minDrops: options.minDrops ?? 3,
    maxPoints: options.maxPoints ?? 120,
    slowdownNearLimit: options.slowdownNearLimit ?? 1,
  };
  if (resolved.maxPoints < resolved.minPoints) throw new RangeError(`maxPoints option must be at least minPoints (${resolved.minPoints}), got ${resolved.maxPoints}`);
  return resolved;
}

/**
 * Estimates when a metric reaches `limit` from its recent trend. The slope is Theil-Sen's (robust to spikes)
 * over the series, or over its post-GC floor when the series is a sawtooth; the forecast is silent
 * (`undefined`) unless the slope's interval excludes zero on the side of the limit, and also when the newer
 * half of the series alone shows no such trend (a leak that stopped). The prediction interval combines the
 * slope's interval with the spread of the points around the line at the newest point; its latest end also
 * allows for a rate that falls near the limit (`slowdownNearLimit`).
 *
 * @param series - times in seconds (any origin, ascending) and values, oldest first
 * @param limit - the value the metric must not reach (above the level for a rising metric, below for a falling one)
 * @param options - confidence, minimum points, sawtooth handling
 * @returns the forecast, or `undefined` when there is no significant trend toward the limit
 * @throws RangeError or TypeError for invalid options
 * @beta
 */
export function forecastTimeToLimit(series: SeriesPoints, limit: number, options: ForecastOptions = {}): TimeToLimit | undefined {
  const opts = checkOptions(options);
  const n = Math.min(series.times.length, series.values.length);
  if (n < opts.minPoints || !Number.isFinite(limit)) return undefined;
  const at = series.times[n - 1] as number;
  const found = opts.sawtooth === false ? undefined : postGcFloor(series, opts.minDrops);
  // A floor of fewer points than a fit needs (the first few collections of a fast leak) cannot be fitted: in
  // 'auto' the raw series speaks until it has enough, rather than the forecast falling silent near the limit.
  const floor = found !== undefined && found.times.length >= FLOOR_MIN_POINTS ? found : undefined;
  if (opts.sawtooth === true && floor === undefined) return undefined;
  const points = thin(floor ?? series, opts.maxPoints);
  const fitOptions = { confidence: opts.confidence, minPoints: floor === undefined ? opts.minPoints : FLOOR_MIN_POINTS };
  const fit = theilSen(points.times, points.values, fitOptions);
  if (fit === undefined) return undefined;
  // The floor is a lower envelope: its level now cannot be above the newest value. When the floor's line
  // says otherwise, growth since the last collection was slower than the line (a heap slowing near its limit).
  const lineLevel = fit.intercept + fit.slope * at;
  const level = floor === undefined ? lineLevel : Math.min(lineLevel, series.values[n - 1] as number);
  const rising = limit > level;
  if (!towardLimit(fit, rising)) return undefined;
  const m = points.times.length;
  const half = Math.floor(m / 2);
  // A trend that stopped: the newer half alone must still point at the limit (significantly, when it has
  // enough points for a test of its own; a short floor only by its slope's sign).
  const newer = theilSen(points.times.slice(half), points.values.slice(half), { confidence: opts.confidence, minPoints: 2 });
  if (newer === undefined) return undefined;
  const stillToward = m - half >= opts.minPoints ? towardLimit(newer, rising) : rising === newer.slope > 0;
  if (!stillToward) return undefined;
  const distance = limit - level;
  if (distance === 0 || Math.sign(distance) !== Math.sign(fit.slope)) {
    return { seconds: 0, low: 0, high: 0, limit, level, slope: fit.slope, floor: floor !== undefined, points: m, at };
  }
  const z = normalQuantile(0.5 + opts.confidence / 2);
  const levelSpread = z * fit.residualSigma * (1 + 2 / Math.sqrt(m));
  const near = Math.abs(distance) - levelSpread;
  const far = Math.abs(distance) + levelSpread;
  // A trend that bends (allocation slowing as GC work grows near the limit) shows as a newer half whose
  // slope differs: the interval spans both halves' slope intervals when the newer half can be tested alone.
  const testable = m - half >= opts.minPoints;
  const high = testable ? Math.max(fit.slopeHigh, newer.slopeHigh) : fit.slopeHigh;
  const lowSlope = testable ? Math.min(fit.slopeLow, newer.slopeLow) : fit.slopeLow;
  const fast = rising ? high : -lowSlope;
  const slow = rising ? lowSlope : -high;
  const seconds = distance / fit.slope;
  const earliest = Math.max(0, Math.min(seconds, near / fast));
  const latest = Math.max(seconds, (far / slow) * slowdownStretch(opts.slowdownNearLimit));
  if (!Number.isFinite(latest) || !(slow > 0)) return undefined;
  return { seconds, low: earliest, high: latest, limit, level, slope: fit.slope, floor: floor !== undefined, points: m, at };
}
