// A history whose runs land on a pool of machines of different speeds: the level of each machine is modelled
// apart (from the fingerprint when runs carry one, else as a two-level mixture), so that alternating machines
// are not read as steps.
import { medianOf, runningMedian } from './pelt.js';

/**
 * How the runs of a history were put on one machine's level.
 *
 * @internal
 */
export interface PoolAlignment {
  /** Per-run log levels as if every run had landed on the reference machine. */
  readonly values: Float64Array;
  /** `fingerprint`: offsets per machine id; `mixture`: a two-level mixture was found; `none`: left as is. */
  readonly model: 'fingerprint' | 'mixture' | 'none';
  /** Log distance between the slow and the fast level (0 when no pool was modelled). */
  readonly gap: number;
}

/** Half-width of the running median the machine offsets are measured against (a window of 15 runs). */
const HALF = 7;

/**
 * Offsets per machine fingerprint, each measured as the median distance of that machine's runs from a running
 * median of the aligned history (so steps and drift cancel), relative to the machine of the newest run.
 * A machine with fewer than 3 runs keeps its values.
 *
 * @internal
 */
export function alignByMachine(y: Float64Array, machines: readonly string[]): PoolAlignment {
  const n = y.length;
  const ids = [...new Set(machines)];
  if (ids.length < 2) return { values: y, model: 'none', gap: 0 };
  let values = y;
  const offsets = new Map<string, number>();
  for (let pass = 0; pass < 3; pass++) {
    // a running mean first: a running median flips between two levels that are about equally common
    const ref = pass === 0 ? runningMean(values, HALF) : runningMedian(values, HALF);
    const residuals = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const id = machines[i] as string;
      const list = residuals.get(id) ?? [];
      list.push((y[i] as number) - (ref[i] as number));
      residuals.set(id, list);
    }
    for (const [id, list] of residuals) offsets.set(id, list.length >= 3 ? medianOf(list) : 0);
    const home = offsets.get(machines[n - 1] as string) ?? 0;
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) next[i] = (y[i] as number) - ((offsets.get(machines[i] as string) ?? 0) - home);
    values = next;
  }
  const spread = [...offsets.values()];
  return { values, model: 'fingerprint', gap: Math.max(...spread) - Math.min(...spread) };
}

/**
 * Looks for two machine levels that alternate: a two-component normal mixture (shared variance, EM) fitted
 * to the distances of the runs from a running median. It is kept only when the two levels are well apart
 * (gap at least 3.5 standard deviations of a component), the rarer level holds at least 10% of the runs and
 * at least 5 of them, the runs switch between levels often (at least half as often as independent draws
 * would: a contiguous block is a step, not a pool), and the mixture fits clearly better than one level.
 * Each run is then moved by the gap times its probability of being on the slow machine.
 *
 * @internal
 */
export function alignMixture(y: Float64Array): PoolAlignment {
  const n = y.length;
  const none: PoolAlignment = { values: y, model: 'none', gap: 0 };
  if (n < 20) return none;
  // the level to measure against: first a running mean (a running median flips between the two levels when
  // they are about equally common), then a running median of the runs read on one level
  let level = runningMean(y, HALF);
  let fit: MixtureFit | undefined;
  const r = new Float64Array(n);
  for (let pass = 0; pass < 3; pass++) {
    for (let i = 0; i < n; i++) r[i] = (y[i] as number) - (level[i] as number);
    fit = fitTwoLevels(r, fit);
    if (fit === undefined) return none;
    const aligned = new Float64Array(n);
    for (let i = 0; i < n; i++) aligned[i] = (y[i] as number) - fit.gap * (fit.post[i] as number);
    level = runningMedian(aligned, HALF);
  }
  if (fit === undefined) return none;
  const { post, gap, p, variance, m1, m2 } = fit;
  const sd = Math.sqrt(variance);
  const rare = Math.min(p, 1 - p);
  if (!(gap >= 3.5 * sd) || rare < 0.1 || rare * n < 5) return none;
  // alternation: switches between levels against what independent draws give, 2 p (1 - p) (n - 1)
  let switches = 0;
  for (let i = 1; i < n; i++) if ((post[i] as number) > 0.5 !== (post[i - 1] as number) > 0.5) switches++;
  if (switches < p * (1 - p) * (n - 1)) return none;
  // the mixture must beat one normal level clearly (log-likelihood ratio against BIC's price of 2 parameters)
  let mean = 0;
  for (const v of r) mean += v;
  mean /= n;
  let single = 0;
  for (const v of r) single += (v - mean) ** 2;
  single /= n;
  let llMix = 0;
  for (const v of r) {
    const a = (1 - p) * Math.exp(-((v - m1) ** 2) / (2 * variance));
    const b = p * Math.exp(-((v - m2) ** 2) / (2 * variance));
    llMix += Math.log(Math.max(a + b, 1e-300)) - 0.5 * Math.log(variance);
  }
  const llOne = -0.5 * n - 0.5 * n * Math.log(single);
  if (llMix - llOne < Math.log(n) + 3) return none;
  // read every run on the level of the newest run's machine
  const home = (post[n - 1] as number) > 0.5 ? 1 : 0;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = (y[i] as number) - gap * ((post[i] as number) - home);
  return { values, model: 'mixture', gap };
}

function runningMean(y: Float64Array, h: number): Float64Array {
  const n = y.length;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = (prefix[i] as number) + (y[i] as number);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const from = Math.max(0, i - h);
    const to = Math.min(n, i + h + 1);
    out[i] = ((prefix[to] as number) - (prefix[from] as number)) / (to - from);
  }
  return out;
}

interface MixtureFit {
  m1: number;
  m2: number;
  gap: number;
  p: number;
  variance: number;
  post: Float64Array;
}

/** Two normal levels with a shared variance fitted by EM, started from the 15th/85th percentiles or a previous fit. */
function fitTwoLevels(r: Float64Array, start: MixtureFit | undefined): MixtureFit | undefined {
  const n = r.length;
  const sorted = Float64Array.from(r).sort();
  const low = sorted[Math.floor(0.15 * (n - 1))] ?? 0;
  const high = sorted[Math.floor(0.85 * (n - 1))] ?? 0;
  let m1 = start?.m1 ?? low;
  let m2 = start?.m2 ?? high;
  if (!(m2 > m1)) return undefined;
  let p = start?.p ?? 0.5;
  let variance = start?.variance ?? ((m2 - m1) / 4) ** 2;
  const post = new Float64Array(n);
  for (let iter = 0; iter < 60; iter++) {
    let w = 0;
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const v = r[i] as number;
      const a = (1 - p) * Math.exp(-((v - m1) ** 2) / (2 * variance));
      const b = p * Math.exp(-((v - m2) ** 2) / (2 * variance));
      const q = a + b > 0 ? b / (a + b) : v > (m1 + m2) / 2 ? 1 : 0;
      post[i] = q;
      w += q;
      s2 += q * v;
      s1 += (1 - q) * v;
    }
    if (w < 1 || w > n - 1) return undefined;
    const nm1 = s1 / (n - w);
    const nm2 = s2 / w;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const v = r[i] as number;
      const q = post[i] as number;
      ss += (1 - q) * (v - nm1) ** 2 + q * (v - nm2) ** 2;
    }
    const moved = Math.abs(nm1 - m1) + Math.abs(nm2 - m2);
    m1 = nm1;
    m2 = nm2;
    p = w / n;
    variance = Math.max(ss / n, 1e-12);
    if (moved < 1e-9) break;
  }
  if (!(m2 > m1)) return undefined;
  return { m1, m2, gap: m2 - m1, p, variance, post };
}
