// When a benchmark's trend over commits crosses its budget: the same time-to-limit forecast as the live
// monitor's (Theil-Sen slope, its interval, silent without a significant trend), over commits and over days.
import { neutralizeControls } from '../../core/safe-text.js';
import { formatValue } from '../../format/units.js';
import { median } from '../../stats/quantile.js';
import { forecastTimeToLimit, type ForecastOptions } from './forecast.js';

/**
 * A benchmark's budget: an absolute time per operation, or a ratio to the benchmark's median in a named
 * baseline (resolved to seconds by the caller, which reads the store).
 *
 * @beta
 */
export interface BenchmarkBudget {
  /** Benchmark key (`suite/child/task`). */
  readonly key: string;
  /** The budget in seconds per operation. */
  readonly seconds: number;
  /** Where it came from, for the report ("2 ms", "1.2x of baseline main"). */
  readonly source: string;
}

/**
 * The forecast of a budget crossing: in commits (the history's order) and in days, each with its interval; or
 * `over` when the newest level already exceeds the budget.
 *
 * @beta
 */
export interface BudgetForecast {
  /** The budget, seconds per operation. */
  readonly budget: number;
  /** Where the budget came from. */
  readonly source: string;
  /** `crossing`: a significant rising trend reaches the budget; `over`: the newest three runs' median is already above it. */
  readonly state: 'crossing' | 'over';
  /** Commits until the crossing (point estimate) and its interval; 0 when over. */
  readonly commits: { readonly point: number; readonly low: number; readonly high: number };
  /** Days until the crossing and its interval, when the runs' timestamps span time. */
  readonly days?: { readonly point: number; readonly low: number; readonly high: number };
  /** The fitted level now (when over: the newest three runs' median), seconds per operation. */
  readonly level: number;
  /** Runs the trend was fitted on. */
  readonly points: number;
}

/** A point of a benchmark's history: its median and when it ran. @beta */
export interface BudgetPoint {
  /** Median seconds per operation of the run. */
  readonly value: number;
  /** Start of the run, ms since the epoch. */
  readonly timestamp: number;
}

const DAY_MS = 86_400_000;

/**
 * Forecasts when `points` (oldest first, one per run in commit order) cross `budget`, or says the budget is
 * already exceeded (the newest three runs' median above it). Nothing (`undefined`) without a significant
 * rising trend toward the budget, with fewer than `minPoints` runs (default 8), or when the
 * trend has stopped in the newer half of the runs.
 *
 * @param points - the history, oldest first
 * @param budget - the budget
 * @param options - confidence (default 0.9), minPoints, maxPoints
 * @beta
 */
export function forecastBudget(points: readonly BudgetPoint[], budget: BenchmarkBudget, options: Omit<ForecastOptions, 'sawtooth' | 'minDrops'> = {}): BudgetForecast | undefined {
  if (!(budget.seconds > 0) || !Number.isFinite(budget.seconds)) throw new RangeError(`budget for ${budget.key} must be a positive number of seconds, got ${String(budget.seconds)}`);
  const values = points.map((p) => p.value);
  // already over: the newest three runs' median is above the budget (no trend needed to say so)
  const newest = values.slice(-3);
  const recent = newest.length === 0 ? undefined : median(newest);
  if (recent !== undefined && recent > budget.seconds) {
    return { budget: budget.seconds, source: budget.source, state: 'over', commits: { point: 0, low: 0, high: 0 }, level: recent, points: newest.length };
  }
  const byCommit = forecastTimeToLimit({ times: points.map((_, i) => i), values }, budget.seconds, { ...options, sawtooth: false });
  if (byCommit === undefined || !(byCommit.slope > 0)) return undefined;
  const days = points.map((p) => (p.timestamp - (points[0]?.timestamp ?? 0)) / DAY_MS);
  const spansTime = (days.at(-1) ?? 0) > 0;
  const byDay = spansTime ? forecastTimeToLimit({ times: days, values }, budget.seconds, { ...options, sawtooth: false }) : undefined;
  return {
    budget: budget.seconds,
    source: budget.source,
    state: 'crossing',
    commits: { point: byCommit.seconds, low: byCommit.low, high: byCommit.high },
    ...(byDay === undefined || !(byDay.slope > 0) ? {} : { days: { point: byDay.seconds, low: byDay.low, high: byDay.high } }),
    level: byCommit.level,
    points: byCommit.points,
  };
}

/**
 * A benchmark's budget in a trends report: the budget, its forecast when there is one, and the sentence the
 * formatters print.
 *
 * @beta
 */
export interface TrendBudget {
  /** The budget, seconds per operation. */
  readonly seconds: number;
  /** Where it came from ("2 ms", "1.2x of baseline main"). */
  readonly source: string;
  /** The forecast, absent without a significant trend toward the budget. */
  readonly forecast?: BudgetForecast;
  /** The verdict in words. */
  readonly message: string;
}

function span(x: { readonly point: number; readonly low: number; readonly high: number }, unit: string): string {
  const r = (v: number): string => (Number.isFinite(v) ? String(Math.max(0, Math.round(v))) : '∞');
  return `about ${r(x.point)} ${unit} [${r(x.low)}, ${r(x.high)}]`;
}

/**
 * The budget's line in a trends report: over it, crossing it (in commits and days, with intervals), or within
 * it with no significant trend toward it.
 *
 * @beta
 */
export function budgetLine(points: readonly BudgetPoint[], budget: BenchmarkBudget, options: Omit<ForecastOptions, 'sawtooth' | 'minDrops'> = {}): TrendBudget {
  const forecast = forecastBudget(points, budget, options);
  const limit = `its ${formatValue(budget.seconds, 's')} budget (${neutralizeControls(budget.source)})`;
  let message: string;
  if (forecast === undefined) message = `within ${limit}; no significant trend toward it over ${String(points.length)} runs`;
  else if (forecast.state === 'over') message = `over ${limit}: ${formatValue(forecast.level, 's')} in the newest runs`;
  else message = `crosses ${limit} in ${span(forecast.commits, 'commits')}${forecast.days === undefined ? '' : `, ${span(forecast.days, 'days')}`}, at the trend of the last ${String(forecast.points)} runs`;
  return { seconds: budget.seconds, source: budget.source, ...(forecast === undefined ? {} : { forecast }), message };
}
