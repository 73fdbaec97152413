// Building blocks of change-point detection: PELT optimal partitioning, robust noise between runs, medians.

/** Median of the first `n` values of `s`, sorting them in place. @internal */
export function sortedMedian(s: Float64Array, n: number): number {
  if (n === 0) return Number.NaN;
  if (n <= 32) {
    for (let i = 1; i < n; i++) {
      const v = s[i] as number;
      let j = i - 1;
      while (j >= 0 && (s[j] as number) > v) {
        s[j + 1] = s[j] as number;
        j--;
      }
      s[j + 1] = v;
    }
  } else {
    s.subarray(0, n).sort();
  }
  const h = n >>> 1;
  return n % 2 === 1 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
}

/** Mean of the first `n` values of `s` (sorted ascending) without the lowest and highest `share` of them. @internal */
export function sortedTrimmedMean(s: Float64Array, n: number, share: number): number {
  const cut = Math.floor(share * n);
  let sum = 0;
  for (let i = cut; i < n - cut; i++) sum += s[i] as number;
  return sum / (n - 2 * cut);
}

/** Median of a copy of `x`. @internal */
export function medianOf(x: ArrayLike<number>): number {
  return sortedMedian(Float64Array.from(x), x.length);
}

/** Centred running median of half-width `h` (shorter at the ends). @internal */
export function runningMedian(y: Float64Array, h: number): Float64Array {
  const n = y.length;
  const out = new Float64Array(n);
  const window = new Float64Array(2 * h + 1);
  for (let i = 0; i < n; i++) {
    const from = Math.max(0, i - h);
    const to = Math.min(n, i + h + 1);
    for (let j = from; j < to; j++) window[j - from] = y[j] as number;
    out[i] = sortedMedian(window, to - from);
  }
  return out;
}

/** Inverse of the standard normal CDF (Acklam's approximation, relative error < 1.2e-9). @internal */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const poly = (k: readonly number[], x: number): number => k.reduce((acc, v) => acc * x + v, 0);
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/**
 * Effective degrees of freedom of {@link runNoise} from `runs` run levels: a noise read from successive
 * differences is less certain than a standard deviation of as many independent values (the differences
 * overlap), about `2 (n - 1)^2 / (3n - 4)` (the mean square successive difference's variance). A prediction
 * interval from a few stored runs takes Student's t with these, not `n - 1`: with 4 runs, `n - 1` held a fresh
 * run's level only 86% of the time on simulated normal levels. `NaN` below 2 runs.
 *
 * @internal
 */
export function runNoiseDegreesOfFreedom(runs: number): number {
  if (!(runs >= 2)) return Number.NaN;
  return (2 * (runs - 1) ** 2) / (3 * runs - 4);
}

/**
 * Robust noise between runs from first differences of per-run log medians: the larger of a MAD estimate and a
 * clipped standard deviation, so a few steps or bad runs do not inflate it and a bimodal host does not hide.
 *
 * @internal
 */
export function runNoise(y: Float64Array): number {
  const n = y.length;
  if (n < 3) return 0;
  const diffs = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) diffs[i - 1] = (y[i] as number) - (y[i - 1] as number);
  const mid = medianOf(diffs);
  const dev = diffs.map((v) => Math.abs(v - mid));
  const madSigma = (1.4826 * medianOf(dev)) / Math.SQRT2;
  const clip = 4 * madSigma * Math.SQRT2;
  let sum = 0;
  for (const v of diffs) {
    const c = Math.max(-clip, Math.min(clip, v - mid));
    sum += c * c;
  }
  const sdSigma = Math.sqrt(sum / diffs.length) / Math.SQRT2;
  return Math.max(madSigma, sdSigma, 1e-6);
}

/** Median |residual| from a centred running median of five, over normal noise, in units of the noise's sd. */
const BULK_CONSISTENCY = 1.4826 / 0.71;

/**
 * Noise of the bulk of the runs: the scale of each run's distance from a centred running median of five. A step
 * leaves those distances alone (the running median keeps edges) and a bad run spoils only its own, where it spoils
 * two first differences; so this holds when a quarter of a short history's runs are bad, and the
 * first-difference estimate ({@link runNoise}) does not.
 *
 * @internal
 */
export function bulkNoise(y: Float64Array): number {
  if (y.length < 3) return 0;
  const centre = runningMedian(y, 2);
  return Math.max(BULK_CONSISTENCY * medianOf(y.map((v, i) => Math.abs(v - (centre[i] as number)))), 1e-6);
}

/** Optimal partition (PELT, L2 cost, minimum segment length). Returns segment starts after 0. @internal */
export function pelt(y: Float64Array, beta: number, minSegment: number, maxSegment = Infinity): number[] {
  const n = y.length;
  if (n < 2 * minSegment) return [];
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const v = y[i] as number;
    s1[i + 1] = (s1[i] as number) + v;
    s2[i + 1] = (s2[i] as number) + v * v;
  }
  const f = new Float64Array(n + 1).fill(Infinity);
  const last = new Int32Array(n + 1);
  f[0] = -beta;
  // candidate segment starts, compacted in place as PELT prunes them
  const candidates = new Int32Array(n + 1);
  let count = 0;
  const costs = new Float64Array(n + 1);
  for (let t = minSegment; t <= n; t++) {
    const eligible = t - minSegment;
    if (eligible === 0 || eligible >= minSegment) candidates[count++] = eligible;
    const a2 = s2[t] as number;
    const a1 = s1[t] as number;
    let best = Infinity;
    let arg = 0;
    for (let c = 0; c < count; c++) {
      const s = candidates[c] as number;
      const sum = a1 - (s1[s] as number);
      const v = (f[s] as number) + (a2 - (s2[s] as number) - (sum * sum) / (t - s));
      costs[c] = v;
      if (v + beta < best) {
        best = v + beta;
        arg = s;
      }
    }
    f[t] = best;
    last[t] = arg;
    // pruning (PELT) plus a cap on segment length that bounds the work on long flat histories; a cut forced
    // by the cap is not a change and fails the local test that follows
    let kept = 0;
    for (let c = 0; c < count; c++) {
      const s = candidates[c] as number;
      if ((costs[c] as number) <= best && t + 1 - s <= maxSegment) candidates[kept++] = s;
    }
    count = kept;
  }
  const cuts: number[] = [];
  for (let t = n; t > 0; ) {
    const s = last[t] as number;
    if (s > 0) cuts.push(s);
    t = s;
  }
  return cuts.reverse();
}
