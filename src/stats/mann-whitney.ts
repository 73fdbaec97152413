// Mann-Whitney U test (Wilcoxon rank-sum): does one sample tend to be larger than the other?
import { errorFunction } from 'simple-statistics';

/**
 * Result of {@link mannWhitneyU}.
 *
 * @public
 */
export interface MannWhitneyResult {
  /** U statistic of the first sample (number of pairs where a \> b, ties counting one half). */
  readonly u: number;
  /** Standardised statistic (normal approximation, tie- and continuity-corrected); positive when `a` tends to be larger. */
  readonly z: number;
  /** Two-sided p-value, 0-1. */
  readonly pValue: number;
}

/** Standard normal cumulative distribution function. @internal */
export function normalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/**
 * Two-sided Mann-Whitney U test with the normal approximation, corrected for ties and continuity.
 * Suitable for the sample sizes benchmarks produce (more than about 8 per group).
 *
 * @param a - first sample
 * @param b - second sample
 * @returns U of `a`, the z statistic and the two-sided p-value (1 when either sample is empty or all values tie)
 * @public
 */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) return { u: 0, z: 0, pValue: 1 };
  const n = n1 + n2;
  const all: { v: number; g: 0 | 1 }[] = [];
  for (const v of a) all.push({ v, g: 0 });
  for (const v of b) all.push({ v, g: 1 });
  all.sort((x, y) => x.v - y.v);
  let rankSumA = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && all[j + 1]?.v === all[i]?.v) j++;
    const rank = (i + j + 2) / 2; // average of 1-based ranks i+1..j+1
    const t = j - i + 1;
    if (t > 1) tieTerm += t * t * t - t;
    for (let k = i; k <= j; k++) if (all[k]?.g === 0) rankSumA += rank;
    i = j + 1;
  }
  const u = rankSumA - (n1 * (n1 + 1)) / 2;
  const meanU = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { u, z: 0, pValue: 1 };
  const diff = u - meanU;
  const corrected = Math.sign(diff) * Math.max(0, Math.abs(diff) - 0.5);
  const z = corrected / Math.sqrt(variance);
  const pValue = Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
  return { u, z, pValue };
}
