/**
 * rune-bench: benchmark and monitor version-control tooling.
 *
 * @packageDocumentation
 */

// Each export is named (no `export *`); types in their own statements.
export { BenchmarkSuite } from './bench/benchmark-suite.js';
export type { SuiteRunSelection } from './bench/benchmark-suite.js';
export { compare } from './bench/compare.js';
export type { CompareOptions } from './bench/compare.js';
export type { ConditionDifference, ConditionsExplanation, HostConditions } from './bench/host-conditions.js';
export type { InstructionsOptions, Instrument } from './bench/instruments/instrument-options.js';
export { SuiteResultBuilder } from './bench/result-builder.js';
export type { SuiteResultBuilderOptions } from './bench/result-builder.js';
export { readSuiteResult, writeSuiteResult } from './bench/suite-result-json.js';
export type { SuiteResultExpectation } from './bench/suite-result-json.js';
export type { BenchmarkFn, BenchmarkHook, BenchmarkSuiteEvents, BenchmarkSuiteOptions, IsolationOptions, TaskCycleEvent, TaskErrorEvent, TaskOptions, TaskTimingOptions } from './bench/types.js';
export { systemClock } from './core/clock.js';
export type { Clock, ClockTimer } from './core/clock.js';
export { RuneBenchError, isRuneBenchError } from './core/errors.js';
export type { RuneBenchErrorCode, RuneBenchErrorOptions } from './core/errors.js';
export { Severity } from './core/findings.js';
export type { BottleneckFinding, FindingEvidence } from './core/findings.js';
export type { MetricDescriptor, MetricKind, MetricUnit, MetricValue, MetricValues } from './core/metric.js';
export { BUILTIN_METRIC_UNITS } from './core/metric-names.js';
export type { BuiltinMetricUnits, MetricName, MetricRegistry } from './core/metric-names.js';
export { RESULT_SCHEMA_VERSION } from './core/results.js';
export type { ConfidenceInterval, EnvironmentFingerprint, ErrorInfo, KeyFigure, OutlierCounts, PerOperationUnit, RunMonitorHistory, RunMonitorPoint, RunSettings, SuiteResult, SuiteStatus, SuiteSummary, TaskResult, TaskStatistics, TaskStatus } from './core/results.js';
export { MetricSnapshot } from './core/snapshot.js';
export type { MetricSnapshotInit, MetricSnapshotJSON } from './core/snapshot.js';
export type { CollectContext, MetricSource, SourceAvailability } from './core/source.js';
export type { SuiteDefinition, SuiteParameter, SuiteProgress, SuiteRunOptions, SuiteScale } from './core/suite.js';
export { TypedEventEmitter } from './core/typed-events.js';
export type { ListenerErrorEvents } from './core/typed-events.js';
export { benchmarkKey, walkBenchmarks } from './core/walk.js';
export type { BenchmarkEntry } from './core/walk.js';
export { BottleneckDetector } from './detect/bottleneck/bottleneck-detector.js';
export type { BottleneckDetectorEvents, BottleneckDetectorOptions, BottleneckMonitor, BottleneckReport, BottleneckRuleError, BottleneckWindowOptions } from './detect/bottleneck/bottleneck-detector.js';
export { insufficientData } from './detect/bottleneck/bottleneck-rule.js';
export type { BottleneckRule, BottleneckRuleResult, BottleneckScope, InsufficientData } from './detect/bottleneck/bottleneck-rule.js';
export type { BottleneckChange, BottleneckEvent } from './detect/bottleneck/bottleneck-tracker.js';
export { builtinBottleneckRules } from './detect/bottleneck/rules/builtin.js';
export { betweenRunNoiseFromStore } from './detect/regression/between-run-noise.js';
export { RegressionDetector } from './detect/regression/regression-detector.js';
export type { AnalyzeStoreOptions, RegressionCompareOptions, SnapshotEmitter } from './detect/regression/regression-detector.js';
export type { BenchmarkComparison, BetweenRunNoise, ComparisonReport, ConfirmCallback, HistoryAnalysis, HistoryChange, LiveDeparture, LiveMetricSpec, NotCompared, RegressionDetectorEvents, RegressionDetectorOptions, RegressionEvent } from './detect/regression/regression-types.js';
export type { Verdict } from './detect/regression/verdict.js';
export type { FindingsFormatInput, FormatInput, FormatInputKind, FormatOptions, Formatter, HistoryFormatInput, SuiteFormatInput, TrendChangePoint, TrendPoint, TrendSeries, TrendsFormatInput } from './format/formatter.js';
export type { BudgetForecast, TrendBudget } from './detect/forecast/budget-forecast.js';
export { getFormatter, listFormatters, registerFormatter } from './format/registry.js';
export type { RegisterFormatterOptions } from './format/registry.js';
export { readHistoryFile, writeHistoryFile } from './monitor/history-file.js';
export type { WriteHistoryOptions } from './monitor/history-file.js';
export { MetricHistory } from './monitor/metric-history.js';
export { PerformanceMonitor } from './monitor/performance-monitor.js';
export type { ListenerErrorEvent, MonitorErrorEvent, PerformanceMonitorEvents, PerformanceMonitorOptions } from './monitor/performance-monitor.js';
export type { MetricSeries, MetricSummary, MetricTrend, TrendDirection, TrendOptions, WindowSpec } from './monitor/series-stats.js';
export { defaultSources } from './monitor/sources/defaults.js';
export type { DefaultSourcesOptions } from './monitor/sources/defaults.js';
export type { ChangePoint, ChangePointOptions } from './stats/change-points.js';
export { orderByBranch } from './store/branch-order.js';
export type { BranchOrder } from './store/branch-order.js';
export { FolderResultsStore } from './store/folder-store.js';
export { DEFAULT_NOTES_REF, GitNotesResultsStore } from './store/git-notes-store.js';
export type { GitNotesFetchResult, GitNotesResultsStoreOptions, GitNotesTransferOptions } from './store/git-notes-store.js';
export { openResultsStore } from './store/open-store.js';
export type { HistoryPoint, HistorySeries, ResultsStore, ResultsStoreAppendOptions, ResultsStoreContents, ResultsStoreSeriesOptions, StoredBenchmark, StoredRun } from './store/results-store.js';
export { getSuite, listSuites, registerSuite, unregisterSuite } from './suites/registry.js';
