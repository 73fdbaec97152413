// The local test of a level shift between two windows of per-run log levels, drift-aware (a slope shared by
// both windows is removed first), used by change-point detection to check each candidate change.
import { hodgesLehmannShift } from './hodges-lehmann.js';
import { normalCdf } from './mann-whitney.js';
import { medianInPlace } from './bootstrap.js';

/** A local test's outcome: the log shift, its standard error and the two-sided p-value. @internal */
export interface LocalTest {
  shift: number;
  se: number;
  pValue: number;
}

/**
 * Drift-aware local test of a level shift at `cut` between windows `[lo, cut)` and `[cut, hi)`: the shift is
 * measured on values detrended by a slope shared by both windows (the median of the pairwise slopes inside each
 * window), so a slow drift is not reported as a step, and the slope's uncertainty widens the test.
 *
 * @internal
 */
export function localTest(y: Float64Array, lo: number, cut: number, hi: number, sigma: number): LocalTest {
  const nl = cut - lo;
  const nr = hi - cut;
  // A median of pairwise slopes, not least squares: one slow run at a window's edge tilts a least-squares slope,
  // and the tilt, carried across the cut, reads as a step in a short history.
  const slope = pooledMedianSlope(y, [
    [lo, cut],
    [cut, hi],
  ]);
  // the slope's variance term: spread of the run indices about each window's centre (L (L² - 1) / 12 for L runs),
  // and the distance between the two windows' centres
  const sxx = (nl * (nl * nl - 1) + nr * (nr * nr - 1)) / 12;
  const left: number[] = [];
  const right: number[] = [];
  for (let i = lo; i < cut; i++) left.push((y[i] as number) - slope * (i - cut));
  for (let i = cut; i < hi; i++) right.push((y[i] as number) - slope * (i - cut));
  const shift = hodgesLehmannShift(left, right);
  let variance = (1 / nl + 1 / nr) / 0.955;
  if (sxx > 0) {
    const dt = (nl + nr) / 2;
    variance += (dt * dt) / sxx;
  }
  const se = sigma * Math.sqrt(variance);
  const z = shift / se;
  return { shift, se, pValue: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) };
}

let slopeScratch = new Float64Array(1024);

/** Median of the slopes between every two runs of the same window (Theil-Sen, pooled over the windows). */
function pooledMedianSlope(y: Float64Array, windows: readonly (readonly [number, number])[]): number {
  let m = 0;
  for (const [a, b] of windows) m += ((b - a) * (b - a - 1)) / 2;
  if (m === 0) return 0;
  if (slopeScratch.length < m) slopeScratch = new Float64Array(m);
  const slopes = slopeScratch;
  let k = 0;
  for (const [a, b] of windows) for (let i = a; i < b; i++) for (let j = i + 1; j < b; j++) slopes[k++] = ((y[j] as number) - (y[i] as number)) / (j - i);
  return medianInPlace(slopes, m);
}
