// A labelled, seeded generator of benchmark histories: the ground truth the change-point detector is scored on.
import { createRng } from '../../src/stats/rng.js';

/**
 * A true change in a generated history: the level of the benchmark moves at `position` and stays.
 *
 * @beta
 */
export interface LabelledChange {
  /** Index of the first run at the new level (0-based). */
  readonly position: number;
  /** Ratio new level / old level: above 1 a regression (slower), below 1 an improvement. */
  readonly ratio: number;
}

/**
 * Nuisance features a generated history may carry; none of them is a change.
 * - `spikes`: single samples inflated 1.2-4x inside a run.
 * - `machine-pool`: each run lands on a fast or a slow machine of a pool (3-15% apart) at random, a per-run
 *   mixture; half of these histories carry the machine of each run (`machines`), as a fingerprint would.
 * - `drift`: a slow linear drift of 3-10% over the whole history.
 * - `bad-runs`: one to three runs slower by 10-60% as a whole; half of them keep the usual spread inside the
 *   run (nothing in the run itself gives them away), half have a wider one (a loaded host).
 * - `bad-newest-run`: the newest run is such a bad run.
 *
 * @beta
 */
export type HistoryFeature = 'spikes' | 'machine-pool' | 'drift' | 'bad-runs' | 'bad-newest-run';

/**
 * One generated benchmark history with its labels.
 *
 * @beta
 */
export interface GeneratedHistory {
  /** `h<index>`, stable for a seed. */
  readonly id: string;
  /** Per-run sample times, seconds per operation; `runs[i]` holds run i's 10-30 samples. */
  readonly runs: readonly (readonly number[])[];
  /** The true changes, in position order (empty for a no-change history). */
  readonly changes: readonly LabelledChange[];
  /** Nuisance features present. */
  readonly features: readonly HistoryFeature[];
  /** Positions of the one-off bad runs (not changes). */
  readonly badRuns: readonly number[];
  /**
   * Machine of each run (`fast` or `slow`), for the `machine-pool` histories whose runs carry a fingerprint
   * that tells the machines apart; absent otherwise (no pool, or a pool of machines with the same fingerprint).
   */
  readonly machines?: readonly string[];
  /** Log-normal sigma of the samples inside a run. */
  readonly withinRunNoise: number;
  /** Log-normal sigma of the level of each run (noise between runs). */
  readonly betweenRunNoise: number;
}

/**
 * Options of {@link generateHistories}.
 *
 * @beta
 */
export interface HistoryGeneratorOptions {
  /** Seed: the same seed gives the same histories. @defaultValue `1` */
  readonly seed?: number;
  /** Number of histories. @defaultValue `200` */
  readonly count?: number;
  /** Fewest runs per history. @defaultValue `30` */
  readonly minRuns?: number;
  /** Most runs per history. @defaultValue `200` */
  readonly maxRuns?: number;
  /** Fewest samples per run. @defaultValue `10` */
  readonly minSamples?: number;
  /** Most samples per run. @defaultValue `30` */
  readonly maxSamples?: number;
  /** Share of histories with at least one true change. @defaultValue `0.5` */
  readonly changeShare?: number;
  /** Share of histories with changes that also get one in their last three runs. @defaultValue `0.3` */
  readonly tailChangeShare?: number;
  /** Share of changes that are regressions (slower). @defaultValue `0.7` */
  readonly regressionShare?: number;
  /** Share of histories whose runs land on a pool of two machine speeds. @defaultValue `0.15` */
  readonly poolShare?: number;
  /** Smallest step, as |log ratio|. @defaultValue `Math.log(1.03)` */
  readonly minStep?: number;
  /** Largest step, as |log ratio|. @defaultValue `Math.log(1.5)` */
  readonly maxStep?: number;
}

function positiveInt(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} option must be a positive integer`);
  return value;
}

function share(value: number, name: string): number {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} option must be between 0 and 1`);
  return value;
}

/**
 * Generates labelled benchmark histories with log-normal noise, outlier spikes, effects between runs (each run's
 * level moves at random), a pool of two machine speeds 3-15% apart as a per-run mixture, slow drift and one-off
 * bad runs that shift a whole run (none of which are changes), and true steps of +3% to +50% (regressions,
 * `regressionShare` of them) or the inverse (improvements), some of them in the last three runs.
 *
 * @param options - seed, count and shape
 * @returns the histories, deterministic for a seed
 * @throws RangeError when an option is out of range
 * @beta
 */
export function generateHistories(options: HistoryGeneratorOptions = {}): GeneratedHistory[] {
  const {
    seed = 1,
    count = 200,
    minRuns = 30,
    maxRuns = 200,
    minSamples = 10,
    maxSamples = 30,
    changeShare = 0.5,
    tailChangeShare = 0.3,
    regressionShare = 0.7,
    poolShare = 0.15,
    minStep = Math.log(1.03),
    maxStep = Math.log(1.5),
  } = options;
  positiveInt(count, 'count');
  positiveInt(minRuns, 'minRuns');
  positiveInt(minSamples, 'minSamples');
  if (!Number.isInteger(maxRuns) || maxRuns < minRuns) throw new RangeError('maxRuns option must be an integer >= minRuns');
  if (minRuns < 12) throw new RangeError('minRuns option must be at least 12');
  if (!Number.isInteger(maxSamples) || maxSamples < minSamples) {
    throw new RangeError('maxSamples option must be an integer >= minSamples');
  }
  share(changeShare, 'changeShare');
  share(tailChangeShare, 'tailChangeShare');
  share(regressionShare, 'regressionShare');
  share(poolShare, 'poolShare');
  if (!(minStep > 0 && maxStep >= minStep)) throw new RangeError('minStep and maxStep options must satisfy 0 < minStep <= maxStep');
  const rng = createRng(seed);
  const out: GeneratedHistory[] = [];
  for (let h = 0; h < count; h++) {
    out.push(generateOne(rng, h, {
        minRuns,
        maxRuns,
        minSamples,
        maxSamples,
        changeShare,
        tailChangeShare,
        regressionShare,
        poolShare,
        minStep,
        maxStep,
      }),);
  }
  return out;
}

interface Shape {
  minRuns: number;
  maxRuns: number;
  minSamples: number;
  maxSamples: number;
  changeShare: number;
  tailChangeShare: number;
  regressionShare: number;
  poolShare: number;
  minStep: number;
  maxStep: number;
}

function generateOne(rng: () => number, index: number, shape: Shape): GeneratedHistory {
  const uniform = (lo: number, hi: number): number => lo + (hi - lo) * rng();
  const int = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
  const normal = (): number => {
    const u = 1 - rng();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
  };
  const n = int(shape.minRuns, shape.maxRuns);
  const base = Math.log(1e-4) + uniform(0, Math.log(1000)); // 100 us to 100 ms per op
  const withinRunNoise = Math.exp(uniform(Math.log(0.01), Math.log(0.06)));
  const betweenRunNoise = Math.exp(uniform(Math.log(0.002), Math.log(0.02))); // 0.2-2% between runs
  const features: HistoryFeature[] = [];

  const spikeShare = rng() < 0.5 ? uniform(0.005, 0.04) : 0;
  if (spikeShare > 0) features.push('spikes');
  let slowShare = 0;
  let poolGap = 0;
  let fingerprinted = false;
  if (rng() < shape.poolShare) {
    slowShare = uniform(0.15, 0.5);
    poolGap = uniform(Math.log(1.03), Math.log(1.15));
    fingerprinted = rng() < 0.5;
    features.push('machine-pool');
  }
  let driftTotal = 0;
  if (rng() < 0.2) {
    driftTotal = (rng() < 0.5 ? -1 : 1) * uniform(Math.log(1.03), Math.log(1.1));
    features.push('drift');
  }

  // true changes: positions at least 8 runs apart and 8 runs from the start
  const level = new Float64Array(n);
  const changes: LabelledChange[] = [];
  if (rng() < shape.changeShare) {
    const positions: number[] = [];
    if (rng() < shape.tailChangeShare) positions.push(n - int(1, 3));
    const wanted = int(1, 3);
    for (let tries = 0; positions.length < wanted && tries < 50; tries++) {
      const p = int(8, n - 4);
      if (positions.every((q) => Math.abs(q - p) >= 8)) positions.push(p);
    }
    positions.sort((a, b) => a - b);
    for (const position of positions) {
      const size = Math.exp(uniform(Math.log(shape.minStep), Math.log(shape.maxStep)));
      const logRatio = rng() < shape.regressionShare ? size : -size;
      changes.push({ position, ratio: Math.exp(logRatio) });
      for (let i = position; i < n; i++) level[i] = (level[i] as number) + logRatio;
    }
  }

  const badRuns: number[] = [];
  if (rng() < 0.3) {
    features.push('bad-runs');
    const k = int(1, 3);
    for (let j = 0; j < k; j++) badRuns.push(int(0, n - 1));
  }
  if (rng() < 0.02) {
    features.push('bad-newest-run');
    badRuns.push(n - 1);
  }
  badRuns.sort((a, b) => a - b);
  const badSet = new Set(badRuns);

  const runs: number[][] = [];
  const machines: string[] = [];
  for (let i = 0; i < n; i++) {
    let runLevel = base + (level[i] as number) + betweenRunNoise * normal() + (driftTotal * i) / (n - 1);
    if (slowShare > 0) {
      const slow = rng() < slowShare;
      if (slow) runLevel += poolGap;
      machines.push(slow ? 'slow' : 'fast');
    }
    let sigma = withinRunNoise;
    if (badSet.has(i)) {
      runLevel += uniform(Math.log(1.1), Math.log(1.6));
      if (rng() < 0.5) sigma *= uniform(1, 3);
    }
    const m = int(shape.minSamples, shape.maxSamples);
    const samples: number[] = [];
    for (let s = 0; s < m; s++) {
      let x = runLevel + sigma * normal();
      if (spikeShare > 0 && rng() < spikeShare) x += uniform(Math.log(1.2), Math.log(4));
      samples.push(Math.exp(x));
    }
    runs.push(samples);
  }
  return {
    id: `h${index}`,
    runs,
    changes,
    features,
    badRuns: [...badSet],
    ...(fingerprinted ? { machines } : {}),
    withinRunNoise,
    betweenRunNoise,
  };
}
