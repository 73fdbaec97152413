// The pairwise gate: current against baseline sample sets, one verdict per benchmark, corrected for many.
import { bootstrapRatioCI } from '../../stats/bootstrap.js';
import { mannWhitneyU } from '../../stats/mann-whitney.js';
import { hodgesLehmannShift } from '../../stats/hodges-lehmann.js';
import { benjaminiHochberg } from '../../stats/benjamini-hochberg.js';
import { median } from '../../stats/quantile.js';
import type { ConfidenceInterval } from '../../core/results.js';
import type { BenchmarkComparison, BetweenRunNoise } from './regression-types.js';
import { widenByNoise } from './between-run-noise.js';
import type { Verdict } from './verdict.js';

/** @internal */
export interface GateSettings {
  readonly threshold: number;
  readonly alpha: number;
  readonly level: number;
  readonly resamples: number;
  readonly seed: number;
}

/** A comparison before the multiple-testing correction. @internal */
export interface RawComparison {
  readonly key: string;
  readonly ratio: number;
  readonly ci: ConfidenceInterval;
  readonly hodgesLehmann: number;
  readonly pValue: number;
  readonly samples: { readonly baseline: number; readonly current: number };
  readonly medians: { readonly baseline: number; readonly current: number };
}

function positives(sample: readonly number[]): number[] {
  return sample.filter((v) => v > 0 && Number.isFinite(v));
}

/**
 * Measures one benchmark: ratio of medians with a seeded bootstrap interval, Hodges-Lehmann shift of
 * log-times, and the Mann-Whitney U p-value on log-times.
 *
 * @internal
 */
export function measurePair(key: string, baseline: readonly number[], current: readonly number[], s: GateSettings): RawComparison {
  const a = positives(baseline);
  const b = positives(current);
  if (a.length === 0 || b.length === 0) throw new RangeError(`${key}: both sample sets need positive values`);
  const la = a.map(Math.log);
  const lb = b.map(Math.log);
  const medians = { baseline: median(a), current: median(b) };
  const ratio = medians.current / medians.baseline;
  const ci = bootstrapRatioCI(a, b, { resamples: s.resamples, level: s.level, seed: s.seed });
  const mw = mannWhitneyU(lb, la);
  return {
    key,
    ratio,
    ci,
    hodgesLehmann: Math.exp(hodgesLehmannShift(la, lb)),
    pValue: mw.pValue,
    samples: { baseline: a.length, current: b.length },
    medians,
  };
}

/** What the bootstrap over the kept samples of one run on each side covers. */
const WITHIN =
  'the spread between the kept samples of each run (seeded bootstrap); between-process noise only when the task ran isolated in several processes';
const WITHIN_ONLY = `${WITHIN}. Not between-run noise: no history of this benchmark on this machine (record runs in a results store)`;

function percent(ratio: number): string {
  const v = (ratio - 1) * 100;
  return `${v >= 0 ? '+' : ''}${v.toFixed(1)}%`;
}

/**
 * The screen for a change: the direction when the interval excludes no change and the estimate `ratio` lies past
 * the threshold, else `undefined`. What the gate keeps on a screen is decided by {@link verdictOf} (with a re-run
 * to come) and by a same-window comparison (more rounds).
 *
 * @internal
 */
export function screenedChange(ratio: number, ci: ConfidenceInterval, threshold: number): 'regressed' | 'improved' | undefined {
  const up = 1 + threshold;
  if (ci.lower > 1 && ratio > up) return 'regressed';
  if (ci.upper < 1 && ratio < 1 / up) return 'improved';
  return undefined;
}

/**
 * The whole-interval rule, the one place it is written: `regressed` when the whole interval lies above
 * `1 + threshold`, `improved` when it lies below `1 / (1 + threshold)`, `unchanged` when it lies within both
 * bounds, else `inconclusive` (it straddles a bound). The pairwise gate ({@link verdictOf}) and the same-window
 * comparison (`decideRoundVerdict`) both decide with it.
 *
 * @internal
 */
export function wholeIntervalVerdict(ci: ConfidenceInterval, threshold: number): 'regressed' | 'improved' | 'unchanged' | 'inconclusive' {
  const up = 1 + threshold;
  const down = 1 / up;
  if (ci.lower > up) return 'regressed';
  if (ci.upper < down) return 'improved';
  if (ci.lower >= down && ci.upper <= up) return 'unchanged';
  return 'inconclusive';
}

/**
 * The verdict from an interval and an adjusted p-value, with its reason in words. A verdict that stands on this
 * one measurement needs the whole interval past the threshold. With `screening` (a re-run will be asked to
 * reproduce any change, see {@link reproduces}) a change is screened in when the interval excludes no change
 * and the estimate `ratio` lies past the threshold: the re-run then guards against a one-off run, which gives
 * the gate the power to see a 5% change through a few percent of between-run noise.
 *
 * @internal
 */
export function verdictOf(
  ratio: number,
  ci: ConfidenceInterval,
  qValue: number,
  s: GateSettings,
  screening = false,
): { readonly verdict: Verdict; readonly reason: string } {
  const span = `the ${(ci.level * 100).toFixed(0)}% interval ${percent(ci.lower)} to ${percent(ci.upper)}`;
  const limit = `the ${(s.threshold * 100).toFixed(1)}% threshold`;
  const q = `q = ${qValue.toPrecision(2)}`;
  const whole = wholeIntervalVerdict(ci, s.threshold);
  const wholly = whole === 'regressed' || whole === 'improved';
  const screened = screening && !wholly && screenedChange(ratio, ci, s.threshold) !== undefined;
  if (wholly || screened) {
    const slower = wholly ? whole === 'regressed' : ci.lower > 1;
    const direction = slower ? 'above' : 'below';
    const shown = wholly
      ? `${span} lies wholly ${direction} ${limit}`
      : `${span} excludes no change and the estimate ${percent(ratio)} lies ${direction} ${limit}`;
    if (qValue <= s.alpha) return { verdict: slower ? 'regressed' : 'improved', reason: `${shown} (${q})` };
    return { verdict: 'inconclusive', reason: `${shown}, but ${q} is above the false discovery rate ${s.alpha}` };
  }
  if (whole === 'unchanged') return { verdict: 'unchanged', reason: `${span} lies within ${limit}` };
  return { verdict: 'inconclusive', reason: `${span} straddles ${limit}` };
}

/**
 * Whether a re-run's comparison with the baseline reproduces a first verdict of `regressed` or `improved`: it
 * passes the same screen in the same direction (its interval excludes no change and its estimate lies past the
 * threshold, at the false discovery rate). Its interval need not clear the threshold: the re-run rules out a
 * one-off run (a bad run, a lucky baseline). Its estimate must: a re-run taken later than the baseline can differ
 * from it by a percent or two of drift, which an interval covering one run's spread would call a change.
 *
 * @internal
 */
export function reproduces(again: BenchmarkComparison, verdict: Verdict, alpha: number): { readonly reproduced: boolean; readonly reason: string } {
  const span = `the re-run's ${(again.interval.level * 100).toFixed(0)}% interval ${percent(again.interval.lower)} to ${percent(again.interval.upper)}`;
  const screened = screenedChange(again.ratio, again.interval, again.threshold);
  if (screened !== verdict) {
    const slower = again.interval.lower > 1;
    const faster = again.interval.upper < 1;
    const limit = `the ${(again.threshold * 100).toFixed(1)}% threshold`;
    const why =
      !slower && !faster
        ? 'includes no change'
        : (slower && verdict === 'improved') || (faster && verdict === 'regressed')
          ? 'shows a change the other way'
          : `excludes no change, but its estimate ${percent(again.ratio)} lies within ${limit}`;
    return { reproduced: false, reason: `${span} ${why}` };
  }
  if (again.qValue > alpha) return { reproduced: false, reason: `${span}, but q = ${again.qValue.toPrecision(2)} is above the false discovery rate ${alpha}` };
  return { reproduced: true, reason: `${span} shows the same change (estimate ${percent(again.ratio)})` };
}

/**
 * Applies Benjamini-Hochberg across the raw comparisons (one family) and assigns verdicts (`screening`: see
 * {@link verdictOf}).
 *
 * @internal
 */
export function judge(
  raw: readonly RawComparison[],
  s: GateSettings,
  noise?: ReadonlyMap<string, BetweenRunNoise>,
  screening = false,
): BenchmarkComparison[] {
  const q = benjaminiHochberg(raw.map((r) => r.pValue));
  return raw.map((r, i) => {
    const qValue = q[i] ?? 1;
    const { ci: within, ...rest } = r;
    const between = noise?.get(r.key);
    const ci = between === undefined ? within : widenByNoise(r.ratio, within, between.sigma);
    const covers =
      between === undefined
        ? WITHIN_ONLY
        : `${WITHIN}, widened by between-run noise of ${(between.sigma * 100).toFixed(1)}% per run (from ${between.source})`;
    return { ...rest, interval: ci, threshold: s.threshold, qValue, ...verdictOf(r.ratio, ci, qValue, s, screening), intervalCovers: covers };
  });
}
