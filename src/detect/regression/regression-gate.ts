// The pairwise gate: current against baseline sample sets, one verdict per benchmark, corrected for many.
import { bootstrapRatioCI } from '../../stats/bootstrap.js';
import { mannWhitneyU } from '../../stats/mann-whitney.js';
import { hodgesLehmannShift } from '../../stats/hodges-lehmann.js';
import { benjaminiHochberg } from '../../stats/benjamini-hochberg.js';
import { median } from '../../stats/quantile.js';
import type { ConfidenceInterval } from '../../core/results.js';
import type { BenchmarkComparison, RegressionVerdict } from './regression-types.js';

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
  readonly name: string;
  readonly ratio: number;
  readonly ci: ConfidenceInterval;
  readonly hodgesLehmann: number;
  readonly pValue: number;
  readonly samples: { readonly baseline: number; readonly current: number };
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
export function measurePair(name: string, baseline: readonly number[], current: readonly number[], s: GateSettings): RawComparison {
  const a = positives(baseline);
  const b = positives(current);
  if (a.length === 0 || b.length === 0) throw new RangeError(`${name}: both sample sets need positive values`);
  const la = a.map(Math.log);
  const lb = b.map(Math.log);
  const ratio = median(b) / median(a);
  const ci = bootstrapRatioCI(a, b, { resamples: s.resamples, level: s.level, seed: s.seed });
  const mw = mannWhitneyU(lb, la);
  return {
    name,
    ratio,
    ci,
    hodgesLehmann: Math.exp(hodgesLehmannShift(la, lb)),
    pValue: mw.pValue,
    samples: { baseline: a.length, current: b.length },
  };
}

/**
 * The verdict from an interval and an adjusted p-value.
 *
 * @internal
 */
export function verdictOf(ci: ConfidenceInterval, qValue: number, s: GateSettings): RegressionVerdict {
  const up = 1 + s.threshold;
  const down = 1 / up;
  if (ci.lower > up && qValue <= s.alpha) return 'regressed';
  if (ci.upper < down && qValue <= s.alpha) return 'improved';
  if (ci.lower >= down && ci.upper <= up) return 'no-change';
  return 'within-noise';
}

/**
 * Applies Benjamini-Hochberg across the raw comparisons and assigns verdicts.
 *
 * @internal
 */
export function judge(raw: readonly RawComparison[], s: GateSettings): BenchmarkComparison[] {
  const q = benjaminiHochberg(raw.map((r) => r.pValue));
  return raw.map((r, i) => {
    const qValue = q[i] ?? 1;
    return { ...r, qValue, verdict: verdictOf(r.ci, qValue, s) };
  });
}
