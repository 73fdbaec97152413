/**
 * rune-bench: benchmark and monitor version-control tooling.
 *
 * The main entry holds what the two flows are built from: the monitor and its sources, `BenchmarkSuite`, the
 * bottleneck and regression detectors, the results store, the suite and formatter registries, the plug-point
 * and result types, and the errors. Detail types and helpers live in subpaths: `rune-bench/store` (history
 * series, git-notes transfer, branch order, between-run noise, history analysis), `rune-bench/format`
 * (formatters, report model, formatter inputs), `rune-bench/rules` (bottleneck rules and rule-author helpers,
 * forecasts), `rune-bench/sources` (source classes, history files, monitor series types, the typed emitter),
 * `rune-bench/stats`, `rune-bench/compare`, `rune-bench/instruments`, `rune-bench/workloads`,
 * `rune-bench/exec`, `rune-bench/cli` and `rune-bench/testing`. A signature here may name a type exported only
 * by a subpath; import that type from the subpath.
 *
 * @packageDocumentation
 */

// Each export is named (no `export *`); types in their own statements.
export { BenchmarkSuite } from './bench/benchmark-suite.js';
export type { SuiteRunSelection } from './bench/benchmark-suite.js';
export { compare } from './bench/compare.js';
export type { CompareOptions } from './bench/compare.js';
export type { HostConditions } from './bench/host-conditions.js';
export type { Instrument } from './bench/instruments/instrument-options.js';
export { SuiteResultBuilder } from './bench/result-builder.js';
export type { SuiteResultBuilderOptions } from './bench/result-builder.js';
export { readSuiteResult, writeSuiteResult } from './bench/suite-result-json.js';
export type { SuiteResultExpectation } from './bench/suite-result-json.js';
export type { BenchmarkFn, BenchmarkHook, BenchmarkSuiteEvents, BenchmarkSuiteOptions, IsolationOptions, TaskCycleEvent, TaskErrorEvent, TaskOptions, TaskTimingOptions } from './bench/types.js';
export { systemClock } from './core/clock.js';
export type { Clock } from './core/clock.js';
export { RuneBenchError, isRuneBenchError } from './core/errors.js';
export type { RuneBenchErrorCode, RuneBenchErrorOptions } from './core/errors.js';
export { Severity } from './core/findings.js';
export type { BottleneckFinding } from './core/findings.js';
export type { MetricDescriptor, MetricKind, MetricUnit, MetricValue, MetricValues } from './core/metric.js';
export type { MetricName, MetricRegistry } from './core/metric-names.js';
export { RESULT_SCHEMA_VERSION } from './core/results.js';
export type { ConfidenceInterval, EnvironmentFingerprint, ErrorInfo, KeyFigure, OutlierCounts, PerOperationUnit, RunMonitorHistory, RunMonitorPoint, RunSettings, SuiteResult, SuiteStatus, SuiteSummary, TaskResult, TaskStatistics, TaskStatus } from './core/results.js';
export { MetricSnapshot } from './core/snapshot.js';
export type { CollectContext, MetricSource, SourceAvailability } from './core/source.js';
export type { SuiteDefinition, SuiteParameter, SuiteProgress, SuiteRunOptions, SuiteScale } from './core/suite.js';
export { benchmarkKey, walkBenchmarks } from './core/walk.js';
export type { BenchmarkEntry } from './core/walk.js';
export { BottleneckDetector } from './detect/bottleneck/bottleneck-detector.js';
export type { BottleneckDetectorEvents, BottleneckDetectorOptions, BottleneckReport } from './detect/bottleneck/bottleneck-detector.js';
export type { BottleneckRule, BottleneckRuleResult } from './detect/bottleneck/bottleneck-rule.js';
export type { BottleneckEvent } from './detect/bottleneck/bottleneck-tracker.js';
export { RegressionDetector } from './detect/regression/regression-detector.js';
export type { AnalyzeStoreOptions, RegressionCompareOptions, SnapshotEmitter } from './detect/regression/regression-detector.js';
export type { BenchmarkComparison, ComparisonReport, ConfirmCallback, LiveDeparture, LiveMetricSpec, NotCompared, RegressionDetectorEvents, RegressionDetectorOptions, RegressionEvent } from './detect/regression/regression-types.js';
export type { Verdict } from './detect/regression/verdict.js';
export type { FormatInput, FormatOptions, Formatter } from './format/formatter.js';
export { getFormatter, listFormatters, registerFormatter } from './format/registry.js';
export { MetricHistory } from './monitor/metric-history.js';
export { PerformanceMonitor } from './monitor/performance-monitor.js';
export type { MonitorErrorEvent, PerformanceMonitorEvents, PerformanceMonitorOptions } from './monitor/performance-monitor.js';
export { defaultSources } from './monitor/sources/defaults.js';
export type { DefaultSourcesOptions } from './monitor/sources/defaults.js';
export { FolderResultsStore } from './store/folder-store.js';
export { GitNotesResultsStore } from './store/git-notes-store.js';
export { openResultsStore } from './store/open-store.js';
export type { ResultsStore, StoredRun } from './store/results-store.js';
export { getSuite, listSuites, registerSuite, unregisterSuite } from './suites/registry.js';
