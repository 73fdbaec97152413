// Hodges-Lehmann shift estimator: the median of all pairwise differences between two samples.

/**
 * Hodges-Lehmann estimate of the shift of `current` relative to `baseline`: the median of
 * `current[j] - baseline[i]` over all pairs. Robust (a breakdown point of about 29%) and nearly as
 * efficient as the difference of means under normal noise. Apply it to log-times to get a log ratio.
 *
 * @param baseline - reference sample (at least one value)
 * @param current - compared sample (at least one value)
 * @returns the shift; `NaN` when either sample is empty
 * @public
 */
export function hodgesLehmannShift(baseline: readonly number[], current: readonly number[]): number {
  const nb = baseline.length;
  const nc = current.length;
  if (nb === 0 || nc === 0) return Number.NaN;
  const diffs = new Float64Array(nb * nc);
  let k = 0;
  for (const c of current) for (const b of baseline) diffs[k++] = c - b;
  diffs.sort();
  const h = diffs.length >>> 1;
  return diffs.length % 2 === 1 ? (diffs[h] as number) : ((diffs[h - 1] as number) + (diffs[h] as number)) / 2;
}
