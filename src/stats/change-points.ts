// Change points in a benchmark history: robust PELT over per-run log levels (machine pools modelled), each candidate
// checked against a drift-aware local test, and the newest runs tested against the last stable segment.
import type { ConfidenceInterval } from '../core/results.js';
import { abortError } from '../core/errors.js';
import { validateOptions, type OptionRules } from '../core/options.js';
import { localTest, type LocalTest } from './local-shift-test.js';
import { alignByMachine, alignMixture } from './machine-pool.js';
import { bulkNoise, medianOf, normalQuantile, pelt, runningMedian, runNoise, sortedMedian, sortedTrimmedMean } from './pelt.js';

/**
 * Options of `detectChangePoints`.
 *
 * @beta
 */
export interface ChangePointOptions {
  /** Fewest runs in a segment: a shorter excursion is an anomaly, not a change. @defaultValue `4` */
  readonly minSegment?: number;
  /** Largest p-value at which a change is reported (each change is tested on its own). @defaultValue `0.001` */
  readonly alpha?: number;
  /** Smallest change reported, as a ratio distance from 1 (0.02 = 2%). @defaultValue `0.02` */
  readonly minChange?: number;
  /** Runs on each side of a change that its local test looks at. @defaultValue `40` */
  readonly localRuns?: number;
  /** Newest runs tested against the last stable segment (0 turns the tail test off). @defaultValue `3` */
  readonly tailRuns?: number;
  /** Runs at a new level needed before a change is `confirmed` rather than `suspected`. @defaultValue `4` */
  readonly confirmRuns?: number;
  /** Level of the magnitude intervals. @defaultValue `0.95` */
  readonly level?: number;
  /** PELT penalty in units of noise variance times log(runs). @defaultValue `3` */
  readonly penalty?: number;
  /**
   * Machine fingerprint of each run (`machines[i]` for `runs[i]`), when the history mixes runs from a pool of
   * machines: the level of each machine is modelled apart, so alternating machines are not read as changes.
   * @defaultValue none: the runs' machines are not known (a pool of identical fingerprints is still modelled
   *   as a mixture of levels)
   */
  readonly machines?: readonly string[];
  /** Aborts a long analysis. */
  readonly signal?: AbortSignal;
}

/**
 * One change in a history.
 *
 * @beta
 */
export interface ChangePoint {
  /** Index of the first run at the new level (0-based). */
  readonly position: number;
  /** `regression` when the benchmark got slower, `improvement` when faster. */
  readonly direction: 'regression' | 'improvement';
  /** Ratio of the new level to the old one (times, so above 1 is slower), drift-adjusted. */
  readonly ratio: number;
  /** Interval of `ratio` at `level`. */
  readonly ci: ConfidenceInterval;
  /** Two-sided p-value of the local test. */
  readonly pValue: number;
  /** `suspected` while fewer than `confirmRuns` runs sit at the new level, then `confirmed`. */
  readonly status: 'suspected' | 'confirmed';
  /** Runs at the new level so far (from `position` to the end of the history or the next change). */
  readonly runsAfter: number;
}

/**
 * What `detectChangePoints` found.
 *
 * @beta
 */
export interface ChangePointAnalysis {
  /** Changes in position order. */
  readonly changes: readonly ChangePoint[];
  /** Noise between runs: robust standard deviation of the per-run log levels (trimmed means, machine offsets removed). */
  readonly noise: number;
  /** Runs far from their neighbours that are not changes (one-off bad runs), by index. */
  readonly anomalies: readonly number[];
  /** Per-run medians, seconds per operation (for display; the analysis runs on trimmed means of log times). */
  readonly medians: readonly number[];
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw abortError(signal, 'change-point detection');
}

interface Resolved {
  minSegment: number;
  alpha: number;
  minChange: number;
  localRuns: number;
  tailRuns: number;
  confirmRuns: number;
  level: number;
  penalty: number;
}

const RULES: OptionRules = {
  minSegment: { kind: 'number', integer: true, min: 2 },
  alpha: { kind: 'number', min: 0, exclusiveMin: true, max: 1 },
  minChange: { kind: 'number', min: 0, max: 1 },
  localRuns: { kind: 'number', integer: true, min: 2 },
  tailRuns: { kind: 'number', integer: true, min: 0 },
  confirmRuns: { kind: 'number', integer: true, min: 1 },
  level: { kind: 'number', min: 0, exclusiveMin: true, max: 1 },
  penalty: { kind: 'number', min: 0, exclusiveMin: true },
  machines: { kind: 'custom', check: (v) => (Array.isArray(v) && v.every((m) => typeof m === 'string') ? undefined : 'must be an array of strings') },
  signal: { kind: 'signal' },
};

function resolve(options: ChangePointOptions): Resolved {
  if ('window' in options) throw new TypeError('window is not a known change-point option: the runs each side of a change are now localRuns');
  validateOptions(options, RULES, 'detectChangePoints');
  const {
    minSegment = 4,
    alpha = 0.001,
    minChange = 0.02,
    localRuns = 40,
    tailRuns = 3,
    confirmRuns = 4,
    level = 0.95,
    penalty = 3,
  } = options;
  for (const [name, value] of [
    ['alpha', alpha],
    ['minChange', minChange],
    ['level', level],
  ] as const) {
    if (value >= 1) throw new RangeError(`${name} option must be less than 1, got ${value}`);
  }
  if (localRuns < minSegment) throw new RangeError(`localRuns option must be an integer >= minSegment (${minSegment}), got ${localRuns}`);
  if (tailRuns > minSegment) throw new RangeError(`tailRuns option must be at most minSegment (${minSegment}), got ${tailRuns}`);
  return { minSegment, alpha, minChange, localRuns, tailRuns, confirmRuns, level, penalty };
}

/**
 * Share of a run's samples trimmed from each end before its level is taken: a 20% trimmed mean of log times
 * keeps the median's immunity to outlier samples but wastes less of the run's samples (about 94% efficiency
 * under normal noise against the median's 64%), so the level of each run is steadier and small steps show.
 */
const RUN_TRIM = 0.2;

/**
 * Finds the changes in one benchmark's history.
 *
 * Works on per-run levels (20% trimmed means of log times), read on one machine's level when the runs come
 * from a pool of machines (offsets per fingerprint with `machines`, else an alternating two-level mixture when
 * one is clearly present). PELT with a penalty scaled by the noise between runs (estimated robustly from first
 * differences) proposes cuts on values winsorized against a running median, so one-off bad runs do not pull a
 * cut; each cut must then pass a drift-aware local Hodges-Lehmann test (`alpha`, `minChange`), weakest first,
 * until all remaining cuts pass; the last cut is moved to the first run of its new level even inside the
 * minimum segment. Finally the newest `tailRuns` runs are tested against the last stable segment, judged by
 * its run-to-run spread; a change found there is `suspected`.
 *
 * @param runs - per-run samples, seconds per operation, oldest run first (non-positive values are ignored)
 * @param options - segment length, thresholds, machines, signal
 * @throws RangeError when a run has no positive sample, `machines` does not name one machine per run, or an
 *   option is out of range
 * @throws TypeError when an option has the wrong type or an unknown name
 * @throws RuneBenchError `ERR_ABORTED` when the signal fires
 * @beta
 */
export function detectChangePoints(runs: readonly (readonly number[])[], options: ChangePointOptions = {}): ChangePointAnalysis {
  const o = resolve(options);
  const n = runs.length;
  const { machines } = options;
  if (machines !== undefined && machines.length !== n) throw new RangeError('machines option must name one machine per run');
  const raw = new Float64Array(n);
  const mids = new Float64Array(n);
  let scratch = new Float64Array(64);
  runs.forEach((samples, i) => {
    if (scratch.length < samples.length) scratch = new Float64Array(samples.length);
    let m = 0;
    for (const v of samples) if (v > 0 && Number.isFinite(v)) scratch[m++] = Math.log(v);
    if (m === 0) throw new RangeError(`run ${i} has no positive sample`);
    // sortedMedian leaves the first m values sorted, which the trimmed mean reads
    mids[i] = sortedMedian(scratch, m);
    raw[i] = sortedTrimmedMean(scratch, m, RUN_TRIM);
  });
  checkAbort(options.signal);
  const medians = Array.from(mids, (v) => Math.exp(v));
  if (n < 2) return { changes: [], noise: runNoise(raw), anomalies: [], medians };
  // runs on a pool of machines: every run read on the level of the newest run's machine
  const y = (machines === undefined ? alignMixture(raw) : alignByMachine(raw, machines)).values;
  const sigma = runNoise(y);
  // The local tests' noise: the first-difference estimate, but no more than three times the bulk's. Two bad runs
  // in eight spoil four of seven differences and would hide even a 100x step; the factor of three leaves ordinary
  // histories and machine pools to the first-difference estimate (bench:regression unchanged with it).
  const testSigma = Math.min(sigma, 3 * bulkNoise(y));

  // winsorize against a centred running median (window 7), marking far-off single runs as anomalies
  const clean = new Float64Array(n);
  const excursions = new Map<number, number>();
  const limit = 3 * sigma;
  const centre = runningMedian(y, 3);
  for (let i = 0; i < n; i++) {
    const ref = centre[i] as number;
    const v = y[i] as number;
    clean[i] = Math.max(ref - limit, Math.min(ref + limit, v));
    if (Math.abs(v - ref) > 5 * sigma && Math.abs(v - ref) > Math.log1p(o.minChange)) excursions.set(i, v - ref);
  }

  const beta = o.penalty * sigma * sigma * Math.log(Math.max(n, 3));
  const cuts = pelt(clean, beta, o.minSegment, Math.max(8 * o.localRuns, 4 * o.minSegment));
  checkAbort(options.signal);

  const logMin = Math.log1p(o.minChange);
  const testAt = (cut: number, prev: number, next: number): LocalTest =>
    localTest(clean, Math.max(prev, cut - o.localRuns), cut, Math.min(next, cut + o.localRuns), testSigma);
  const testCut = (k: number, list: readonly number[]): LocalTest =>
    testAt(list[k] as number, k > 0 ? (list[k - 1] as number) : 0, k + 1 < list.length ? (list[k + 1] as number) : n);
  const passes = (t: LocalTest): boolean => t.pValue <= o.alpha && Math.abs(t.shift) >= logMin;
  // drop the weakest failing cut until every cut passes; only the neighbours of a removed cut are re-tested
  const tests = cuts.map((_, k) => testCut(k, cuts));
  for (;;) {
    let worst = -1;
    let worstScore = -1;
    tests.forEach((t, k) => {
      if (passes(t)) return;
      const score = Math.abs(t.shift) < logMin ? 2 : t.pValue;
      if (score > worstScore) {
        worstScore = score;
        worst = k;
      }
    });
    if (worst < 0) break;
    cuts.splice(worst, 1);
    tests.splice(worst, 1);
    if (worst - 1 >= 0) tests[worst - 1] = testCut(worst - 1, cuts);
    if (worst < cuts.length) tests[worst] = testCut(worst, cuts);
  }
  placeLastCut(clean, cuts, o, (cut, prev) => {
    const t = testAt(cut, prev, n);
    return passes(t);
  });

  const z = normalQuantile(0.5 + o.level / 2);
  const changes: ChangePoint[] = [];
  const make = (position: number, t: LocalTest, end: number): ChangePoint => {
    const runsAfter = end - position;
    return {
      position,
      direction: t.shift > 0 ? 'regression' : 'improvement',
      ratio: Math.exp(t.shift),
      ci: { lower: Math.exp(t.shift - z * t.se), upper: Math.exp(t.shift + z * t.se), level: o.level },
      pValue: t.pValue,
      status: runsAfter >= o.confirmRuns ? 'confirmed' : 'suspected',
      runsAfter,
    };
  };
  cuts.forEach((cut, k) => {
    const next = k + 1 < cuts.length ? (cuts[k + 1] as number) : n;
    changes.push(make(cut, testCut(k, cuts), next));
  });

  // the newest runs against the last stable segment
  const lastCut = cuts.length > 0 ? (cuts[cuts.length - 1] as number) : 0;
  if (o.tailRuns > 0 && n - lastCut > o.tailRuns + o.minSegment - 1) {
    const past = [...excursions].filter(([i]) => i < n - o.tailRuns).map(([, e]) => e);
    const tail = tailTest(y, lastCut, sigma, past, o);
    if (tail !== undefined) changes.push(make(tail.position, tail.test, n));
  }
  const anomalies = [...excursions.keys()].filter(
    (i) => !changes.some((c) => i >= c.position && i < c.position + o.tailRuns && c.position >= n - o.tailRuns),
  );
  return { changes, noise: sigma, anomalies, medians };
}

/**
 * The last cut may sit inside the minimum segment of the end: PELT cannot place it there, so a change in the
 * newest runs lands a run or more early. Moves the last cut later, to the position whose two-level fit of the
 * runs from the previous cut leaves the least error, when the change still passes its test there; so the run
 * (and commit) named is the first at the new level.
 */
function placeLastCut(clean: Float64Array, cuts: number[], o: Resolved, stillPasses: (cut: number, prev: number) => boolean): void {
  const n = clean.length;
  const k = cuts.length - 1;
  if (k < 0) return;
  const cut = cuts[k] as number;
  if (n - cut > o.minSegment) return;
  const prev = k > 0 ? (cuts[k - 1] as number) : 0;
  const lo = Math.max(prev, cut - o.localRuns);
  const sse = (c: number): number => {
    let total = 0;
    for (const [a, b] of [
      [lo, c],
      [c, n],
    ] as const) {
      let mean = 0;
      for (let i = a; i < b; i++) mean += clean[i] as number;
      mean /= b - a;
      for (let i = a; i < b; i++) total += ((clean[i] as number) - mean) ** 2;
    }
    return total;
  };
  let best = cut;
  let bestSse = sse(cut);
  for (let c = cut + 1; c < n; c++) {
    const e = sse(c);
    if (e < bestSse) {
      bestSse = e;
      best = c;
    }
  }
  if (best !== cut && stillPasses(best, prev)) cuts[k] = best;
}

/**
 * The newest runs against the last stable segment. A tail is judged by its shift against the run-to-run spread
 * of the recent segment (not the spread inside the runs: a run slowed as a whole by a loaded host looks normal
 * inside), shrunk towards the history's noise when the segment is short. A single newest run like the one-off
 * excursions this history has already had (same direction, at least half the size) is read as one more of them.
 */
function tailTest(
  y: Float64Array,
  segmentStart: number,
  sigma: number,
  excursions: readonly number[],
  o: Resolved,
): { position: number; test: LocalTest } | undefined {
  const n = y.length;
  const logMin = Math.log1p(o.minChange);
  let best: { position: number; sse: number; test: LocalTest } | undefined;
  for (let k = 1; k <= o.tailRuns; k++) {
    const cut = n - k;
    const lo = Math.max(segmentStart, cut - o.localRuns);
    if (cut - lo < o.minSegment) continue;
    const ref = y.subarray(lo, cut);
    const refLevel = medianOf(ref);
    const tail = Array.from(y.subarray(cut));
    // every tail run must sit beyond the minimum change on the same side
    const sides = tail.map((v) => Math.sign(v - refLevel));
    if (!sides.every((s) => s === sides[0]) || tail.some((v) => Math.abs(v - refLevel) < logMin)) continue;
    if (k === 1) {
      const shift = (tail[0] as number) - refLevel;
      if (excursions.some((e) => Math.sign(e) === Math.sign(shift) && Math.abs(e) >= Math.abs(shift) / 2)) continue;
    }
    const m = cut - lo;
    const local = runNoise(Float64Array.from(ref));
    const prior = 8;
    const spread = Math.sqrt(((m - 1) * local * local + prior * sigma * sigma) / (m - 1 + prior));
    const t = localTest(y, lo, cut, n, spread);
    // Bonferroni over the tail lengths tried
    if (t.pValue * o.tailRuns <= o.alpha && Math.abs(t.shift) >= logMin) {
      // among passing tail lengths, the one whose two-level fit of the newest runs leaves the least error
      const tailLevel = medianOf(tail);
      let sse = 0;
      for (let i = n - o.tailRuns; i < n; i++) {
        const v = y[i] as number;
        const centre = i >= cut ? tailLevel : refLevel;
        sse += (v - centre) * (v - centre);
      }
      if (best === undefined || sse < best.sse) best = { position: cut, sse, test: { ...t, pValue: Math.min(1, t.pValue * o.tailRuns) } };
    }
  }
  return best;
}
