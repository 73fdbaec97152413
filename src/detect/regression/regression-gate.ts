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
 * The verdict from an interval and an adjusted p-value, with its reason in words.
 *
 * @internal
 */
export function verdictOf(ci: ConfidenceInterval, qValue: number, s: GateSettings): { readonly verdict: Verdict; readonly reason: string } {
  const up = 1 + s.threshold;
  const down = 1 / up;
  const span = `the ${(ci.level * 100).toFixed(0)}% interval ${percent(ci.lower)} to ${percent(ci.upper)}`;
  const limit = `the ${(s.threshold * 100).toFixed(1)}% threshold`;
  const q = `q = ${qValue.toPrecision(2)}`;
  if (ci.lower > up || ci.upper < down) {
    const direction = ci.lower > up ? 'above' : 'below';
    if (qValue <= s.alpha) {
      return { verdict: ci.lower > up ? 'regressed' : 'improved', reason: `${span} lies wholly ${direction} ${limit} (${q})` };
    }
    return { verdict: 'inconclusive', reason: `${span} lies ${direction} ${limit}, but ${q} is above the false discovery rate ${s.alpha}` };
  }
  if (ci.lower >= down && ci.upper <= up) return { verdict: 'unchanged', reason: `${span} lies within ${limit}` };
  return { verdict: 'inconclusive', reason: `${span} straddles ${limit}` };
}

/**
 * Applies Benjamini-Hochberg across the raw comparisons (one family) and assigns verdicts.
 *
 * @internal
 */
export function judge(raw: readonly RawComparison[], s: GateSettings, noise?: ReadonlyMap<string, BetweenRunNoise>): BenchmarkComparison[] {
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
    return { ...rest, interval: ci, threshold: s.threshold, qValue, ...verdictOf(ci, qValue, s), intervalCovers: covers };
  });
}
