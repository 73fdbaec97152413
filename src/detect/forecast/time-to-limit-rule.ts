// Rule: a metric's trend reaches its limit soon (severity grows as the time shrinks).
import { Severity } from '../../core/findings.js';
import type { MetricSnapshot } from '../../core/snapshot.js';
import type { BottleneckRule, BottleneckRuleResult } from '../bottleneck/bottleneck-rule.js';
import { checkData, evidence, finding } from '../bottleneck/bottleneck-window.js';
import { validateOptions } from '../../core/options.js';
import { FORECAST_OPTION_RULES, type ForecastOptions } from './forecast.js';
import type { ForecastLimit } from './forecast-limit.js';
import { builtinForecastLimits } from './builtin-limits.js';
import { forecastLimit } from './limit-forecast.js';

/**
 * Seconds to the limit at or below which a forecast finding takes each severity.
 *
 * @beta
 */
export interface TimeToLimitHorizons {
  /** At most this many seconds: `critical`. */
  readonly critical: number;
  /** At most this many seconds: `high`. */
  readonly high: number;
  /** At most this many seconds: `medium`. */
  readonly medium: number;
  /** At most this many seconds: `low`; beyond it, no finding. */
  readonly low: number;
}

/**
 * Options of {@link timeToLimitRule}.
 *
 * @beta
 */
export interface TimeToLimitRuleOptions extends ForecastOptions {
  /**
   * Severity by the point forecast's seconds to the limit.
   *
   * @defaultValue `{ critical: 60, high: 300, medium: 900, low: 3600 }`
   */
  readonly horizons?: TimeToLimitHorizons;
}

/**
 * Evidence metric names of a time-to-limit finding: seconds to the limit (point, earliest, latest). Exporters
 * read these (Prometheus `seconds_to_limit` gauges).
 *
 * @beta
 */
export const TIME_TO_LIMIT_EVIDENCE = Object.freeze({ seconds: 'seconds to limit', low: 'seconds to limit, earliest', high: 'seconds to limit, latest' });

/** Prefix of the ids of rules built by {@link timeToLimitRule}: `time-to-limit-<limit id>`. @beta */
export const TIME_TO_LIMIT = 'time-to-limit';

function checkHorizons(h: TimeToLimitHorizons): void {
  const order = [h.critical, h.high, h.medium, h.low];
  for (const v of order) if (typeof v !== 'number' || !(v >= 0)) throw new RangeError('horizons option must hold numbers of seconds >= 0');
  for (let i = 1; i < order.length; i++) {
    if ((order[i] as number) < (order[i - 1] as number)) throw new RangeError('horizons option must ascend (critical <= high <= medium <= low)');
  }
}

function severityOf(seconds: number, h: TimeToLimitHorizons): Severity | undefined {
  if (seconds <= h.critical) return Severity.Critical;
  if (seconds <= h.high) return Severity.High;
  if (seconds <= h.medium) return Severity.Medium;
  if (seconds <= h.low) return Severity.Low;
  return undefined;
}

/**
 * A bottleneck rule that forecasts when `limit.metric` reaches its limit (see `forecastLimit`) and reports
 * it while the point forecast is within the `low` horizon; the finding's title is the forecast's sentence
 * ("heap reaches its 4.00 GB limit in 3m 40s [2m 10s, 6m 00s]"), its impact grows from 0 at the `low`
 * horizon to 100 at the limit. Rule id: `time-to-limit-<limit id>`.
 *
 * @param limit - the metric and its limit
 * @param options - horizons and forecast options
 * @beta
 */
export function timeToLimitRule(limit: ForecastLimit, options: TimeToLimitRuleOptions = {}): BottleneckRule {
  validateOptions(options, { ...FORECAST_OPTION_RULES, horizons: { kind: 'object' } }, 'timeToLimitRule');
  const { horizons = { critical: 60, high: 300, medium: 900, low: 3600 }, ...forecastOptions } = options;
  checkHorizons(horizons);
  const id = `${TIME_TO_LIMIT}-${limit.id}`;
  return {
    id,
    title: `${limit.label} reaches its limit soon`,
    scope: 'process',
    evaluate(window: readonly MetricSnapshot[]): BottleneckRuleResult {
      const lacking = checkData(id, window, [limit.metric], options.minPoints ?? 8);
      if (lacking !== undefined) return lacking;
      const forecast = forecastLimit(limit, window, forecastOptions);
      if (forecast === undefined) return undefined;
      const severity = severityOf(forecast.seconds, horizons);
      if (severity === undefined) return undefined;
      const spread = forecast.high > 0 ? (forecast.high - forecast.low) / forecast.high : 0;
      return finding(id, window, {
        severity,
        title: forecast.message,
        impact: horizons.low > 0 ? 100 * (1 - forecast.seconds / horizons.low) : 100,
        confidence: 1 - 0.5 * Math.min(1, spread),
        evidence: [
          evidence(`${limit.metric} (trend level)`, forecast.level, forecast.limit),
          evidence(`${limit.metric} slope per second`, forecast.slope),
          evidence(TIME_TO_LIMIT_EVIDENCE.seconds, forecast.seconds),
          evidence(TIME_TO_LIMIT_EVIDENCE.low, forecast.low),
          evidence(TIME_TO_LIMIT_EVIDENCE.high, forecast.high),
        ],
        recommendation:
          `At its present trend${forecast.floor ? ' (the level left after each garbage collection)' : ''}, ` +
          `${limit.metric} reaches its limit within the interval shown. Find what keeps growing (a heap snapshot ` +
          'or a count of open handles now and a minute later), bound it, or release it; raising the limit only buys time.',
      });
    },
  };
}

/**
 * One {@link timeToLimitRule} per limit (the built-in limits by default), to add to a detector's rules.
 *
 * @param limits - the limits @defaultValue the built-in limits
 * @param options - options for every rule
 * @beta
 */
export function timeToLimitRules(limits: readonly ForecastLimit[] = builtinForecastLimits(), options: TimeToLimitRuleOptions = {}): BottleneckRule[] {
  return limits.map((limit) => timeToLimitRule(limit, options));
}
