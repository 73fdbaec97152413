// Between-run noise of each benchmark, estimated from the results store's history on one machine, and the
// widening of a pairwise interval by it.
import type { ConfidenceInterval, SuiteResult } from '../../core/results.js';
import { benchmarkKey } from '../../core/walk.js';
import { lazyModule } from '../../core/lazy.js';
import type * as PredictionIntervalModule from '../../stats/prediction-interval.js';
import type * as ChangePointsModule from '../../stats/change-points.js';
import type * as PeltModule from '../../stats/pelt.js';
import type { ResultsStore, StoredRun } from '../../store/results-store.js';
import type { BetweenRunNoise } from './regression-types.js';

// The statistics load on the first estimate, not with rune-bench (which exports betweenRunNoiseFromStore).
const intervals = lazyModule<typeof PredictionIntervalModule>(import.meta.url, '../../stats/prediction-interval.js');
const changePoints = lazyModule<typeof ChangePointsModule>(import.meta.url, '../../stats/change-points.js');
const pelt = lazyModule<typeof PeltModule>(import.meta.url, '../../stats/pelt.js');

/** Fewest stored runs of a benchmark before its between-run noise is estimated from them. @internal */
export const MIN_NOISE_RUNS = 4;

/** Most stored runs whose medians make the recent level (`BetweenRunNoise.recentMedians`). */
const RECENT_LEVEL_RUNS = 8;

/**
 * Between-run noise of each benchmark key from its stored runs on `machine` (the robust spread of the per-run
 * log levels, steps between levels removed by the change-point analysis). Keys with fewer than
 * `MIN_NOISE_RUNS` runs are left out.
 *
 * @param store - the results store
 * @param keys - benchmark keys (`suite/task`)
 * @param machine - machine fingerprint id whose runs count
 * @param records - the store's records, when already read
 * @beta
 */
export function betweenRunNoiseFromStore(
  store: ResultsStore,
  keys: readonly string[],
  machine: string,
  records: readonly StoredRun[] = store.read().records,
): Map<string, BetweenRunNoise> {
  const out = new Map<string, BetweenRunNoise>();
  for (const key of keys) {
    const noise = betweenRunNoiseOf(
      store.series(key, { machine, records }).points.map((p) => p.samples),
      (runs) => `${runs} stored runs of this benchmark on this machine`,
    );
    if (noise !== undefined) out.set(key, noise);
  }
  return out;
}

/**
 * Between-run noise of one benchmark from its runs' samples (oldest first): the estimator of
 * {@link betweenRunNoiseFromStore}, for runs held elsewhere. Non-positive and non-finite samples are dropped;
 * `undefined` with fewer than `MIN_NOISE_RUNS` runs.
 *
 * @param runs - each run's per-operation samples
 * @param source - says where the runs came from, given their number
 * @internal
 */
export function betweenRunNoiseOf(runs: readonly (readonly number[])[], source: (runs: number) => string): BetweenRunNoise | undefined {
  const kept = runs.map((r) => r.filter((s) => s > 0 && Number.isFinite(s))).filter((r) => r.length > 0);
  if (kept.length < MIN_NOISE_RUNS) return undefined;
  const analysis = changePoints().detectChangePoints(kept, {});
  // the prediction intervals' noise counts the jumps of a two-level task, which the gate's robust sigma clips
  const medianSigma = intervals().runNoiseWithJumps(
    Float64Array.from(analysis.medians, Math.log),
    analysis.changes.map((c) => c.position),
  );
  // the runs at the newest level: after the last confirmed change (a suspected one, a run or two at the end, may be
  // one bad run: its standing against the runs before it is what the gate and the prediction look at)
  const confirmed = analysis.changes.filter((c) => c.status === 'confirmed').map((c) => c.position);
  const start = Math.max(0, ...confirmed, analysis.medians.length - RECENT_LEVEL_RUNS);
  const recentMedians = analysis.medians.slice(start);
  return { sigma: analysis.noise, medianSigma, recentMedians, runs: kept.length, source: source(kept.length) };
}

/**
 * A ratio interval widened by between-run noise: the baseline and the current run each carry one run's level
 * error, so on the log scale the half-widths add in quadrature with `z * sqrt(2) * sigma`.
 *
 * @internal
 */
export function widenByNoise(ratio: number, ci: ConfidenceInterval, sigma: number): ConfidenceInterval {
  const z = pelt().normalQuantile(0.5 + ci.level / 2);
  return intervals().widenLogInterval(ratio, ci, z * Math.SQRT2 * sigma);
}

/**
 * The result with a prediction interval (where a fresh run's median should fall) on each task whose key has
 * between-run noise in `noise`. The interval spans two centres: this run's median, and the median level of this
 * run with the stored runs at the newest level (`BetweenRunNoise.recentMedians`). They agree when this run is
 * like its history; when it landed off it (a slow run, a process on the other of two levels), the fresh run may
 * land back at the history's level or stay at this one, and the interval covers both. An isolated task's own
 * interval (from its processes) is joined with the store's: its processes run in one time window, so their
 * spread misses what differs between windows (the machine's load, its frequency), which the stored runs, each in
 * its own window, do show.
 *
 * @internal
 */
export function withPredictionIntervals(result: SuiteResult, noise: ReadonlyMap<string, BetweenRunNoise>, path: readonly string[] = []): SuiteResult {
  const here = [...path, result.name];
  const tasks = result.tasks.map((task) => {
    const stats = task.stats;
    const between = noise.get(benchmarkKey(here, task.name));
    if (stats === undefined || between === undefined) return task;
    const predicted = predictAround(stats.median, stats.medianCI, between);
    if (predicted === undefined) return task;
    const own = stats.predictionInterval;
    const predictionInterval =
      own === undefined
        ? { ...predicted, from: between.source }
        : { lower: Math.min(own.lower, predicted.lower), upper: Math.max(own.upper, predicted.upper), level: own.level, from: `${own.from} and ${between.source}` };
    return { ...task, stats: { ...stats, predictionInterval } };
  });
  const children = result.children?.map((child) => withPredictionIntervals(child, noise, here));
  return { ...result, tasks, ...(children === undefined ? {} : { children }) };
}

/**
 * The prediction interval around `median` joined with the same interval around the recent level (the median of
 * `median` and the stored recent medians; the run's confidence interval moves with it). `undefined` where the
 * interval cannot be formed.
 *
 * @internal
 */
export function predictAround(median: number, ci: ConfidenceInterval, between: BetweenRunNoise): ConfidenceInterval | undefined {
  const sigma = between.medianSigma ?? between.sigma;
  const atRun = intervals().predictFromRunNoise(median, ci, sigma, between.runs);
  const recent = (between.recentMedians ?? []).filter((m) => m > 0 && Number.isFinite(m));
  if (atRun === undefined || recent.length === 0) return atRun;
  const level = pelt().medianOf([...recent, median]);
  const shift = level / median;
  const atLevel = intervals().predictFromRunNoise(level, { ...ci, lower: ci.lower * shift, upper: ci.upper * shift }, sigma, between.runs);
  if (atLevel === undefined) return atRun;
  return { lower: Math.min(atRun.lower, atLevel.lower), upper: Math.max(atRun.upper, atLevel.upper), level: atRun.level };
}
