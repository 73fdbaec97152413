// Peer detectors for bench/regression.ts, measured on the same histories as rune-bench's detector.
// - naive: the last run against the mean of the previous five, alarm over 5% (what many CI scripts do).
// - E-Divisive with a Welch t-test (alpha 0.001, minimum change 2%): the approach behind Apache Otava
//   (formerly Hunter, MongoDB's signal processing), re-implemented here on per-run medians.
import type { ScoredDetection } from './history-scorer.js';

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >>> 1;
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/** Per-run medians: the one number per run both peers see (as Otava sees one value per test run). */
export function runMedians(runs: readonly (readonly number[])[]): number[] {
  return runs.map(median);
}

/** Naive: each run against the mean of the five before it; |ratio - 1| > 5% raises an alarm at that run. */
export function naiveDetector(runs: readonly (readonly number[])[], threshold = 0.05): ScoredDetection[] {
  const v = runMedians(runs);
  const out: ScoredDetection[] = [];
  for (let i = 5; i < v.length; i++) {
    let mean = 0;
    for (let j = i - 5; j < i; j++) mean += v[j]!;
    mean /= 5;
    const ratio = v[i]! / mean;
    if (Math.abs(ratio - 1) > threshold) out.push({ position: i, direction: ratio > 1 ? 'regression' : 'improvement' });
  }
  return out;
}

// --- Student t distribution (for the Welch test), via the regularized incomplete beta function ---
function logGamma(x: number): number {
  const c = [76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5];
  let y = x;
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let ser = 1.000000000190015;
  for (const k of c) ser += k / ++y;
  return -tmp + Math.log((2.5066282746310005 * ser) / x);
}

function betacf(a: number, b: number, x: number): number {
  const eps = 3e-14;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < 1e-300) d = 1e-300;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = 1 + aa / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = 1 + aa / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < eps) break;
  }
  return h;
}

function incompleteBeta(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const bt = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (bt * betacf(a, b, x)) / a : 1 - (bt * betacf(b, a, 1 - x)) / b;
}

/** Two-sided p-value of Welch's t-test. */
export function welchTTest(a: readonly number[], b: readonly number[]): number {
  const na = a.length;
  const nb = b.length;
  if (na < 2 || nb < 2) return 1;
  const ma = a.reduce((s, v) => s + v, 0) / na;
  const mb = b.reduce((s, v) => s + v, 0) / nb;
  const va = a.reduce((s, v) => s + (v - ma) ** 2, 0) / (na - 1);
  const vb = b.reduce((s, v) => s + (v - mb) ** 2, 0) / (nb - 1);
  const se2 = va / na + vb / nb;
  if (se2 === 0) return ma === mb ? 1 : 0;
  const t = (mb - ma) / Math.sqrt(se2);
  const df = (se2 * se2) / ((va / na) ** 2 / (na - 1) + (vb / nb) ** 2 / (nb - 1));
  return incompleteBeta(df / 2, 0.5, df / (df + t * t));
}

/** Best E-Divisive split of x[s..e) (alpha = 1), O(L^2) with running sums; undefined when too short. */
function bestSplit(x: readonly number[], s: number, e: number, minSize: number): number | undefined {
  const len = e - s;
  if (len < 2 * minSize) return undefined;
  // sums of |p_i - p_j| within the left part, within the right part and between
  let within = 0;
  for (let i = s; i < e; i++) for (let j = i + 1; j < e; j++) within += Math.abs(x[i]! - x[j]!);
  let wl = 0;
  let wr = within;
  let between = 0;
  let best: number | undefined;
  let bestQ = -Infinity;
  for (let tau = s + 1; tau < e; tau++) {
    // move point tau - 1 from the right part to the left part
    const p = x[tau - 1]!;
    let toLeft = 0;
    for (let i = s; i < tau - 1; i++) toLeft += Math.abs(x[i]! - p);
    let toRight = 0;
    for (let j = tau; j < e; j++) toRight += Math.abs(x[j]! - p);
    wl += toLeft;
    wr -= toRight;
    between += toRight - toLeft;
    const m = tau - s;
    const k = e - tau;
    if (m < minSize || k < minSize) continue;
    const eHat = (2 / (m * k)) * between - (m > 1 ? wl / ((m * (m - 1)) / 2) : 0) - (k > 1 ? wr / ((k * (k - 1)) / 2) : 0);
    const q = ((m * k) / (m + k)) * eHat;
    if (q > bestQ) {
      bestQ = q;
      best = tau;
    }
  }
  return best;
}

/**
 * E-Divisive means with a Welch t-test as the significance test (Otava's approach): split recursively at the
 * point maximising the energy statistic; keep a split when Welch's t-test between the two sides gives
 * p < alpha and the means differ by at least `minChange`.
 */
export function eDivisiveWelch(runs: readonly (readonly number[])[], alpha = 0.001, minChange = 0.02, minSize = 3): ScoredDetection[] {
  const x = runMedians(runs);
  const cuts: number[] = [];
  const stack: [number, number][] = [[0, x.length]];
  while (stack.length > 0) {
    const [s, e] = stack.pop()!;
    const tau = bestSplit(x, s, e, minSize);
    if (tau === undefined) continue;
    const left = x.slice(s, tau);
    const right = x.slice(tau, e);
    const ml = left.reduce((a, v) => a + v, 0) / left.length;
    const mr = right.reduce((a, v) => a + v, 0) / right.length;
    if (welchTTest(left, right) < alpha && Math.abs(mr / ml - 1) >= minChange) {
      cuts.push(tau);
      stack.push([s, tau], [tau, e]);
    }
  }
  cuts.sort((a, b) => a - b);
  // direction from the segments on each side of each cut
  return cuts.map((cut, i) => {
    const from = i > 0 ? cuts[i - 1]! : 0;
    const to = i + 1 < cuts.length ? cuts[i + 1]! : x.length;
    const before = median(x.slice(from, cut));
    const after = median(x.slice(cut, to));
    return { position: cut, direction: after > before ? 'regression' : 'improvement' };
  });
}
