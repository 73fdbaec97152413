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
 * - `bimodal`: each run lands on a fast or a slow machine (3-8% apart) at random.
 * - `drift`: a slow linear drift of 3-10% over the whole history.
 * - `bad-runs`: one to three runs slower by 10-60%, often with a wider spread (a loaded host).
 *
 * @beta
 */
export type HistoryFeature = 'spikes' | 'bimodal' | 'drift' | 'bad-runs';

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
 * Generates labelled benchmark histories with log-normal noise, outlier spikes, noise between runs, bimodal
 * machines, slow drift and one-off bad runs (none of which are changes), and true steps of +3% to +50%
 * (regressions) or the inverse (improvements), some of them in the last three runs.
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
  if (!(minStep > 0 && maxStep >= minStep)) throw new RangeError('minStep and maxStep options must satisfy 0 < minStep <= maxStep');
  const rng = createRng(seed);
  const out: GeneratedHistory[] = [];
  for (let h = 0; h < count; h++) {
    out.push(generateOne(rng, h, { minRuns, maxRuns, minSamples, maxSamples, changeShare, tailChangeShare, minStep, maxStep }));
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
  const betweenRunNoise = uniform(0.002, 0.01);
  const features: HistoryFeature[] = [];

  const spikeShare = rng() < 0.5 ? uniform(0.005, 0.04) : 0;
  if (spikeShare > 0) features.push('spikes');
  let bimodalShare = 0;
  let bimodalGap = 0;
  if (rng() < 0.2) {
    bimodalShare = uniform(0.15, 0.5);
    bimodalGap = uniform(Math.log(1.03), Math.log(1.08));
    features.push('bimodal');
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
      const logRatio = rng() < 0.65 ? size : -size;
      changes.push({ position, ratio: Math.exp(logRatio) });
      for (let i = position; i < n; i++) level[i] = (level[i] as number) + logRatio;
    }
  }

  const badRuns: number[] = [];
  if (rng() < 0.3) {
    features.push('bad-runs');
    const k = int(1, 3);
    for (let j = 0; j < k; j++) badRuns.push(int(0, n - 1));
    badRuns.sort((a, b) => a - b);
  }

  const runs: number[][] = [];
  for (let i = 0; i < n; i++) {
    let runLevel = base + (level[i] as number) + betweenRunNoise * normal() + (driftTotal * i) / (n - 1);
    if (bimodalShare > 0 && rng() < bimodalShare) runLevel += bimodalGap;
    let sigma = withinRunNoise;
    if (badRuns.includes(i)) {
      runLevel += uniform(Math.log(1.1), Math.log(1.6));
      sigma *= uniform(1, 3);
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
    badRuns: [...new Set(badRuns)],
    withinRunNoise,
    betweenRunNoise,
  };
}
