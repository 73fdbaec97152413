/**
 * rune-bench/stats: the statistics kernel (bootstrap intervals, rank tests, change points, robust slopes).
 *
 * @packageDocumentation
 */

// Each export is named (no `export *`); types in their own statements.
export type { ConfidenceInterval, OutlierCounts, PerOperationUnit, TaskStatistics } from '../core/results.js';
export { summarizeValues, trendOfSeries } from '../monitor/series-stats.js';
export type { MetricSeries, MetricSummary, MetricTrend, TrendDirection, TrendOptions } from '../monitor/series-stats.js';
export { benjaminiHochberg } from '../stats/benjamini-hochberg.js';
export { bootstrapMedianCI, bootstrapRatioCI } from '../stats/bootstrap.js';
export type { BootstrapOptions } from '../stats/bootstrap.js';
export { detectChangePoints } from '../stats/change-points.js';
export type { ChangePoint, ChangePointAnalysis, ChangePointOptions } from '../stats/change-points.js';
export { describeSamples } from '../stats/describe.js';
export type { DescribeOptions } from '../stats/describe.js';
export { hodgesLehmannShift } from '../stats/hodges-lehmann.js';
export { mannWhitneyU } from '../stats/mann-whitney.js';
export type { MannWhitneyResult } from '../stats/mann-whitney.js';
export { pairedRatioInterval } from '../stats/paired-ratio.js';
export type { PairedRatioEstimate } from '../stats/paired-ratio.js';
export { createRng } from '../stats/rng.js';
export { MAX_COMPARED_SAMPLES, thinSamples } from '../stats/thin-samples.js';
