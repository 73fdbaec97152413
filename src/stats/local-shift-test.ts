// The local test of a level shift between two windows of per-run log levels, drift-aware (a slope shared by
// both windows is removed first), used by change-point detection to check each candidate change.
import { hodgesLehmannShift } from './hodges-lehmann.js';
import { normalCdf } from './mann-whitney.js';

/** A local test's outcome: the log shift, its standard error and the two-sided p-value. @internal */
export interface LocalTest {
  shift: number;
  se: number;
  pValue: number;
}

/**
 * Drift-aware local test of a level shift at `cut` between windows `[lo, cut)` and `[cut, hi)`: when the
 * runs inside each window trend (pooled slope significant), the shift is measured on detrended values,
 * so a slow drift is not reported as a step.
 *
 * @internal
 */
export function localTest(y: Float64Array, lo: number, cut: number, hi: number, sigma: number): LocalTest {
  const nl = cut - lo;
  const nr = hi - cut;
  // pooled within-window slope (OLS on each window, shared slope)
  let sxy = 0;
  let sxx = 0;
  const meanT = (a: number, b: number): number => (a + b - 1) / 2;
  for (const [a, b] of [
    [lo, cut],
    [cut, hi],
  ] as const) {
    const tm = meanT(a, b);
    let ym = 0;
    for (let i = a; i < b; i++) ym += y[i] as number;
    ym /= b - a;
    for (let i = a; i < b; i++) {
      sxy += (i - tm) * ((y[i] as number) - ym);
      sxx += (i - tm) * (i - tm);
    }
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const left: number[] = [];
  const right: number[] = [];
  for (let i = lo; i < cut; i++) left.push((y[i] as number) - slope * (i - cut));
  for (let i = cut; i < hi; i++) right.push((y[i] as number) - slope * (i - cut));
  const shift = hodgesLehmannShift(left, right);
  let variance = (1 / nl + 1 / nr) / 0.955;
  if (sxx > 0) {
    const dt = meanT(cut, hi) - meanT(lo, cut);
    variance += (dt * dt) / sxx;
  }
  const se = sigma * Math.sqrt(variance);
  const z = shift / se;
  return { shift, se, pValue: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) };
}
