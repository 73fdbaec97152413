// Public types of the RegressionDetector: pairwise verdicts, history changes, live departures, events.
import type { ConfidenceInterval } from '../../core/results.js';
import type { MetricSnapshot } from '../../core/snapshot.js';
import type { ChangePoint, ChangePointOptions } from '../../stats/change-points.js';

/**
 * Verdict of the pairwise gate for one benchmark.
 * - `regressed`: slower, and the whole interval of the ratio lies above `1 + threshold` (and significant after correction).
 * - `improved`: faster, the whole interval below `1 / (1 + threshold)` (and significant after correction).
 * - `no-change`: the whole interval lies within the threshold both ways.
 * - `within-noise`: anything else: a difference may exist but cannot be told from noise or is smaller than the threshold.
 *
 * @beta
 */
export type RegressionVerdict = 'regressed' | 'improved' | 'within-noise' | 'no-change';

/**
 * Pairwise comparison of one benchmark's sample sets.
 *
 * @beta
 */
export interface BenchmarkComparison {
  /** Benchmark name (`<task>` in a suite comparison). */
  readonly name: string;
  /** The verdict. */
  readonly verdict: RegressionVerdict;
  /** Ratio of medians current / baseline (above 1: slower). */
  readonly ratio: number;
  /** Seeded bootstrap interval of `ratio`. */
  readonly ci: ConfidenceInterval;
  /** Hodges-Lehmann shift of log-times, as a ratio (a robust second estimate of `ratio`). */
  readonly hodgesLehmann: number;
  /** Two-sided Mann-Whitney U p-value on log-times. */
  readonly pValue: number;
  /** Benjamini-Hochberg adjusted p-value across the benchmarks compared together. */
  readonly qValue: number;
  /** Samples in the baseline and current sets. */
  readonly samples: { readonly baseline: number; readonly current: number };
  /**
   * Outcome of re-running, when a `confirm` callback was given and the first verdict was `regressed`:
   * `confirmed` (the re-run regressed too) or `not-reproduced` (verdict downgraded to `within-noise`).
   */
  readonly confirmation?: 'confirmed' | 'not-reproduced';
}

/**
 * Result of comparing two suite runs.
 *
 * @beta
 */
export interface RegressionReport {
  /** One comparison per benchmark present in both runs with samples, in the current run's order. */
  readonly comparisons: readonly BenchmarkComparison[];
  /** Names whose verdict is `regressed`. */
  readonly regressed: readonly string[];
  /** Names whose verdict is `improved`. */
  readonly improved: readonly string[];
  /** Benchmarks that could not be compared (missing on one side, failed, no samples), with the reason. */
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  /** Notices for people (for example: the two runs come from different machines). */
  readonly notices: readonly string[];
}

/**
 * Re-runs one benchmark and returns fresh per-operation samples (seconds), to confirm a regression before
 * it is reported.
 *
 * @beta
 */
export type ConfirmCallback = (name: string, signal: AbortSignal | undefined) => Promise<readonly number[]> | readonly number[];

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
  /** Noise between runs: robust standard deviation of per-run log medians. */
  readonly noise: number;
}

/**
 * What a live watch looks at.
 *
 * @beta
 */
export interface LiveMetricSpec {
  /** Metric name in the monitor's snapshots, e.g. `nodejs.eventloop.delay.p99`. */
  readonly metric: string;
  /** `level` watches the value; `slope` watches its rate of change per second (e.g. RSS growth). @defaultValue `'level'` */
  readonly statistic?: 'level' | 'slope';
  /** Which way is worse. @defaultValue `'increase'` */
  readonly worse?: 'increase' | 'decrease';
  /** Samples that form the baseline before watching starts. @defaultValue `20` */
  readonly baselineSamples?: number;
  /** Recent samples compared with the baseline (their median; for `slope` the fit window). @defaultValue `5` */
  readonly window?: number;
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
   * @defaultValue `0.005` ({@link DEFAULT_COUNT_THRESHOLD})
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
  readonly changePoints?: Omit<ChangePointOptions, 'signal'>;
}
