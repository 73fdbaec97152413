// Public types of the RegressionDetector: pairwise verdicts, history changes, live departures, events.
import type { ConfidenceInterval } from '../../core/results.js';
import type { MetricName } from '../../core/metric-names.js';
import type { MetricSnapshot } from '../../core/snapshot.js';
import type { ChangePoint, ChangePointOptions } from '../../stats/change-points.js';
import type { Verdict } from './verdict.js';
import type { ConditionsExplanation } from '../../bench/host-conditions.js';

/**
 * The one comparison of a benchmark between a baseline and a current measurement, made by the
 * `RegressionDetector` (and by `compare()`, which goes through the same code). Formatters, the CLI
 * and `rune-bench/testing` render it; none decides a verdict of its own.
 *
 * @public
 */
export interface BenchmarkComparison {
  /** Benchmark key (`suite/task`, `suite/child/task`: see `benchmarkKey`), as named in the current run. */
  readonly key: string;
  /** The verdict. */
  readonly verdict: Verdict;
  /** Why, in words: the interval and the threshold, or what prevented a decision. */
  readonly reason: string;
  /** Ratio of medians current / baseline of the per-operation times (above 1: slower). */
  readonly ratio: number;
  /** Seeded bootstrap interval of `ratio`. */
  readonly interval: ConfidenceInterval;
  /** The threshold used: the smallest relative change that counts (0.02 = 2%). */
  readonly threshold: number;
  /** Hodges-Lehmann shift of log-times, as a ratio (a robust second estimate of `ratio`). */
  readonly hodgesLehmann: number;
  /** Two-sided Mann-Whitney U p-value on log-times. */
  readonly pValue: number;
  /** Benjamini-Hochberg adjusted p-value across the benchmarks compared together (the family). */
  readonly qValue: number;
  /** Samples in the baseline and current sets. */
  readonly samples: { readonly baseline: number; readonly current: number };
  /** Medians of the baseline and current sets, seconds per operation. */
  readonly medians: { readonly baseline: number; readonly current: number };
  /** What noise the interval covers, in words (which samples were resampled). */
  readonly intervalCovers: string;
  /**
   * Outcome of re-running, when a `confirm` callback was given and the first verdict was `regressed` or
   * `improved`: `confirmed` (the re-run showed the same change) or `not-reproduced` (verdict downgraded to
   * `inconclusive`).
   */
  readonly confirmation?: 'confirmed' | 'not-reproduced';
}

/**
 * Noise between runs of one benchmark: how much one run's level (log of its per-operation time) varies from run
 * to run beyond the spread inside a run (process, JIT, host). The pairwise gate widens its interval by it.
 *
 * @beta
 */
export interface BetweenRunNoise {
  /** Standard deviation of one run's log level (0.02 = about 2%). */
  readonly sigma: number;
  /**
   * The same for one run's median (the log of the per-run medians, from run-to-run differences): what a fresh
   * run's reported median moves by, which the prediction intervals use. Unlike `sigma` it counts the jumps of a
   * task that lands on one of two levels run by run (differences across a detected change left out), since a
   * fresh run may land on either. Absent where only `sigma` is known.
   */
  readonly medianSigma?: number;
  /**
   * The per-run medians (seconds per operation, oldest first) of the newest stored runs at the current level: at
   * most 8 runs after the last confirmed change the analysis found. A prediction interval spans
   * this level as well as the fresh run's own, so one run that landed off its history does not carry the next
   * run's prediction with it. Absent where the runs are not known.
   */
  readonly recentMedians?: readonly number[];
  /** Runs it was estimated from. */
  readonly runs: number;
  /** Where it came from, in words (for the report): "12 stored runs of this benchmark on this machine". */
  readonly source: string;
}

/**
 * A benchmark of either run that was not compared, with the reason.
 *
 * @public
 */
export interface NotCompared {
  /** Benchmark key, as named in the run that has it (the current one when both have it). */
  readonly key: string;
  /** Why not, in words (missing on one side, failed, samples not kept). */
  readonly reason: string;
}

/**
 * Result of comparing two result trees: what the detector decided, for every renderer.
 *
 * @public
 */
export interface ComparisonReport {
  /** One comparison per benchmark present in both runs with samples, in the current run's walk order. */
  readonly comparisons: readonly BenchmarkComparison[];
  /** Keys whose verdict is `regressed`. */
  readonly regressed: readonly string[];
  /** Keys whose verdict is `improved`. */
  readonly improved: readonly string[];
  /** Benchmarks that could not be compared, with the reason. */
  readonly notCompared: readonly NotCompared[];
  /** Notices for people (for example: the two runs come from different machines). */
  readonly notices: readonly string[];
  /** When the baseline run started (ISO 8601), so renderers can say what was compared with. */
  readonly baselineStartedAt: string;
  /**
   * What makes the two runs measure different things (scale, parameters, task set), in words, when they do:
   * every verdict is then `incomparable`.
   */
  readonly incomparable?: string;
  /**
   * How the host's conditions of the two runs compare, when both recorded them. When `explains` is true every
   * verdict is `inconclusive` and `notices` names what changed.
   */
  readonly conditions?: ConditionsExplanation;
}

/**
 * Re-runs one benchmark and returns fresh per-operation samples (seconds), to confirm a regression or an
 * improvement before it is reported.
 *
 * @beta
 */
export type ConfirmCallback = (key: string, signal: AbortSignal | undefined) => Promise<readonly number[]> | readonly number[];

/**
 * A change in a benchmark's history, with the commits around it.
 *
 * @beta
 */
export interface HistoryChange extends ChangePoint {
  /** Commit of the first run at the new level, when known. */
  readonly commit?: string;
  /** Commit of the last run before it, when known. */
  readonly previousCommit?: string;
}

/**
 * Change-point analysis of one benchmark history.
 *
 * @beta
 */
export interface HistoryAnalysis {
  /** Benchmark key, when analysed from a store or a named series. */
  readonly key?: string;
  /** Runs analysed. */
  readonly runs: number;
  /** Changes in position order. */
  readonly changes: readonly HistoryChange[];
  /** Indices of one-off anomalous runs (not changes). */
  readonly anomalies: readonly number[];
  /** Noise between runs: robust standard deviation of the per-run log levels (trimmed means, machine offsets removed). */
  readonly noise: number;
}

/**
 * What a live watch looks at.
 *
 * @beta
 */
export interface LiveMetricSpec {
  /** Metric name in the monitor's snapshots, e.g. `nodejs.eventloop.delay.p99` (a name of {@link MetricRegistry}). */
  readonly metric: MetricName;
  /** `level` watches the value; `slope` watches its rate of change per second (e.g. RSS growth). @defaultValue `'level'` */
  readonly statistic?: 'level' | 'slope';
  /** Which way is worse. @defaultValue `'increase'` */
  readonly worse?: 'increase' | 'decrease';
  /** Samples that form the baseline before watching starts. @defaultValue `20` */
  readonly baselineSamples?: number;
  /**
   * Number of recent samples compared with the baseline: their median for `level`, the samples the slope is
   * fitted to for `slope` (then at least 3).
   *
   * @defaultValue `5`
   */
  readonly recentSamples?: number;
  /** Departure needed, in robust standard deviations of the baseline. @defaultValue `4` */
  readonly sensitivity?: number;
  /** Departure needed relative to the baseline level (ignored for `slope`). @defaultValue `0.1` */
  readonly minChange?: number;
  /** Absolute departure floor in the metric's unit (guards a near-constant baseline). @defaultValue `0` */
  readonly minDelta?: number;
}

/**
 * A live metric departing from its baseline.
 *
 * @beta
 */
export interface LiveDeparture {
  /** Metric watched. */
  readonly metric: string;
  /** Statistic watched. */
  readonly statistic: 'level' | 'slope';
  /** Baseline value of the statistic (median). */
  readonly baseline: number;
  /** Current value of the statistic (median of the recent window, or the current slope). */
  readonly current: number;
  /** Departure in robust standard deviations of the baseline. */
  readonly score: number;
  /** The departure threshold that was crossed, in the metric's unit. */
  readonly threshold: number;
  /** The snapshot that triggered it. */
  readonly snapshot: MetricSnapshot;
}

/**
 * Payload of the `regression` event: which level raised it.
 *
 * @beta
 */
export type RegressionEvent =
  | { readonly kind: 'pairwise'; readonly comparison: BenchmarkComparison }
  | { readonly kind: 'change-point'; readonly key: string | undefined; readonly change: HistoryChange }
  | { readonly kind: 'live'; readonly departure: LiveDeparture };

/**
 * Events of {@link RegressionDetector}.
 *
 * @beta
 */
export interface RegressionDetectorEvents {
  /** A regression: a pairwise `regressed` verdict, a regression change point, or a live departure. */
  regression: (event: RegressionEvent) => void;
  /** A live metric that had departed is back within its threshold. */
  recovered: (event: { readonly metric: string; readonly snapshot: MetricSnapshot }) => void;
}

/**
 * Options of {@link RegressionDetector}.
 *
 * @beta
 */
export interface RegressionDetectorOptions {
  /** Smallest ratio distance from 1 that counts as a regression or improvement (0.02 = 2%). @defaultValue `0.02` */
  readonly threshold?: number;
  /**
   * The same for counted figures (tasks measured with the `instructions` instrument, whose statistics carry
   * a unit other than seconds): their noise is near zero, so the default is much tighter.
   * @defaultValue `0.005` (`DEFAULT_COUNT_THRESHOLD`)
   */
  readonly countThreshold?: number;
  /** False discovery rate across benchmarks compared together (Benjamini-Hochberg). @defaultValue `0.05` */
  readonly alpha?: number;
  /** Level of the bootstrap intervals. @defaultValue `0.95` */
  readonly level?: number;
  /** Bootstrap resamples. @defaultValue `2000` */
  readonly resamples?: number;
  /** Seed of the bootstrap. @defaultValue `1` */
  readonly seed?: number;
  /** Options of the change-point analysis over histories. @defaultValue `{}` */
  readonly changePoints?: Omit<ChangePointOptions, 'signal' | 'machines'>;
}
