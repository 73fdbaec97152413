// The mean of a stratified sample: each stratum's mean weighted by its share of the population, with the
// standard error of that weighted mean (sampling within a stratum is independent and with replacement).
import { mean } from './summary.js';
import { normalQuantile } from './pelt.js';

/**
 * One stratum of a stratified sample.
 *
 * @internal
 */
export interface Stratum {
  /** The stratum's share of the population (the weights of all strata are normalised to sum to 1). */
  readonly weight: number;
  /** The values drawn from the stratum. */
  readonly values: readonly number[];
}

/**
 * A stratified estimate of a population mean.
 *
 * @internal
 */
export interface StratifiedMean {
  /** Σ weight × stratum mean, strata without values left out and the rest re-weighted. */
  readonly mean: number;
  /** Standard error of `mean`: sqrt(Σ weight² × variance / n). */
  readonly standardError: number;
  /** The 95% interval, normal approximation. */
  readonly low: number;
  readonly high: number;
  /** Values over all strata. */
  readonly count: number;
}

/**
 * The stratified mean and its 95% interval. A stratum with one value contributes no variance; a stratum
 * with none is dropped and the other weights are re-normalised.
 *
 * @param strata - the strata, weights in any positive scale
 * @internal
 */
export function stratifiedMean(strata: readonly Stratum[]): StratifiedMean {
  const used = strata.filter((s) => s.values.length > 0 && s.weight > 0);
  const total = used.reduce((sum, s) => sum + s.weight, 0);
  let estimate = 0;
  let variance = 0;
  let count = 0;
  for (const s of used) {
    const w = s.weight / total;
    const m = mean(s.values);
    const n = s.values.length;
    count += n;
    estimate += w * m;
    if (n > 1) {
      let ss = 0;
      for (const v of s.values) ss += (v - m) ** 2;
      variance += (w * w * (ss / (n - 1))) / n;
    }
  }
  if (used.length === 0) return { mean: Number.NaN, standardError: Number.NaN, low: Number.NaN, high: Number.NaN, count: 0 };
  const se = Math.sqrt(variance);
  const z = normalQuantile(0.975);
  return { mean: estimate, standardError: se, low: estimate - z * se, high: estimate + z * se, count };
}
